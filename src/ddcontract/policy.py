"""The policy a contract is evaluated against: one setting per threshold a requirement has.

The settings are declared by the requirements that own them (:class:`ddcontract.requirements.Setting`)
and gathered here into one strict pydantic model, :class:`Policy`. Defaults follow
../shared/REQUIREMENTS.md; ``--policy policy.yaml`` overrides any of them, for example::

    notification_max_hours: 48            # a longer breach-notification deadline is weak
    cap_requires_amount_or_formula: true  # a liability cap without either is weak
    insurance_min_amount: {EUR: 1000000}  # a smaller cyber cover is weak
    suggested_notification_hours: 24      # the deadline suggested clauses propose (at most the maximum)
    required_certifications: [ISO 27001]  # named standards a contract must require (Theme 7)

A policy per risk level is shipped in ``policies/`` (``low.yaml``, ``medium.yaml``, ``high.yaml``, the
levels of :data:`ddcontract.assess.LEVELS`): ``check --profile high`` checks against that preset
(:func:`profile_policy_path`). A profile and ``--policy`` are not combined: the preset is a policy
file like any other, so a company copies it, edits it and gives the copy as ``--policy``.

Values are taken strictly (``true`` is not one hour, ``"48"`` not a number; no infinities or NaN)
within the bounds each setting declares; :func:`load_policy` lists every problem of the file, each
with its line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from .assess import LEVELS, data_dir
from .errors import PolicyError
from .requirements import SETTINGS
from .yamlfile import YamlProblem, compose, line_of, read_yaml


class PolicyBase(BaseModel):
    # strict: ``true`` is not one hour, nor "48" a number; no infinite or NaN thresholds
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


Policy: type[PolicyBase] = create_model(  # type: ignore[call-overload]
    "Policy", __base__=PolicyBase, __module__=__name__, __doc__="The settings of every requirement's policy.",
    **{s.name: (s.annotation, s.default) for s in SETTINGS})

MAX_POLICY_BYTES = 1_000_000


def profile_policy_path(level: str) -> Path:
    """The shipped policy preset of the risk level ``level`` (one of :data:`LEVELS`)."""
    if level not in LEVELS:
        raise PolicyError(level, f"not a risk level (known: {', '.join(LEVELS)})")
    return data_dir("policies") / f"{level}.yaml"


def load_policy(path: Path | None, profile: str | None = None) -> Any:
    """The policy in ``path``, or the preset of the risk level ``profile``, or the default policy
    when both are None. A :class:`PolicyError` lists every problem of the file, each with its line:
    it cannot be read, is not YAML, or sets an unknown setting or an invalid value; and refuses a
    path and a profile together."""
    if profile is not None:
        if path is not None:
            raise PolicyError(str(path), f"--policy and --profile {profile} cannot be used together: the profile "
                              f"is the policy {profile_policy_path(profile).name}; copy it from "
                              f"{profile_policy_path(profile).parent}, edit it and give the copy as --policy")
        path = profile_policy_path(profile)
    if path is None:
        return Policy()
    try:
        text, data = read_yaml(path, max_bytes=MAX_POLICY_BYTES)
    except YamlProblem as exc:
        raise PolicyError(str(path), exc.cause, exc.line) from None
    if data is None:
        return Policy()
    if not isinstance(data, dict):
        raise PolicyError(str(path), "expected a mapping of policy settings, e.g. notification_max_hours: 48",
                          1) from None
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        root = compose(text)
        problems = [(line_of(root, err["loc"]), _describe(err)) for err in exc.errors()]
        raise PolicyError(str(path), sorted(problems, key=lambda p: p[0] or 0)) from None


def _describe(err: Any) -> str:
    """One validation error as the policy's author reads it: the setting, what is wrong, the value."""
    loc = err["loc"]
    field = ".".join(str(x) for x in loc if x != "[key]")
    if err["type"] == "extra_forbidden":
        return f"{field}: unknown setting (known: {', '.join(Policy.model_fields)})"
    msg = err["msg"].removeprefix("Value error, ")
    if "[key]" in loc:
        return f"{field}: {msg}"
    given = repr(err.get("input"))
    return f"{field}: {msg} (given: {given if len(given) <= 40 else given[:37] + '...'})"
