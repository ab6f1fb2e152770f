"""Input that is not what it claims to be: encrypted PDFs (and --password), password-protected
Word files, legacy .doc, RTF and OpenDocument files. Each gets one line on stderr naming the file and
what to do, exit code 2, no traceback; a scan records it and goes on. And the tool never opens a
network connection."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ddcontract.requirements import REQUIREMENTS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ENCRYPTED = ROOT / "tests" / "data" / "hostile" / "encrypted_password_ddcontract.pdf"  # password: ddcontract


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ddcontract", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def _ole(path: Path, *stream_names: str) -> Path:
    """A minimal OLE2 compound file: the signature, and directory entries with these names (what
    Word writes for a password-protected DOCX, or a legacy .doc)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entries = b""
    for name in ("Root Entry", *stream_names):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entries += raw.ljust(64, b"\x00") + struct.pack("<H", len(raw)) + bytes(62)
    path.write_bytes(header + entries.ljust(512, b"\x00"))
    return path


def _odt(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    return path


CASES = [
    ("protected.docx", lambda p: _ole(p, "EncryptionInfo", "EncryptedPackage"),
     "the document is encrypted (password-protected): open it in Word and save a copy without a password"),
    ("old.doc", lambda p: _ole(p, "WordDocument", "1Table"), "a legacy Word 97-2003 document (.doc)"),
    ("renamed.docx", lambda p: _ole(p, "WordDocument"), "a legacy Word 97-2003 document (.doc)"),
    ("letter.rtf", lambda p: p.write_bytes(b"{\\rtf1\\ansi Contract}"), "an RTF document"),
    ("contract.odt", _odt, "an OpenDocument text file, not a Word document"),
]


@pytest.mark.parametrize("name, make, cause", CASES, ids=[c[0] for c in CASES])
def test_wrong_kind_of_file_gets_one_line_and_exit_2(tmp_path, name, make, cause):
    path = tmp_path / name
    make(path)
    run = _cli("check", str(path))
    assert run.returncode == 2
    assert run.stderr.startswith(f"ddcontract: error: {path}: {cause}")
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    if "encrypted" not in cause and "Excel" not in cause:
        assert "soffice --headless --convert-to docx" in run.stderr


def test_encrypted_pdf_says_so_and_opens_with_the_password():
    run = _cli("check", str(ENCRYPTED))
    assert run.returncode == 2
    assert run.stderr.strip() == (f"ddcontract: error: {ENCRYPTED}: the PDF is encrypted (password-protected): "
                                  "give its password with --password, or save a copy without one")
    wrong = _cli("check", str(ENCRYPTED), "--password", "guess")
    assert wrong.returncode == 2 and "the password given with --password is not correct" in wrong.stderr
    for engine in ("pdfium", "pdfplumber"):
        ok = _cli("check", str(ENCRYPTED), "--password", "ddcontract", "--format", "json", "--pdf-engine", engine)
        assert ok.returncode == 0, ok.stderr
        deadline = next(f for f in json.loads(ok.stdout)["requirements"] if f["id"] == "DD-8.1")
        assert deadline["status"] == "met" and deadline["values"]["hours"] == 24
    from_env = _cli("check", str(ENCRYPTED), env={"DDCONTRACT_PDF_PASSWORD": "ddcontract"})
    assert from_env.returncode == 0, from_env.stderr


def test_scan_records_every_bad_file_and_reads_the_good_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, make, _ in CASES:
        make(folder / name)
    shutil.copy(ENCRYPTED, folder / "encrypted.pdf")
    shutil.copy(SAMPLES / "dpa.pdf", folder / "good.pdf")
    out = tmp_path / "out"
    run = _cli("scan", str(folder), "--out", str(out), "--include", "*", "--workers", "1")
    assert run.returncode == 1, run.stderr
    lines = [json.loads(x) for x in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    by_name = {Path(o["document"]["path"]).name: o for o in lines}
    assert set(by_name) == {n for n, _, _ in CASES} | {"encrypted.pdf", "good.pdf"}
    assert "error" not in by_name["good.pdf"]
    assert "encrypted" in by_name["encrypted.pdf"]["error"]["message"]
    for name, _, cause in CASES:
        assert by_name[name]["error"]["message"].startswith(cause)
    again = _cli("scan", str(folder / "encrypted.pdf"), "--out", str(tmp_path / "o2"), "--password", "ddcontract")
    assert again.returncode == 0, again.stderr


NO_NETWORK = """
import socket
def _refuse(*args, **kwargs):
    raise RuntimeError("ddcontract tried to open a network connection")
class _NoNetwork(socket.socket):
    connect = connect_ex = sendto = bind = _refuse
socket.socket = _NoNetwork
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


def test_no_network_access(tmp_path):
    """Every command runs with sockets replaced by a function that fails the run."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    env = {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
           "DDCONTRACT_CACHE": str(tmp_path / "cache")}  # a cold cache: the lemma selection runs too
    check = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
                           capture_output=True, text=True, env={**os.environ, **env})
    assert "tried to open a network connection" in check.stderr
    runs = [
        _cli("check", str(SAMPLES / "da_abonnementsaftale.pdf"), "--report", str(tmp_path / "gap.docx"), env=env),
        _cli("check", str(SAMPLES / "msa_provider.docx"), "--format", "json", env=env),
        _cli("init", str(tmp_path / "deal.yaml"), env=env),
        _cli("generate", "dpa", "--data", str(tmp_path / "deal.yaml"), "-o", str(tmp_path / "dpa.docx"), env=env),
        _cli("scan", str(SAMPLES), "--out", str(tmp_path / "scan"), "--workers", "1", env=env),
        _cli("rules", "test", "DD-8.1", env=env),
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "tried to open a network connection" not in run.stderr


# --------------------------------------------------------------------------- zip and XML bombs

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, document_xml: bytes | str, compress: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compress) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document_xml)
    return path


