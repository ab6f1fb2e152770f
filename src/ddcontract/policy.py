"""The policy a contract is evaluated against. Defaults follow ../shared/REQUIREMENTS.md;
``--policy policy.yaml`` overrides any of them::

    notification_max_hours: 48          # DD-8.1: a longer deadline is weak
    cap_requires_amount_or_formula: true  # DD-4.6: a cap without either is weak
    insurance_min_amount: {EUR: 1000000}  # DD-6.1: a smaller cyber cover is weak
    suggested_notification_hours: 24    # the deadline suggested clauses propose (at most the maximum)

Suggested clause text is filled from the policy: ``{notice_deadline}`` becomes the suggested
deadline ("twenty-four (24) hours", "24 timer"), ``{insurance_minimum}`` the policy's minimum cyber
cover (or "EUR [amount]" to complete by hand when the policy sets none).
"""

from __future__ import annotations

from pathlib import Path

import re

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import PolicyError


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid")
    notification_max_hours: float = Field(72, gt=0)
    cap_requires_amount_or_formula: bool = True
    insurance_min_amount: dict[str, float] = Field(default_factory=dict)
    suggested_notification_hours: int | None = Field(None, gt=0)

    def suggested_hours(self) -> int:
        """The deadline suggested clauses propose: the setting, 24 h by default, never above the maximum."""
        hours = self.suggested_notification_hours or 24
        return int(min(hours, self.notification_max_hours))

    def insurance_minimum(self, lang: str) -> tuple[float, str] | None:
        """The minimum cyber cover to propose: in DKK for Danish text and EUR for English when set."""
        if not self.insurance_min_amount:
            return None
        preferred = "DKK" if lang == "da" else "EUR"
        currency = preferred if preferred in self.insurance_min_amount else next(iter(self.insurance_min_amount))
        return self.insurance_min_amount[currency], currency


_SUGGESTION_FIELD = re.compile(r"\{(notice_deadline|insurance_minimum)\}")


def fill_suggestion(text: str, policy: Policy, lang: str) -> str:
    """Suggested clause text with the policy's values in place of its ``{placeholders}``."""
    from .i18n import fmt_amount, fmt_quantity

    def repl(m: re.Match[str]) -> str:
        if m.group(1) == "notice_deadline":
            return fmt_quantity(policy.suggested_hours(), "hour", lang)
        minimum = policy.insurance_minimum(lang)
        if minimum is None:
            return "DKK [beløb]" if lang == "da" else "EUR [amount]"
        return fmt_amount(minimum[0], minimum[1], lang)

    return _SUGGESTION_FIELD.sub(repl, text)


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
