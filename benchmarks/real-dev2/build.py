#!/usr/bin/env python3
"""Rebuild the texts of the second real-contract development set (real-dev2) from public repositories.

usage: build.py MIRROR_ROOT OUTDIR
MIRROR_ROOT is the folder under which the search tool's `fetch` puts each repository, as
MIRROR_ROOT/<owner>+<name>/repo (a bare git directory). Fetch every `owner/name` named in the
`source:` lines of labels.yaml first. Each text is taken as published at the recorded commit; a
PDF source goes through `pdftotext -layout` (poppler-utils).
"""
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def main(root: str, out: str) -> int:
    outdir = Path(out)
    outdir.mkdir(parents=True, exist_ok=True)
    labels = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    missing = []
    for name, entry in labels.items():
        repo, rest = entry["source"].split(" ", 1)
        path, commit = rest.rsplit("@", 1)
        gitdir = Path(root) / repo.replace("/", "+") / "repo"
        try:
            blob = subprocess.run(["git", "-C", str(gitdir), "show", f"{commit}:{path}"],
                                  check=True, capture_output=True).stdout
        except (subprocess.CalledProcessError, FileNotFoundError):
            missing.append(f"{name} (fetch {repo})")
            continue
        if path.lower().endswith(".pdf"):
            with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
                tmp.write(blob)
                tmp.flush()
                blob = subprocess.run(["pdftotext", "-layout", tmp.name, "-"],
                                      check=True, capture_output=True).stdout
        (outdir / name).write_bytes(blob)
    print(f"built {len(labels) - len(missing)}/{len(labels)} into {outdir}")
    for m in missing:
        print("  missing:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