def _body(*paragraphs: str, doctype: str = "") -> str:
    ps = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0"?>{doctype}<w:document {W_NS}><w:body>{ps}</w:body></w:document>'


def _check_fails(path: Path, cause: str, max_rss_mb: int = 1000) -> None:
    probe = ("import resource, subprocess, sys;"
             "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60);"
             "sys.stderr.write(r.stderr); print(r.returncode,"
             " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)")
    run = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "ddcontract", "check", str(path)],
                         capture_output=True, text=True, timeout=120)
    code, rss = map(int, run.stdout.split())
    assert code == 2, run.stderr
    assert run.stderr.startswith(f"ddcontract: error: {path}: ") and cause in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert rss < max_rss_mb


def test_zip_bomb_of_one_huge_part_is_refused_unread(tmp_path):
    path = _docx(tmp_path / "bomb.docx", _body("x" * 60_000_000))
    assert path.stat().st_size < 1_000_000
    _check_fails(path, "a zip bomb?", max_rss_mb=300)


def test_zip_bomb_below_the_size_limit_is_caught_by_its_ratio(tmp_path):
    path = _docx(tmp_path / "ratio.docx", _body("A" * 20_000_000))
    _check_fails(path, "compressed", max_rss_mb=300)


def test_bomb_of_many_small_elements_is_caught(tmp_path):
    # stored, not compressed, so neither the size nor the ratio gives it away: only the tag count
    path = _docx(tmp_path / "tags.docx", _body(*["<w:b/>" * 10] * 450_000), compress=zipfile.ZIP_STORED)
    _check_fails(path, "XML tags", max_rss_mb=500)


def test_zip_claiming_too_many_entries(tmp_path):
    path = _docx(tmp_path / "entries.docx", _body("Clause 1."))
    data = bytearray(path.read_bytes())
    at = data.rfind(b"PK\x05\x06")
    data[at + 8:at + 12] = struct.pack("<HH", 0xFFFF, 0xFFFF)
    path.write_bytes(bytes(data))
    _check_fails(path, "more than 10,000 files")


def test_external_entity_never_reads_a_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    path = _docx(tmp_path / "xxe.docx", _body("The Supplier shall notify &xxe; within 24 hours.", "Clause two.",
                                              doctype=doctype))
    run = _cli("check", str(path), "--format", "json")
    assert "TOP-SECRET-VALUE" not in run.stdout + run.stderr
    assert run.returncode in (0, 2) and "Traceback" not in run.stderr


