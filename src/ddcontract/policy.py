"""The policy a contract is evaluated against: one setting per threshold a requirement has.

The settings are declared by the requirements that own them (:class:`ddcontract.requirements.Setting`)
and gathered here into one strict pydantic model, :class:`Policy`. Defaults follow
../shared/REQUIREMENTS.md; ``--policy policy.yaml`` overrides any of them, for example::

    notification_max_hours: 48            # a longer breach-notification deadline is weak
    cap_requires_amount_or_formula: true  # a liability cap without either is weak
    insurance_min_amount: {EUR: 1000000}  # a smaller cyber cover is weak
    suggested_notification_hours: 24      # the deadline suggested clauses propose (at most the maximum)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from .errors import PolicyError
from .requirements import SETTINGS


class PolicyBase(BaseModel):
    model_config = ConfigDict(extra="forbid")


Policy: type[PolicyBase] = create_model(  # type: ignore[call-overload]
    "Policy", __base__=PolicyBase, __module__=__name__, __doc__="The settings of every requirement's policy.",
    **{s.name: (s.annotation, s.default) for s in SETTINGS})


def load_policy(path: Path | None) -> Any:
    if path is None:
        return Policy()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise PolicyError(str(path), f"cannot read the policy file ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise PolicyError(str(path), f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise PolicyError(str(path), "expected a mapping of policy settings")
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        msg = "unknown setting" if err["type"] == "extra_forbidden" else err["msg"]
        raise PolicyError(str(path), f"{field}: {msg} (known: {', '.join(Policy.model_fields)})") from None
