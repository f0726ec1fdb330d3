"""Runs every `$ command` shown in a fenced block of the given docs and compares
its output (stderr then stdout) with the lines the doc shows under it. A block
line "…" means an excerpt: the shown lines must appear in order. `$ echo $?`
shows the previous command's exit code. Usage: doc_examples.py WORKDIR DOC..."""
import difflib
import subprocess
import sys

workdir, docs = sys.argv[1], sys.argv[2:]
fails = 0
for doc in docs:
    lines = open(doc, encoding="utf-8").read().split("\n")
    fence = None  # indentation of the open fence
    last_rc = 0
    i = 0
    while i < len(lines):
        raw = lines[i]
        text = raw.lstrip(" ")
        indent = len(raw) - len(text)
        if text.startswith("```"):
            fence = indent if fence is None else None
            i += 1
            continue
        if fence is None or not raw[fence:].startswith("$ "):
            i += 1
            continue
        cmd = raw[fence + 2:]
        want = []
        j = i + 1
        while j < len(lines) and not lines[j][fence:].startswith("$ ") and not lines[j].lstrip(" ").startswith("```"):
            want.append(lines[j][fence:])
            j += 1
        if cmd == "echo $?":
            got = [str(last_rc)]
        else:
            p = subprocess.run(["bash", "-c", cmd], cwd=workdir, capture_output=True, text=True)
            last_rc = p.returncode
            out = p.stderr + p.stdout
            got = out.rstrip("\n").split("\n") if out else []
        if "…" in want:
            rest = iter(got)
            ok = all(w in rest for w in want if w != "…")
        else:
            ok = got == want
        print(("ok   " if ok else "FAIL ") + doc.split("/")[-1] + ": " + cmd)
        if not ok:
            fails += 1
            for d in difflib.unified_diff(want, got, "doc", "actual", lineterm="", n=1):
                print("     " + d)
        i = j
print(f"{fails} doc example(s) differ" if fails else "all doc examples match")
sys.exit(1 if fails else 0)
