"""Test and measurement support: not used by any command, only by the tests and by ``scripts/``."""