def test_billion_laughs_does_not_expand(tmp_path):
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    path = _docx(tmp_path / "laughs.docx", _body("Start &lol9; end.", "Clause two.",
                                                  doctype=f"<!DOCTYPE w:document [{ents}]>"))
    probe = ("import resource, subprocess, sys;"
             "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60);"
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)")
    run = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "ddcontract", "check", str(path)],
                         capture_output=True, text=True, timeout=120)
    code, rss = map(int, run.stdout.split())
    assert code in (0, 2) and rss < 500


def test_very_deep_nesting_is_refused(tmp_path):
    deep = "<w:r>" * 100_000 + "x" + "</w:r>" * 100_000
    path = _docx(tmp_path / "deep.docx", f'<?xml version="1.0"?><w:document {W_NS}><w:body><w:p>{deep}</w:p>'
                                          "</w:body></w:document>", compress=zipfile.ZIP_STORED)
    _check_fails(path, "not well-formed XML")


# --------------------------------------------------------------------------- every class at once


def _hostile_folder(root: Path) -> dict[str, str]:
    """Every class of bad input from issue 6, beside good files; name -> expected cause (None: good)."""
    root.mkdir()
    cases: dict[str, str | None] = {}

    def add(name: str, cause: str | None, data: bytes | None = None, make=None) -> None:
        path = root / name
        if make is not None:
            make(path)
        elif data is not None:
            path.write_bytes(data)
        cases[name] = cause

    add("good contract.pdf", None, (SAMPLES / "msa_provider.pdf").read_bytes())
    add("gød kontrakt – æøå.docx", None, (SAMPLES / "da_databehandleraftale.docx").read_bytes())
    add("-leading dash.md", None, (SAMPLES / "it_support_agreement.md").read_bytes())
    add("empty.pdf", "the file is empty", b"")
    add("random.pdf", "not a PDF file", os.urandom(3000))
    add("random.docx", "not a DOCX file", os.urandom(3000))
    add("truncated.pdf", "not a readable PDF", (SAMPLES / "dpa.pdf").read_bytes()[:1500])
    add("scanned.pdf", "no text layer", _blank_pdf(3))
    add("page_numbers_only.pdf", "no text besides page numbers", _blank_pdf(4, b"- 1 -"))
    add("encrypted.pdf", "the PDF is encrypted", ENCRYPTED.read_bytes())
    add("damaged.docx", "not a", (SAMPLES / "dpa.docx").read_bytes()[:4000])
    add("no_document.docx", "word/document.xml is missing", make=lambda p: _zip_only(p))
    for name, make, cause in CASES:
        add(name, cause, make=make)
    add("bomb.docx", "a zip bomb?", make=lambda p: _docx(p, _body("x" * 60_000_000)))
    add("tags.docx", "XML tags", make=lambda p: _docx(p, _body(*["<w:b/>" * 10] * 450_000),
                                                      compress=zipfile.ZIP_STORED))
    add("deep.docx", "not well-formed XML", make=lambda p: _docx(
        p, f'<?xml version="1.0"?><w:document {W_NS}><w:body><w:p>{"<w:r>" * 5000}x{"</w:r>" * 5000}</w:p>'
           "</w:body></w:document>", compress=zipfile.ZIP_STORED))
    return cases


def _zip_only(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")


def _blank_pdf(pages: int, text: bytes = b"") -> bytes:
    """A PDF whose pages hold a drawn rectangle and, when given, a few characters of text (a
    scanned page with a stamped page number): no real text layer."""
    font = 3 + 2 * pages
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            font: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids = []
    for i in range(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        stream = b"0.5 g 50 50 500 700 re f"
        if text:
            stream += b" BT /F1 10 Tf 300 30 Td (%s) Tj ET" % text
        objs[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objs[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                         b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content_id, font))
        kids.append(b"%d 0 R" % page_id)
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (n, objs[n])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for n in sorted(objs):
        out += b"%010d 00000 n \n" % offsets[n]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _digest(folder: Path) -> dict[str, bytes]:
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).digest() for p in folder.iterdir()}


