"""The policy a contract is evaluated against. Defaults follow ../shared/REQUIREMENTS.md;
``--policy policy.yaml`` overrides any of them::

    notification_max_hours: 48          # DD-8.1: a longer deadline is weak
    cap_requires_amount_or_formula: true  # DD-4.6: a cap without either is weak
    insurance_min_amount: {EUR: 1000000}  # DD-6.1: a smaller cyber cover is weak
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import PolicyError


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid")
    notification_max_hours: float = Field(72, gt=0)
    cap_requires_amount_or_formula: bool = True
    insurance_min_amount: dict[str, float] = Field(default_factory=dict)


def load_policy(path: Path | None) -> Policy:
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
