"""Python's garbage collector, tuned for the command line and the scan workers.

Loading the pipeline creates a large heap that lives as long as the process: spaCy and its
dependencies, the rule library, the lemma tables (English alone has 42,000 forms). The cyclic
collector keeps walking all of it while the contracts are checked (about 7% of a scan's time) and
once more at exit (a tenth of a second for every ``ddcontract check``). So the command line holds
collection off while it loads (:func:`hold`), and once a language's patterns are compiled
(:func:`release`, called by :meth:`ddcontract.rules.Library.matcher`) moves everything loaded so far
out of the collector's sight (``gc.freeze``) and collects from then on, in larger rounds than
Python's default. Before exit (:func:`at_exit`) everything is frozen, so the interpreter's last
collection has nothing to walk; the operating system reclaims the memory at once.

Used as a library, ddcontract leaves the collector alone: :func:`release` does nothing unless
:func:`hold` was called.
"""

from __future__ import annotations

import gc

_held = False
# Matching allocates many short-lived tuples and lists. Python's default first threshold (700
# allocations) starts a young collection hundreds of times per contract; at 50,000 the same garbage
# is collected in fewer, larger rounds (matching is about 10% faster; memory is unchanged, as
# there are few reference cycles to wait for).
THRESHOLDS = (50_000, 20, 20)


def hold() -> None:
    """No cyclic collection until :func:`release` (the process is loading long-lived data)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Freeze what is loaded and collect from now on (after :func:`hold` only)."""
    global _held
    if _held:
        gc.freeze()
        gc.set_threshold(*THRESHOLDS)
        gc.enable()
        _held = False
# Matching allocates many short-lived tuples and lists. Python's default first threshold (700
# allocations) starts a young collection hundreds of times per contract; at 50,000 the same garbage
# is collected in fewer, larger rounds (matching is about 10% faster; memory is unchanged, as
# there are few reference cycles to wait for).
THRESHOLDS = (50_000, 20, 20)


def at_exit() -> None:
    """Before the process ends: nothing left for the interpreter's final collection to walk."""
    gc.freeze()
