#!/usr/bin/env python3
"""Reproducible benchmark corpus for nianbao (bench/run calls this).

    bench/gen_corpus.py OUT_DIR --count 10000 --seed 20240801 --repo . --shared ../shared

Writes OUT_DIR/reports/NNNNN-<source>.{txt,md,html}: seeded random variations of
the example reports (examples/) and of the real reports in shared/corpus/real,
both report types (法治政府建设 fz and 政府信息公开 xg). Each report
    * changes about 30 % of the numbers in the text and, in one report in three, 3 %
      of the table cells (years are kept, so a report stays a report of its year),
    * sometimes swaps two adjacent numbered parts (一、二、…),
    * drops, duplicates, lengthens or shortens body paragraphs (sentences, in the
      crawled pages whose body is one line), and one report in ten is padded to
      about three times its source's length,
    * is written as plain text, Markdown or HTML (about 45 / 30 / 25 %).
It also writes OUT_DIR/big/1mb.txt and OUT_DIR/big/10mb.txt: one report each, the
parts of a real report (xg-2025-shuyang-county) filled with its own paragraphs, repeated until the size is
reached (the scaling test: time must grow about linearly with document size).
OUT_DIR/corpus.json describes what was made. Everything depends only on the
sources, --count and --seed: the same inputs give byte-identical files.
"""
import argparse
import glob
import hashlib
import html
import json
import os
import random
import re
import sys
from html.parser import HTMLParser

# Tables as HTML the way examples/formats/make.py writes the example pages.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "formats"))
from make import table_html as html_table  # noqa: E402

PART_RE = re.compile(r"^[一二三四五六七八九十]{1,3}、")
SEP_RE = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-*:?\s*)*\|?$")
NUM_RE = re.compile(r"\d+(?:\.\d+)?")
SENT_RE = re.compile(r"[^。；;！？]*[。；;！？]")


# ---------------------------------------------------------------- reading sources
class _HtmlBlocks(HTMLParser):
    """<p>, <h1> and <table> of a report page back to blocks (text, or table rows)."""

    def __init__(self):
        super().__init__()
        self.blocks, self.text, self.rows, self.row, self.in_cell = [], None, None, None, False
        self.cell, self.span = "", 1

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h1", "h2", "h3"):
            self.text = ""
        elif tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.in_cell, self.cell = True, ""
            self.span = int(dict(attrs).get("colspan") or 1)

    def handle_endtag(self, tag):
        if tag in ("p", "h1", "h2", "h3") and self.text is not None:
            if self.text.strip():
                self.blocks.append(("para", self.text.strip()))
            self.text = None
        elif tag in ("td", "th") and self.in_cell:
            self.row.append(self.cell.strip())
            self.row.extend([""] * (self.span - 1))
            self.in_cell = False
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        elif tag == "table" and self.rows is not None:
            self.blocks.append(("table", self.rows))
            self.rows = None

    def handle_data(self, data):
        if self.in_cell:
            self.cell += data
        elif self.text is not None:
            self.text += data


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def read_blocks(path):
    """A report as a list of ("para", text) and ("table", rows)."""
    text = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        p = _HtmlBlocks()
        p.feed(text)
        return p.blocks
    blocks, rows, para = [], [], []

    def flush_para():
        if para:
            blocks.append(("para", "".join(para)))
            para.clear()

    for line in text.splitlines() + [""]:
        s = line.strip()
        if s.startswith("|"):
            flush_para()
            if not SEP_RE.fullmatch(s):
                rows.append(cells(s))
            continue
        if rows:
            blocks.append(("table", rows))
            rows = []
        if not s:
            flush_para()
            continue
        s = re.sub(r"^#+\s*", "", s)
        para.append(s)
        if path.endswith(".md"):  # one line, one paragraph in the Markdown sources
            flush_para()
    flush_para()
    return blocks


