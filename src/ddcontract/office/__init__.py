"""Word as a layer: everything that reads or writes DOCX packages.

- :mod:`.reader`: a DOCX as a :class:`~ddcontract.model.Document` (text after accepting tracked
  changes, Word's list numbers, a stable anchor per paragraph and table row).
- :mod:`.template`: rendering docxtpl templates (sandboxed, autoescaped, strict).
- :mod:`.output`: writing any output file atomically (DOCX, XLSX, CSV, YAML).
- :mod:`.pdf`: the output's format from its name (.docx or .pdf), and a rendered DOCX converted to
  PDF by LibreOffice.

A writer that places comments or tracked changes on a finding's evidence belongs here too; it
finds the paragraph by the evidence's ``anchor``.
"""
