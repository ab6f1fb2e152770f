#!/usr/bin/env python3
"""Build the sample markups: contracts with tracked changes as Word writes them, and the clean
"theirs" version of each (every change accepted), from scripts/markup_sources/<name>.txt.

Usage:
    python scripts/build_markups.py            # every source
    python scripts/build_markups.py markup_msa  # some
    python scripts/build_markups.py --out DIR   # elsewhere (the tests compare with samples/)
    python scripts/build_markups.py --ours --out DIR  # also <name>_ours.docx: every change rejected
                                                       # (our draft; not kept in samples/, the markup's
                                                       # side before its changes is the same text)

Outputs samples/<name>.docx (the markup) and samples/<name>_theirs.docx (the same text with every
change accepted, no tracked changes: what a customer returns as a clean version). The output is
deterministic (fixed ZIP timestamps, paragraph IDs numbered in order).

Source format, one paragraph per line (blank lines and lines starting with "%" are ignored):

    @key: value      title, language (en|da), author ("Name|2026-11-20T09:00:00Z": who makes the
                     changes that follow; may be repeated to change the author midway)
    TITLE text       the title (unnumbered, bold)
    P text           an unnumbered paragraph
    H text           a clause heading, numbered "1." by Word numbering
    1 text           a clause, numbered "1.1"
    TABLE a | b      a table row (the first of a table; "ROW a | b" continues it)

A line may start with a whole-paragraph change: "-" deleted (its words and its mark), "+" inserted
(written "-1 …", "+1 …", "-ROW …"), "<name " moved away from here and ">name " moved here (a move's two ends share the name; Word writes
range markers around both). Inline: {+words+} inserted, {-words-} deleted, and "{¶}" at the end of a
line deletes the paragraph mark, so that the paragraph runs into the next one after the changes.
In a table row, a cell written "{+cell+}" or "{-cell-}" whole is an inserted or deleted cell.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "scripts" / "markup_sources"
SAMPLES = ROOT / "samples"

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"')
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = HEAD + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
RELS = HEAD + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
DOC_RELS = HEAD + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
</Relationships>"""
NUMBERING = HEAD + f"""<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""
STYLES = HEAD + f"""<w:styles {NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/><w:lang w:val="{{lang}}"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>
</w:tblBorders></w:tblPr></w:style>
</w:styles>"""
SETTINGS = HEAD + f'<w:settings {NS}>{{track}}<w:defaultTabStop w:val="720"/></w:settings>'
CORE = HEAD + ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
               'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title>'
               '<dc:creator>ddcontract samples</dc:creator>'
               '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-02T09:00:00Z</dcterms:created>'
               '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-20T16:00:00Z</dcterms:modified>'
               '</cp:coreProperties>')

INLINE = re.compile(r"(\{\+.+?\+\}|\{-.+?-\})")
LINE = re.compile(r"^(?P<change>[-+]|[<>]\w+ )?(?P<tag>TITLE|P|H|1|TABLE|ROW) (?P<text>.*)$")


@dataclass
class Source:
    meta: dict[str, str]
    lines: list[tuple[str | None, str, str, str]]  # change, tag, text, author|date


def parse(path: Path) -> Source:
    meta: dict[str, str] = {}
    lines = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("%"):
            continue
        if raw.startswith("@"):
            key, _, value = raw[1:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        m = LINE.match(raw)
        if not m:
            raise SystemExit(f"{path}:{n}: cannot read {raw!r}")
        lines.append(((m["change"] or "").strip() or None, m["tag"], m["text"], meta.get("author", "Reviewer|2026-11-20T09:00:00Z")))
    return Source(meta, lines)


@dataclass
class Writer:
    """WordprocessingML for one document: tracked (the markup), or one side of it without tracked
    changes (``side``: "after", every change accepted — theirs; "before", every change rejected — ours)."""

    tracked: bool
    side: str = "after"
    next_id: int = 0
    next_para: int = 0
    moves: dict[str, int] = field(default_factory=dict)

    def rid(self) -> int:
        self.next_id += 1
        return self.next_id

    def para_id(self) -> str:
        self.next_para += 1
        return f"{0x1D000000 + self.next_para:08X}"

    @staticmethod
    def who(author: str) -> str:
        name, _, date = author.partition("|")
        return f"w:author={quoteattr(name.strip())} w:date={quoteattr(date.strip())}"

    @staticmethod
    def run(text: str, deleted: bool = False, bold: bool = False) -> str:
        tag = "w:delText" if deleted else "w:t"
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return f'<w:r>{rpr}<{tag} xml:space="preserve">{escape(text)}</{tag}></w:r>'

    def runs(self, text: str, author: str, whole: str | None = None, bold: bool = False) -> str:
        """The paragraph's runs; ``whole``: a change of the whole paragraph ("-", "+", "<name", ">name")."""
        out = []
        for piece in INLINE.split(text):
            if not piece:
                continue
            kind = whole[0] if whole else None
            if piece.startswith("{+"):
                kind, piece = "+", piece[2:-2]
            elif piece.startswith("{-"):
                kind, piece = "-", piece[2:-2]
            if not self.tracked:
                if kind not in (("-", "<") if self.side == "after" else ("+", ">")):
                    out.append(self.run(piece, bold=bold))
                continue
            if kind is None:
                out.append(self.run(piece, bold=bold))
            elif kind == "+":
                out.append(f'<w:ins w:id="{self.rid()}" {self.who(author)}>{self.run(piece, bold=bold)}</w:ins>')
            elif kind == "-":
                out.append(f'<w:del w:id="{self.rid()}" {self.who(author)}>{self.run(piece, True, bold)}</w:del>')
            else:
                tag = "w:moveFrom" if kind == "<" else "w:moveTo"
                out.append(f'<{tag} w:id="{self.rid()}" {self.who(author)}>{self.run(piece, bold=bold)}</{tag}>')
        return "".join(out)

    def mark(self, change: str | None, joined: bool, author: str) -> str:
        """The paragraph mark's change, inside w:pPr/w:rPr."""
        if not self.tracked:
            return ""
        kind = "-" if joined else (change[0] if change else None)
        tag = {"-": "w:del", "+": "w:ins", "<": "w:moveFrom", ">": "w:moveTo"}.get(kind or "")
        return f'<w:rPr><{tag} w:id="{self.rid()}" {self.who(author)}/></w:rPr>' if tag else ""

    def paragraph(self, change: str | None, tag: str, text: str, author: str, joined: bool = False) -> str:
        style = {"TITLE": '<w:pStyle w:val="Title"/>', "H": '<w:pStyle w:val="Heading1"/>'}.get(tag, "")
        num = {"H": 0, "1": 1}.get(tag)
        numpr = f'<w:numPr><w:ilvl w:val="{num}"/><w:numId w:val="1"/></w:numPr>' if num is not None else ""
        ppr = f"<w:pPr>{style}{numpr}{self.mark(change, joined, author)}</w:pPr>"
        body = f'<w:p w14:paraId="{self.para_id()}">{ppr}{self.runs(text, author, change, tag == "TITLE")}</w:p>'
        if self.tracked and change and change[0] in "<>":
            kind = "moveFrom" if change[0] == "<" else "moveTo"
            rid = self.rid()
            start = f'<w:{kind}RangeStart w:id="{rid}" w:name="{change[1:]}" {self.who(author)}/>'
            body = f'{start}{body}<w:{kind}RangeEnd w:id="{rid}"/>'
        return body

    def cell(self, text: str, author: str) -> str:
        whole = re.fullmatch(r"\{([+-])([^{}]+)[+-]\}", text.strip())
        tcpr = '<w:tcW w:w="0" w:type="auto"/>'
        if whole and self.tracked:
            tag = "w:cellIns" if whole[1] == "+" else "w:cellDel"
            tcpr += f'<{tag} w:id="{self.rid()}" {self.who(author)}/>'
            text = whole[2]
        elif whole:
            if whole[1] == ("-" if self.side == "after" else "+"):
                return ""
            text = whole[2]
        return f'<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p w14:paraId="{self.para_id()}">{self.runs(text, author)}</w:p></w:tc>'

    def row(self, change: str | None, text: str, author: str, header: bool) -> str:
        if not self.tracked and change == ("-" if self.side == "after" else "+"):
            return ""
        trpr = "<w:tblHeader/>" if header else ""
        if self.tracked and change in ("-", "+"):
            trpr += f'<{"w:del" if change == "-" else "w:ins"} w:id="{self.rid()}" {self.who(author)}/>'
        cells = "".join(self.cell(c, author) for c in text.split(" | "))
        return f'<w:tr w14:paraId="{self.para_id()}"><w:trPr>{trpr}</w:trPr>{cells}</w:tr>'


def body(src: Source, tracked: bool, side: str = "after") -> str:
    w = Writer(tracked, side)
    out: list[str] = []
    table: list[str] | None = None
    pending = ""  # accepted: the words of a paragraph whose mark was deleted, run into the next
    for change, tag, text, author in src.lines:
        if tag in ("TABLE", "ROW"):
            if tag == "TABLE" or table is None:
                if table is not None:
                    out.append("".join(table) + "</w:tbl>")
                table = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>']
            table.append(w.row(change, text, author, tag == "TABLE"))
            continue
        if table is not None:
            out.append("".join(table) + "</w:tbl>")
            table = None
        joined = text.endswith("{¶}")
        text = text[:-3].rstrip() + " " if joined else text
        if not tracked and side == "before":
            if change and change[0] in "+>":
                continue
            text = text.rstrip() if joined else text
            joined = False
        elif not tracked:
            if change and change[0] in "-<":
                continue
            if joined:
                pending += re.sub(r"\{-.+?-\}", "", text)
                continue
            text, pending = pending + text, ""
        out.append(w.paragraph(change, tag, text, author, joined))
    if table is not None:
        out.append("".join(table) + "</w:tbl>")
    return "".join(out)


def write(src: Source, out: Path, tracked: bool, side: str = "after") -> None:
    lang = {"da": "da-DK"}.get(src.meta.get("language", "en"), "en-GB")
    document = (f'{HEAD}<w:document {NS}><w:body>{body(src, tracked, side)}'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" '
                'w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>')
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "word/_rels/document.xml.rels": DOC_RELS,
             "word/document.xml": document, "word/numbering.xml": NUMBERING,
             "word/styles.xml": STYLES.replace("{lang}", lang),
             "word/settings.xml": SETTINGS.replace("{track}", "<w:trackRevisions/>" if tracked else ""),
             "docProps/core.xml": CORE.format(title=escape(src.meta.get("title", out.stem)))}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 20, 16, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data.encode("utf-8"))


def main(names: list[str], out: Path = SAMPLES, ours: bool = False) -> list[Path]:
    sources = [SRC / f"{n}.txt" for n in names] if names else sorted(SRC.glob("*.txt"))
    written = []
    for path in sources:
        src = parse(path)
        outputs = [(out / f"{path.stem}.docx", True, "after"), (out / f"{path.stem}_theirs.docx", False, "after")]
        if ours:
            outputs.append((out / f"{path.stem}_ours.docx", False, "before"))
        for target, tracked, side in outputs:
            write(src, target, tracked, side)
            written.append(target)
    return written


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Build the markup samples from scripts/markup_sources/.")
    ap.add_argument("names", nargs="*", help="sources to build (default: every one), e.g. markup_msa")
    ap.add_argument("--out", type=Path, default=SAMPLES, help="where to write them (default: samples/)")
    ap.add_argument("--ours", action="store_true", help="also <name>_ours.docx: every change rejected")
    ns = ap.parse_args()
    unknown = [n for n in ns.names if not (SRC / f"{n}.txt").is_file()]
    if unknown:
        ap.error(f"no source {', '.join(unknown)} in {SRC}")
    for done in main(ns.names, ns.out, ns.ours):
        print(done)
