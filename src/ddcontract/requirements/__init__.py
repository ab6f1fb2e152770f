"""The requirements' home: each requirement of ../shared/REQUIREMENTS.md as one unit (see
:mod:`.base`), declared by its family module and listed once in :mod:`.registry`.

Requirement and flag IDs are written here and nowhere else in the code.
"""

from .base import Case, Decision, Family, Flag, Hit, Requirement, Setting, Theme
from .flags import EXCLUSIONS, REFUSAL, Exclusion
from .protections import LIABILITY_CAP
from .registry import (BY_ID, FAMILIES, FLAG_BY_ID, FLAGS, MODEL_ASKED, MODEL_SUBJECT, MODEL_TRAINED, PLACEHOLDERS,
                       REQUIREMENTS, SETTINGS, THEME_BY_NUMBER, THEMES, family_texts)

__all__ = ["EXCLUSIONS", "REFUSAL", "Exclusion", "LIABILITY_CAP", "BY_ID", "FAMILIES", "FLAGS", "FLAG_BY_ID", "MODEL_ASKED", "MODEL_SUBJECT", "MODEL_TRAINED", "PLACEHOLDERS", "REQUIREMENTS", "SETTINGS", "THEMES",
           "THEME_BY_NUMBER", "Case", "Decision", "Family", "Flag", "Hit", "Requirement", "Setting", "Theme",
           "family_texts"]
