#!/usr/bin/env python3
"""Train the statistical sentence model (``src/ddcontract/matching/sentence_model.json``).

The model is a second opinion for a requirement no rule found: for each requirement and language, a
logistic regression over a sentence's words and word pairs (lower case, as written), trained only on
sentences written for this project, under its licence: the clause library's own examples
(``clause_library/*.yaml``) and ``training/sentences_<lang>.yaml``. A rule's positive examples are positives of its requirement; its negative
examples, and every other requirement's positives, are negatives. No contract text is used, so the
model can be measured on every real-contract set (``scripts/real_accuracy.py``) as the rules are.

    python scripts/train_model.py            # write the model
    python scripts/train_model.py --check    # exit 1 when the shipped model is not the one the examples give

Training is deterministic (full-batch gradient descent from zero weights, a fixed number of steps,
weights rounded), takes seconds, and needs numpy (which spaCy brings); the package reads the model
without it. Rerun it after changing rule examples: a test fails while the shipped model was trained on
other examples (the file records a digest of them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "training"  # sentences written to train the model, beside the library's examples
sys.path.insert(0, str(ROOT / "src"))

from ddcontract.matching.statistical import (  # noqa: E402
    ASKED, MODEL_PATH, THRESHOLD, examples_digest, features, training_examples)
from ddcontract.rules import load_library  # noqa: E402

STEPS = 300
RATE = 0.5
L2 = 1e-3
DIGITS = 3
KEEP = 0.02  # smaller weights are dropped: they move a score little and would make the file megabytes


def train_one(rows: list[tuple[frozenset[str], bool]]) -> tuple[dict[str, float], float]:
    """Weights (the non-zero ones, rounded) and bias of one requirement's model; positives and
    negatives weigh the same in total."""
    vocab = sorted({f for feats, _ in rows for f in feats})
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float64)
    for i, (feats, _) in enumerate(rows):
        x[i, [index[f] for f in feats]] = 1.0
    y = np.array([1.0 if pos else 0.0 for _, pos in rows])
    n_pos = y.sum()
    weight = np.where(y == 1, len(y) / (2 * n_pos), len(y) / (2 * (len(y) - n_pos)))
    w = np.zeros(len(vocab))
    b = 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * weight
        w -= RATE * (x.T @ g / len(y) + L2 * w)
        b -= RATE * g.mean()
    weights = {f: round(float(v), DIGITS) for f, v in zip(vocab, w) if abs(v) >= KEEP}
    return weights, round(float(b), DIGITS)


def build() -> dict:
    library = load_library()
    models: dict[str, dict[str, dict]] = {}
    sizes: dict[str, dict[str, list[int]]] = {}
    for lang, examples in training_examples(library, TRAINING).items():
        rows = [(features(text, lang), req) for text, req in examples]
        for rid in ASKED:  # each trained on all of REQUIREMENTS' examples, but only ASKED are kept
            labelled = [(feats, req == rid) for feats, req in rows]
            positives = sum(pos for _, pos in labelled)
            if positives < 2:
                continue
            weights, bias = train_one(labelled)
            models.setdefault(lang, {})[rid] = {"bias": bias, "weights": weights}
            sizes.setdefault(lang, {})[rid] = [positives, len(labelled) - positives]
    return {"about": "ddcontract's statistical sentence model: per language and requirement, a logistic regression "
                     "over a sentence's lower-case words and word pairs, trained by scripts/train_model.py on the "
                     "clause library's own examples only.",
            "threshold": THRESHOLD, "examples_digest": examples_digest(library, TRAINING),
            "examples": sizes, "models": models}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped model instead of writing it")
    args = parser.parse_args()
    model = build()
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    if args.check:
        same = MODEL_PATH.is_file() and MODEL_PATH.read_text(encoding="utf-8") == text
        print("the shipped model is the one the examples give" if same else
              "the shipped model differs: run python scripts/train_model.py")
        return 0 if same else 1
    MODEL_PATH.write_text(text, encoding="utf-8")
    counts = {lang: len(m) for lang, m in model["models"].items()}
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size // 1024} KB; models per language: {counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
