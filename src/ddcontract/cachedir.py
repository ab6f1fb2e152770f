"""Where ddcontract keeps what it can make again (the Danish lemma selection, the compiled
patterns). ``DDCONTRACT_CACHE`` moves it; otherwise it is ``ddcontract`` in the user's
cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder (it may not exist yet; its users create it when they write)."""
    env = os.environ.get("DDCONTRACT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ddcontract"
