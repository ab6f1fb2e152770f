"""Batch scans of contract archives: ``ddcontract scan PATH... --out DIR``.

Files are found, hashed and deduplicated in the parent process (:mod:`.inventory`); worker
processes (:mod:`.worker`, each loading the rule library once) check them and return only the
result's JSON object, which the parent appends to ``DIR/results.jsonl`` as one line, flushed as
soon as the document is done (:mod:`.results`). A scan that is killed leaves at most one incomplete
last line, which ``--resume`` cuts off before it continues with the documents whose content hash
has no line yet. The checks run in a local process pool (:mod:`.pool`) or on a Dask cluster
(:mod:`.cluster`). At the end, ``DIR/summary.csv`` and ``DIR/summary.xlsx`` are written from the JSON
lines, atomically (:mod:`.summary`). :mod:`.run` puts it together, as the command runs it: the
output folder, ``--resume`` and ``--force``, the progress on stderr and the final line.

The options reach the workers as one typed, frozen :class:`~.options.ScanOptions`.
"""
