#!/usr/bin/env python3
"""Makes the HTML, DOCX and PDF copies of three examples with real tools.

    python3 examples/formats/make.py    # needs soffice (LibreOffice) and w3m on PATH

HTML is written here the way government sites publish reports: one <p> per
paragraph, the title in <h1>, tables as <table> with merged header cells.
DOCX is LibreOffice's Word export of that HTML; PDF is LibreOffice's PDF
export of the DOCX, as an office would print a Word file to PDF; TXT is the
text-mode browser w3m's dump of the page (tables laid out in columns), as a
crawler or a person saving a page as text would get it.
Each copy must give the same findings as its source (tests/cli/formats_test.sh).
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.dirname(HERE)
SOURCES = ["fz-2023-clean.txt", "fz-2023-defects.txt", "xg-2023-clean.md"]
STYLE = ("body{font-family:'Noto Serif CJK SC','WenQuanYi Micro Hei',serif;font-size:16pt}"
         "p{text-indent:2em;margin:0.3em 0}h1{text-align:center;font-size:20pt}"
         "table{border-collapse:collapse}td{border:1px solid #000;padding:2px 4px;font-size:10pt}")


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def table_html(rows):
    """Markdown rows to a table; a blank cell merges into the one on its left."""
    out = ["<table>"]
    for row in rows:
        out.append("<tr>")
        i = 0
        while i < len(row):
            span = 1
            while i + span < len(row) and row[i + span] == "":
                span += 1
            attr = f' colspan="{span}"' if span > 1 else ""
            out.append(f"<td{attr}>{html.escape(row[i])}</td>")
            i += span
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def to_html(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    body, rows, title = [], [], None
    for line in lines + [""]:
        if line.startswith("|"):
            if not re.fullmatch(r"\|?\s*:?-+:?\s*(\|\s*:?-*:?\s*)*\|?", line.strip()):
                rows.append(cells(line))
            continue
        if rows:
            body.append(table_html(rows))
            rows = []
        text = line.strip()
        if not text:
            continue
        if text.startswith("# "):
            title = text[2:]
            body.append(f"<h1>{html.escape(title)}</h1>")
        elif text.startswith("## "):
            body.append(f"<p><strong>{html.escape(text[3:])}</strong></p>")
        else:
            if title is None and "报告" in text and len(text) < 60 and not text.endswith("。"):
                title = text
                body.append(f"<h1>{html.escape(text)}</h1>")
            else:
                body.append(f"<p>{html.escape(text)}</p>")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title or '')}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def soffice(src, fmt, outdir, infilter=None):
    extra = [f"--infilter={infilter}"] if infilter else []
    subprocess.run(["soffice", "--headless", *extra, "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL)


def main():
    for tool in ("soffice", "w3m"):
        if not shutil.which(tool):
            sys.exit(f"make.py: {tool} not found")
    for name in SOURCES:
        stem = os.path.splitext(os.path.basename(name))[0]
        page = os.path.join(HERE, stem + ".html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(to_html(os.path.join(EXAMPLES, name)))
        with open(os.path.join(HERE, stem + ".txt"), "w", encoding="utf-8") as f:
            subprocess.run(["w3m", "-dump", "-cols", "400", "-T", "text/html", page], check=True, stdout=f)
        with tempfile.TemporaryDirectory() as tmp:
            soffice(page, "docx:MS Word 2007 XML", tmp, infilter="HTML (StarWriter)")
            shutil.copy(os.path.join(tmp, stem + ".docx"), os.path.join(HERE, stem + ".docx"))
            soffice(os.path.join(HERE, stem + ".docx"), "pdf:writer_pdf_Export", tmp)
            shutil.copy(os.path.join(tmp, stem + ".pdf"), os.path.join(HERE, stem + ".pdf"))


if __name__ == "__main__":
    main()
