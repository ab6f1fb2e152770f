#!/usr/bin/env python3
"""Where a scan's time goes: each pipeline stage timed over the PDFs of a folder, in one process
(as one scan worker runs them). Prints seconds and share per stage.

    python benchmarks/profile_stages.py ~/.cache/ddcontract/bench-archive-300
    python benchmarks/profile_stages.py DIR --cprofile 25    # also the top functions by own time
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N PDFs")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N", help="print the top N functions")
    args = ap.parse_args()

    from ddcontract.decide import decide
    from ddcontract.ingest import load_document
    from ddcontract.language import document_languages
    from ddcontract.matching.match import match_clauses
    from ddcontract.model import CheckResult
    from ddcontract.parties import find_parties
    from ddcontract.policy import Policy
    from ddcontract.report import to_json
    from ddcontract.rules import load_library
    from ddcontract.segment import clauses_of
    from ddcontract.wording import word_all

    from ddcontract import gcpolicy

    pdfs = sorted(args.folder.rglob("*.pdf"))[: args.limit or None]
    gcpolicy.hold()  # as the command line and a scan worker do (see ddcontract.gcpolicy)
    t0 = time.perf_counter()
    library = load_library()
    for lang in ("en", "da"):  # build the matchers up front, as a worker does on its first file
        library.matcher(lang)
    times: dict[str, float] = defaultdict(float)
    times["start-up (library, matchers)"] = time.perf_counter() - t0
    pages = 0
    policy = Policy()
    prof = cProfile.Profile() if args.cprofile else None
    if prof:
        prof.enable()
    for pdf in pdfs:
        t = time.perf_counter()
        doc = load_document(pdf)
        times["ingest (PDF text, lines, sections)"] += time.perf_counter() - t
        pages += doc.pages or 0
        t = time.perf_counter()
        clauses = clauses_of(doc.blocks)
        times["segment (clauses, sentences)"] += time.perf_counter() - t
        t = time.perf_counter()
        lang, per_clause = document_languages([b.text for b in doc.blocks], [c.text for c in clauses])
        parties = find_parties(doc)
        times["language, parties"] += time.perf_counter() - t
        t = time.perf_counter()
        matches = []
        for code in dict.fromkeys(per_clause):
            group = [c for c, c_lang in zip(clauses, per_clause) if c_lang == code]
            matches.extend(match_clauses(group, library, code))
        times["match + values"] += time.perf_counter() - t
        t = time.perf_counter()
        decided, raised = decide(matches, policy)
        times["decide"] += time.perf_counter() - t
        t = time.perf_counter()
        findings, flags = word_all(decided, raised, library, policy, lang)
        times["word"] += time.perf_counter() - t
        t = time.perf_counter()
        to_json(CheckResult(document=doc, requirements=findings, flags=flags, report_language=lang, language=lang,
                            parties=parties))
        times["JSON"] += time.perf_counter() - t
    if prof:
        prof.disable()
    total = sum(times.values())
    print(f"{len(pdfs)} PDFs, {pages} pages, {total:.1f} s in one process: {pages / total:.0f} pages/s")
    for name, s in times.items():
        print(f"  {name:<36} {s:7.2f} s  {100 * s / total:5.1f} %")
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
