"""Counting a measurement against gold labels: true and false positives and negatives of one group (a
language, a requirement, a point of Art. 28(3)), and the precision, recall and F1 row the accuracy
scripts print."""

from __future__ import annotations


class Tally:
    """Addressed/missing counts of one group."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, label: bool, got: bool) -> None:
        if label and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif label:
            self.fn += 1
        else:
            self.tn += 1

    def merge(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn

    def row(self) -> str:
        """'precision recall F1 tp fp fn tn', aligned (a group with nothing to find scores 1.00)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return f"{p:9.2f} {r:6.2f} {f1:5.2f} {self.tp:4d} {self.fp:3d} {self.fn:3d} {self.tn:3d}"


def language_rows(by_lang: dict[str, Tally], width: int) -> list[str]:
    """A row per language (sorted), then one for all of them together, labels padded to ``width``."""
    total = Tally()
    rows = []
    for lang in sorted(by_lang):
        rows.append(f"{lang:{width}} {by_lang[lang].row()}")
        total.merge(by_lang[lang])
    return [*rows, f"{'all':{width}} {total.row()}"]


def value_right(want: object, got: object) -> bool:
    """Whether an extracted value is the labelled one: both absent, the same currency code, or the same number."""
    if want is None or got is None:
        return want is got
    if isinstance(want, str) or isinstance(got, str):  # a currency
        return str(want).upper() == str(got).upper()
    return abs(float(want) - float(got)) < 1e-6  # type: ignore[arg-type]