def test_a_folder_of_every_kind_of_bad_input(tmp_path):
    folder = tmp_path / "archive"
    cases = _hostile_folder(folder)
    before = _digest(folder)
    out = tmp_path / "scan"
    run = _cli("scan", str(folder), "--out", str(out), "--include", "*", "--workers", "2")
    assert run.returncode == 1, run.stderr
    assert "could not be read" in run.stderr.splitlines()[-1]
    lines = [json.loads(x) for x in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    by_name = {Path(o["document"]["path"]).name: o for o in lines}
    assert set(by_name) == set(cases)
    for name, cause in cases.items():
        if cause is None:
            assert "error" not in by_name[name], (name, by_name[name].get("error"))
            assert len(by_name[name]["requirements"]) == len(REQUIREMENTS)
        else:
            assert cause in by_name[name]["error"]["message"], (name, by_name[name]["error"])
    assert _digest(folder) == before  # inputs are never modified


@pytest.mark.parametrize("name", ["empty.pdf", "random.pdf", "random.docx", "truncated.pdf", "scanned.pdf",
                                  "page_numbers_only.pdf",
                                  "encrypted.pdf", "damaged.docx", "no_document.docx", "bomb.docx",
                                  "tags.docx", "deep.docx"])
def test_check_on_each_bad_file_is_one_line_exit_2_fast_and_small(tmp_path_factory, name):
    folder = tmp_path_factory.getbasetemp() / "hostile-archive"
    if not folder.exists():
        _hostile_folder(folder)
    cause = _hostile_cause(name)
    probe = ("import resource, subprocess, sys, time;"
             "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60);"
             "sys.stderr.write(r.stderr); print(r.returncode, time.perf_counter() - t,"
             " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)")
    run = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "ddcontract", "check", "--",
                          str(folder / name)], capture_output=True, text=True, timeout=120)
    code, seconds, rss = run.stdout.split()
    assert int(code) == 2
    assert run.stderr.startswith(f"ddcontract: error: {folder / name}: ") and cause in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert float(seconds) < 10 and int(rss) < 1000


def _hostile_cause(name: str) -> str:
    return {"empty.pdf": "empty", "random.pdf": "not a PDF", "random.docx": "not a DOCX", "truncated.pdf": "PDF",
            "scanned.pdf": "no text layer", "page_numbers_only.pdf": "no text besides page numbers",
            "encrypted.pdf": "encrypted", "damaged.docx": "not a",
            "no_document.docx": "word/document.xml", "bomb.docx": "zip bomb", "tags.docx": "XML tags",
            "deep.docx": "well-formed"}[name]


def test_paths_with_spaces_unicode_and_a_leading_dash(tmp_path):
    for name in ("a contract with spaces.md", "kontrakt æøå – ü.md", "-starts-with-dash.md"):
        path = tmp_path / name
        shutil.copy(SAMPLES / "it_support_agreement.md", path)
        run = _cli("check", "--format", "json", "--", str(path))
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout)["document"]["path"] == str(path)
    relative = subprocess.run([sys.executable, "-m", "ddcontract", "check", "--", "-starts-with-dash.md"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert relative.returncode == 0, relative.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.pdf"
    shutil.copy(SAMPLES / "dpa.pdf", path)
    path.chmod(0)
    run = _cli("check", str(path))
    assert run.returncode == 2 and "cannot read" in run.stderr


def test_a_document_over_the_character_limit_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    clause = "The Supplier shall notify the Customer of any Security Incident within 24 hours. " * 50
    path.write_text("\n\n".join(f"{i}. {clause}" for i in range(1, 80)), encoding="utf-8")
    run = _cli("check", str(path), "--max-pages", "100")  # 300,000 characters allowed
    assert run.returncode == 2
    assert "more than the limit of 300,000 characters" in run.stderr and "--max-pages" in run.stderr
    assert _cli("check", str(path), "--max-pages", "200").returncode == 0


def test_unreadable_file_in_process(tmp_path, monkeypatch):
    """The same as test_unreadable_file where permissions cannot stop the test (running as root):
    the operating system's refusal is simulated."""
    from ddcontract.errors import InputError
    from ddcontract.ingest import load_document

    path = tmp_path / "locked.pdf"
    shutil.copy(SAMPLES / "dpa.pdf", path)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError) as exc:
        load_document(path)
    assert str(exc.value) == f"{path}: cannot read the file (Permission denied): check that you may read it"
