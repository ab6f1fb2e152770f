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
