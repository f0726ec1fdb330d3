#!/usr/bin/env python3
"""The regexes of the built-in rule packs, for the tools nianbao is compared with.

    bench/extract_patterns.py PACK_DIR OUT_DIR

Writes
  OUT_DIR/patterns.txt   every RE2 pattern that is run over the text of a report
                         (patterns:, pattern:, substitutions' pattern:, phrases:,
                         title_patterns:, exclude:, except:), one a line, for `rg -f`;
                         named groups (?P<n>…) become (?<n>…) wherever rg wants that;
  OUT_DIR/patterns.json  the same with where each came from, and the ones left out
                         (tables' cell-label `match:` patterns are not text scans);
  OUT_DIR/prh.yml        a prh dictionary (textlint-rule-prh) for the formulation
                         rules of the ph pack: each substitution becomes
                         expected: <replace>, patterns: [/<regex>/], each forbidden
                         phrase a pattern with the right wording named in the rule's
                         message where there is one.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

TEXT_KEYS = ("patterns", "pattern", "phrases", "title_patterns", "exclude", "except")


def strings(v):
    if isinstance(v, str):
        return [v]
    if isinstance(v, list):
        return [s for x in v for s in strings(x)]
    if isinstance(v, dict):  # cross_claim: patterns: {parts: …, total: …}
        return [s for x in v.values() for s in strings(x)]
    return []


def walk(node, where, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in TEXT_KEYS:
                out.extend((where, k, s) for s in strings(v))
            elif k == "substitutions":
                out.extend((where, "substitutions.pattern", s["pattern"]) for s in v)
            else:
                walk(v, f"{where}.{node.get('id', k)}" if k in ("rules", "sections") else where, out)
    elif isinstance(node, list):
        for x in node:
            walk(x, f"{where}/{x.get('id')}" if isinstance(x, dict) and "id" in x else where, out)


def to_js(rx):
    return rx.replace("(?P<", "(?<")


def to_rg(rx):
    """Named groups to plain groups: matching is the same, and `rg -f` joins all
    patterns into one regex, where the same name twice is an error."""
    return re.sub(r"\(\?P<\w+>", "(?:", rx)


def rg_rejects(rx):
    """rg's error for one pattern, or None if rg takes it (or rg is missing)."""
    if not shutil.which("rg"):
        return None
    p = subprocess.run(["rg", "-q", "-e", rx, "-"], input=b"", capture_output=True)
    return p.stderr.decode(errors="replace").strip() if p.returncode == 2 else None


RIGHT_RE = re.compile(r"应为“([^“”{}]+)”")


def prh_rules(pack):
    rules = []
    for r in pack.get("rules", []):
        if r.get("kind") != "phrase":
            continue
        if r.get("substitutions"):
            for s in r["substitutions"]:
                rules.append({"expected": s["replace"], "patterns": [f"/{to_js(s['pattern'])}/"],
                              "prh": f"{r['id']}: {r.get('title', '')}"})
        elif r.get("mode") == "forbid":
            m = RIGHT_RE.search(r.get("message", "") + r.get("help", ""))
            rules.append({"expected": m.group(1) if m else "〔规范表述〕",
                          "patterns": [f"/{to_js(p)}/" for p in strings(r.get("patterns", []))],
                          "prh": f"{r['id']}: {r.get('title', '')}"})
    return rules


def main():
    pack_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    found, skipped, prh = [], [], []
    for path in sorted(glob.glob(os.path.join(pack_dir, "*.yaml"))):
        pack = yaml.safe_load(open(path, encoding="utf-8"))
        name = pack.get("pack", os.path.basename(path))
        walk(pack, name, found)
        for t in pack.get("tables", []) or []:
            for part in ("columns", "rows"):
                skipped += [f"{name}.tables/{t['id']}.{part}/{c['id']}: {c['match']}"
                            for c in t.get(part, []) if "match" in c]
        if name == "ph":
            prh = prh_rules(pack)
    seen, lines, rejected = set(), [], []
    for where, key, rx in found:
        if rx not in seen:
            seen.add(rx)
            err = rg_rejects(to_rg(rx))
            if err:
                rejected.append({"re2": rx, "rg": err})
            else:
                lines.append(to_rg(rx))
    with open(os.path.join(out_dir, "patterns.txt"), "w", encoding="utf-8") as f:
        f.write("".join(rx + "\n" for rx in lines))
    with open(os.path.join(out_dir, "patterns.json"), "w", encoding="utf-8") as f:
        json.dump({"patterns": [{"from": w, "key": k, "re2": rx} for w, k, rx in found],
                   "unique": len(seen), "for_rg": len(lines), "rg_rejected": rejected,
                   "left_out": skipped}, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out_dir, "prh.yml"), "w", encoding="utf-8") as f:
        f.write("# generated by bench/extract_patterns.py from rules/packs/ph.yaml\nversion: 1\n")
        yaml.safe_dump({"rules": prh}, f, allow_unicode=True, sort_keys=False)
    print(json.dumps({"patterns": len(found), "unique": len(seen), "for_rg": len(lines),
                      "rg_rejected": [r["re2"] for r in rejected], "prh_rules": len(prh),
                      "left_out_table_labels": len(skipped)}))


if __name__ == "__main__":
    main()
