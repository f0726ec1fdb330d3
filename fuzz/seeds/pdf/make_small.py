#!/usr/bin/env python3
"""Writes small PDFs of report text for fuzz_pdf's seeds.

    fuzz/seeds/pdf/make_small.py SOURCE.txt OUT.pdf [FIRST:COUNT ...]

FIRST:COUNT picks COUNT lines from line FIRST (1-based); several ranges are
joined (the title line and one table, say); default 1:60.

The real PDFs are 65-410 KB, almost all embedded font, so a fuzzer spends its
time in poppler's font code and runs a few dozen inputs a second. These carry
the text of a report excerpt with a Type0 font that is not embedded (CIDs
numbered in order of first use) and a ToUnicode map, in uncompressed streams:
a few KB, and every mutation lands in text, layout or structure.
"""
import re
import sys


def pdf(lines, per_page=40):
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    footers = [f"- {n} -" for n in range(1, len(pages) + 1)]  # page furniture the reader drops
    cids = {}
    for ln in lines + footers:
        for ch in ln:
            cids.setdefault(ch, len(cids) + 1)
    objs = []  # 1-based object numbers

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages_obj = add(None)
    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CMapName /Nianbao def 1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    items = sorted(cids.items(), key=lambda kv: kv[1])
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        cmap.append(f"{len(chunk)} beginbfchar")
        for ch, cid in chunk:
            cmap.append(f"<{cid:04X}> <{ch.encode('utf-16-be').hex().upper()}>")
        cmap.append("endbfchar")
    cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    cmap_s = "\n".join(cmap).encode()
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap_s) + cmap_s + b"\nendstream")
    desc = add(b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859]"
               b" /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>")
    cidfont = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo"
                  b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R"
                  b" /DW 1000 >>" % desc)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
               b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cidfont, to_unicode))
    kids = []
    for n, page in enumerate(pages, 1):
        ops = ["BT"]
        y = 800
        for ln in page:
            size = min(10.5, 480 / max(len(ln), 1))  # a table row is shrunk to the page width
            ops.append(f"/F1 {size:.2f} Tf")
            # One text object per cell, placed at its column, as real PDFs set tables.
            for m in re.finditer(r"\S+(?: \S+)*", ln):
                hexs = "".join(f"{cids[ch]:04X}" for ch in m.group())
                ops.append(f"1 0 0 1 {60 + m.start() * size:.1f} {y} Tm <{hexs}> Tj")
            y -= 18
        ops.append(f"1 0 0 1 280 40 Tm <{''.join(f'{cids[ch]:04X}' for ch in footers[n - 1])}> Tj")
        ops.append("ET")
        body = "\n".join(ops).encode()
        content = add(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources"
                        b" << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_obj, font, content)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objs[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        " ".join(f"{k} 0 R" for k in kids).encode(), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    return bytes(out)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    text = open(src, encoding="utf-8").read().splitlines()
    lines = []
    for spec in sys.argv[3:] or ["1:60"]:
        first, count = (int(x) for x in spec.split(":"))
        lines += text[first - 1:first - 1 + count]
    out = []
    for ln in (ln.rstrip() for ln in lines):
        if "  " in ln.strip():  # table row: kept whole
            out.append(ln)
            continue
        while len(ln) > 38:  # prose: hard-wrapped like a printed page
            out.append(ln[:38])
            ln = ln[38:]
        out.append(ln)
    lines = out
    open(dst, "wb").write(pdf(lines))


if __name__ == "__main__":
    main()