# ---------------------------------------------------------------- variations
def vary_number(rng, m, p):
    s = m.group(0)
    if "." not in s and len(s) == 4 and s[:2] in ("19", "20"):
        return s  # a year
    if rng.random() >= p:
        return s
    if "." in s:
        whole, frac = s.split(".")
        return f"{rng.randint(0, max(1, int(whole) * 2))}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
    n = int(s)
    return str(rng.randint(max(0, n // 2), n * 2 + 1)) if n < 10 ** 9 else s


def vary_numbers(rng, text, p=0.3):
    return NUM_RE.sub(lambda m: vary_number(rng, m, p), text) if p else text


def sentences(text):
    out = SENT_RE.findall(text)
    rest = text[sum(len(s) for s in out):]
    return out + ([rest] if rest else [])


def split_parts(blocks):
    head, parts = [], []
    for b in blocks:
        if b[0] == "para" and PART_RE.match(b[1]) and len(b[1]) < 60:
            parts.append([b])
        elif parts:
            parts[-1].append(b)
        else:
            head.append(b)
    return head, parts


def vary(rng, blocks):
    head, parts = split_parts(blocks)
    if len(parts) >= 2 and rng.random() < 0.25:
        i = rng.randrange(len(parts) - 1)
        parts[i], parts[i + 1] = parts[i + 1], parts[i]
    body_paras = [b[1] for b in blocks if b[0] == "para" and len(b[1]) > 60] or ["本年度工作有序推进。"]
    # tables: one report in three gets a few changed cells (a sum that no longer adds up)
    table_p = 0.03 if rng.random() < 0.33 else 0.0
    pad = rng.choice([1] * 9 + [3])  # one report in ten is about three times longer
    out = list(head)
    for part in parts:
        out.append(part[0])
        for b in part[1:]:
            if b[0] == "table":
                out.append(("table", [[vary_numbers(rng, c, table_p) for c in row] for row in b[1]]))
                continue
            text = b[1]
            if len(text) < 40:  # headings, dates, short lines: keep
                out.append(b)
                continue
            if len(text) > 1500:  # a crawler's page: the whole body glued in one line
                ss = []
                for x in sentences(text):
                    r = rng.random()
                    ss += [] if r < 0.05 else [x, x] if r < 0.12 else [x]
                for _ in range(pad - 1):
                    ss += sentences(text)
                out.append(("para", vary_numbers(rng, "".join(ss))))
                continue
            r = rng.random()
            if r < 0.08:
                continue  # dropped
            if r < 0.20:  # lengthened with sentences of another paragraph
                text += "".join(sentences(rng.choice(body_paras))[: rng.randint(1, 4)])
            elif r < 0.30:  # shortened
                ss = sentences(text)
                text = "".join(ss[: max(1, len(ss) // 2)])
            text = vary_numbers(rng, text)
            out.append(("para", text))
            if rng.random() < 0.10:
                out.append(("para", text))  # duplicated
            for _ in range(pad - 1):
                out.append(("para", vary_numbers(rng, rng.choice(body_paras))))
    return out


# ---------------------------------------------------------------- writing
def md_table(rows):
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def title_index(blocks):
    for i, b in enumerate(blocks[:8]):
        if b[0] == "para" and "报告" in b[1] and len(b[1]) < 60 and not b[1].endswith("。"):
            return i
    return -1


def render(blocks, fmt):
    t = title_index(blocks)
    if fmt == "html":
        body = []
        for i, b in enumerate(blocks):
            if b[0] == "table":
                body.append(html_table(b[1]))
            elif i == t:
                body.append(f"<h1>{html.escape(b[1])}</h1>")
            else:
                body.append(f"<p>{html.escape(b[1])}</p>")
        title = html.escape(blocks[t][1]) if t >= 0 else ""
        return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                f"<title>{title}</title>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")
    out = []
    for i, b in enumerate(blocks):
        if b[0] == "table":
            out.append(md_table(b[1]))
        elif fmt == "md" and i == t:
            out.append("# " + b[1])
        elif fmt == "md" and PART_RE.match(b[1]) and len(b[1]) < 60:
            out.append("## " + b[1])
        else:
            out.append(b[1])
    return "\n\n".join(out) + "\n"


def big_document(blocks, size):
    """One report of about `size` bytes: its parts filled with its own paragraphs."""
    head, parts = split_parts(blocks)
    fill = [[b for b in p[1:] if b[0] == "para" and len(b[1]) > 40] for p in parts]
    base = len(render(blocks, "txt").encode())
    rounds = max(1, round((size - base) / max(1, sum(len(b[1].encode()) + 2 for f in fill for b in f))))
    out = list(head)
    for p, f in zip(parts, fill):
        out.extend(p)
        out.extend(f * rounds)
    return render(out, "txt")


# ---------------------------------------------------------------- main
def sources(repo, shared):
    ex = os.path.join(repo, "examples")
    paths = [os.path.join(ex, n) for n in ("fz-2023-clean.txt", "fz-2023-defects.txt", "xg-2023-clean.md")]
    paths += sorted(glob.glob(os.path.join(ex, "fz-variants", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ex, "xg-variants", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ex, "formats", "*.html")))
    real = sorted(glob.glob(os.path.join(shared, "corpus", "real", "*.txt")) +
                  glob.glob(os.path.join(shared, "corpus", "real", "*.md")))
    return paths, real


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=20240801)
    ap.add_argument("--repo", default=".")
    ap.add_argument("--shared", default="../shared")
    a = ap.parse_args()
    examples, real = sources(a.repo, a.shared)
    if not real:
        print(f"gen_corpus: no real reports under {a.shared}/corpus/real; using examples/ only", file=sys.stderr)
    srcs = [(p, read_blocks(p)) for p in examples + real]
    # real reports weigh twice as much as the examples: they are what users check
    weighted = [s for s in srcs for _ in range(2 if s[0] in real else 1)]
    os.makedirs(os.path.join(a.out, "reports"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "big"), exist_ok=True)
    stats = {"txt": [0, 0], "md": [0, 0], "html": [0, 0]}
    kinds = {"fz": 0, "xg": 0}
    for i in range(a.count):
        rng = random.Random(f"{a.seed}:{i}")
        path, blocks = rng.choice(weighted)
        fmt = rng.choices(["txt", "md", "html"], weights=[45, 30, 25])[0]
        stem = os.path.splitext(os.path.basename(path))[0]
        data = render(vary(rng, blocks), fmt).encode()
        with open(os.path.join(a.out, "reports", f"{i:05d}-{stem}.{fmt}"), "wb") as f:
            f.write(data)
        stats[fmt][0] += 1
        stats[fmt][1] += len(data)
        kinds["xg" if "xg" in stem else "fz"] += 1
    base = next((s for s in srcs if s[0].endswith("xg-2025-shuyang-county.txt")), None) or \
        max(srcs, key=lambda s: sum(len(b[1]) for b in s[1] if b[0] == "para"))
    big = {}
    for name, size in (("1mb.txt", 1 << 20), ("10mb.txt", 10 << 20)):
        data = big_document(base[1], size).encode()
        with open(os.path.join(a.out, "big", name), "wb") as f:
            f.write(data)
        big[name] = len(data)
    desc = {
        "count": a.count, "seed": a.seed,
        "bytes": sum(v[1] for v in stats.values()),
        "formats": {k: {"files": v[0], "bytes": v[1]} for k, v in stats.items()},
        "report_types": kinds,
        "sources": [os.path.relpath(p, a.repo) for p, _ in srcs],
        "big": {"source": os.path.relpath(base[0], a.repo), "sizes": big},
        "generator_sha256": hashlib.sha256(open(__file__, "rb").read() + open(sys.modules["make"].__file__, "rb").read()).hexdigest(),
    }
    with open(os.path.join(a.out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(desc, f, ensure_ascii=False, indent=1)
    print(json.dumps({k: desc[k] for k in ("count", "seed", "bytes", "formats", "report_types")}, ensure_ascii=False))


if __name__ == "__main__":
    main()
