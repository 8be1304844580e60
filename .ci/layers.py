#!/usr/bin/env python3
"""The library's modules depend downwards only: each top-level module of src/
may import only from modules on a lower rung of the ladder in ARCHITECTURE.md.

Reads every `crate::module` and `super::` path in src/**/*.rs (comments and doc
examples left out), resolves it to its top-level module and fails on an import
that runs sideways or up the ladder, or on a module missing from the ladder.
Also fails on a .rs file over 600 lines. Run it from the repository root:
python3 .ci/layers.py
"""
import os
import re
import sys

# The ladder, bottom first; ARCHITECTURE.md explains each rung.
LADDER = [
    ["component", "dec", "serde_str", "serde_tagged", "guide"],
    ["error"],
    ["dates", "money"],
    ["components", "fraction", "json", "schema"],
    ["calendar", "ratio"],
    ["rate"],
    ["schedule"],
    ["cost", "restructure"],
    ["accrual", "limits"],
    ["revolving"],
    ["books", "compare", "report"],
    ["plan", "oracles"],
    ["jobs", "table"],
]
RUNG = {m: i for i, rung in enumerate(LADDER) for m in rung}

path_re = re.compile(r"\bcrate((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
problems = []
for d, _, files in os.walk("src"):
    for f in files:
        if not f.endswith(".rs"):
            continue
        path = os.path.join(d, f)
        rel = os.path.relpath(path, "src")[:-3].split(os.sep)
        if rel == ["lib"]:
            continue
        me = rel[0]
        if me not in RUNG:
            problems.append(f"{path}: module `{me}` is not on the ladder")
            continue
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            code = line.split("//")[0]
            if line.lstrip().startswith("//"):
                continue
            code = re.sub(r'"[^"]*"', "", code)
            for m in path_re.finditer(code):
                target = m.group(1).split("::")[1]
                if target == me or target[:1].isupper() or target == "__private":
                    continue
                if target not in RUNG:
                    problems.append(f"{path}:{n}: `crate::{target}` is not on the ladder")
                elif RUNG[target] >= RUNG[me]:
                    problems.append(f"{path}:{n}: `{me}` (rung {RUNG[me]}) imports `{target}` (rung {RUNG[target]})")
off = len(problems)
# one concern per file: none over 600 lines, tests included
for root in ("src", "tests", "cli/src", "cli/tests", "python/src", "benches", "examples", "server/src"):
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith(".rs"):
                path = os.path.join(d, f)
                lines = sum(1 for _ in open(path, encoding="utf-8"))
                if lines > 600:
                    problems.append(f"{path}: {lines} lines (at most 600)")
for p in problems:
    print(p)
print(f"layers: {off} imports off the ladder, {len(problems) - off} files over 600 lines")
sys.exit(1 if problems else 0)
