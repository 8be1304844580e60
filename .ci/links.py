#!/usr/bin/env python3
"""Every link of the guides works both in rustdoc and on a code host, and
every link to the crate's own docs pages points at a page that exists.

The guides in `docs/` are rustdoc pages (`overdue::guide`) and Markdown files
a code host renders. A link works in both only as a full URL: an item's
docs.rs page (`https://docs.rs/overdue/latest/overdue/...`), written as a
link reference definition at the end of the guide (`[`Ledger`]: https://...`)
or inline. This fails on

- a rustdoc-style link with no definition in its file (`[`Ledger`]` shows as
  plain brackets on a code host), or one to `crate::...` or a relative path
  (dead on one side or the other);
- a docs.rs link of the crate, anywhere in `docs/`, `src/` or the READMEs,
  whose page or anchor is not in the rustdoc output (`target/doc`, built with
  every feature: run `cargo doc --no-deps --all-features` first).

Run from the repository's root: `python3 .ci/links.py`.
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOC = ROOT / "target" / "doc"
CRATE_DOCS = "https://docs.rs/overdue/latest/"
FENCE = re.compile(r"```.*?```", re.S)
RUSTDOC_SHORTCUT = re.compile(r"(?<![\]\\])\[(`[^`\]\n]+`)\](?![(\[])")
FULL_REFERENCE = re.compile(r"\[([^\]\n]+)\]\[([^\]\n]*)\]")
INLINE = re.compile(r"\[((?:`[^`\n]*`|[^\]`\n])+)\]\(([^)\s]+)\)")
# a whole line `[label]: destination "optional title"`, as CommonMark reads a definition
DEFINITION = re.compile(r"^\[([^\]\n]+)\]:[ \t]+(\S+)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$", re.M)
CRATE_URL = re.compile(re.escape(CRATE_DOCS) + r"[^\s)\]>\"'`]+")


def label(text: str) -> str:
    return " ".join(text.split()).lower()


def guide_problems(path: pathlib.Path) -> list:
    text = FENCE.sub("", path.read_text())
    defined = {label(m.group(1)): m.group(2) for m in DEFINITION.finditer(text)}
    body = DEFINITION.sub("", text)
    problems = []
    for m in RUSTDOC_SHORTCUT.finditer(body):
        if label(m.group(1)) not in defined:
            problems.append(f"{m.group(0)} has no link definition (it shows as brackets on a code host)")
    for m in FULL_REFERENCE.finditer(body):
        if label(m.group(2) or m.group(1)) not in defined:
            problems.append(f"{m.group(0)} has no link definition")
    targets = [m.group(2) for m in INLINE.finditer(body)] + list(defined.values())
    for target in targets:
        if not (target.startswith(("https://", "http://", "#"))):
            problems.append(f"({target}) works on one side only: link to the item's docs.rs page")
    return problems


def crate_url_problems(path: pathlib.Path) -> list:
    problems = []
    for url in CRATE_URL.findall(path.read_text()):
        page, _, anchor = url[len(CRATE_DOCS):].partition("#")
        file = DOC / page
        if page.endswith("/") or not page:
            file = file / "index.html"
        if not file.is_file():
            problems.append(f"{url}: no such page in the rustdoc output")
        elif anchor and f'id="{anchor}"' not in file.read_text():
            problems.append(f"{url}: the page has no #{anchor}")
    return problems


def main() -> int:
    if not (DOC / "overdue" / "index.html").is_file():
        print("links: no rustdoc output; run `cargo doc --no-deps --all-features` first")
        return 1
    files = sorted((ROOT / "docs").glob("*.md"))
    checked = files + sorted((ROOT / "src").rglob("*.rs")) + [ROOT / "README.md", ROOT / "python" / "README.md"]
    problems = []
    for path in files:
        problems += [f"{path.relative_to(ROOT)}: {p}" for p in guide_problems(path)]
    for path in checked:
        problems += [f"{path.relative_to(ROOT)}: {p}" for p in crate_url_problems(path)]
    for p in problems:
        print(p)
    urls = sum(len(CRATE_URL.findall(p.read_text())) for p in checked)
    print(f"links: {len(files)} guides, {urls} links to the crate's docs pages, {len(problems)} broken")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
