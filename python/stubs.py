"""The result types of ``overdue/__init__.pyi``, written from the jobs' JSON
Schemas (``docs/schema/*.result.json``, which the Rust tests keep equal to
what the crate's types generate) by the package's own ``overdue/_types.py``,
which also makes the classes the package returns: the stubs cannot drift
from the package.

``python python/stubs.py`` (from anywhere) rewrites the block between the
two markers of the stub file; the Python tests fail when the committed block
differs from what this writes. It needs no built package.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib
import sys
from typing import Any, Dict, List

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "docs" / "schema"
STUB = ROOT / "python" / "python" / "overdue" / "__init__.pyi"


def _types() -> Any:
    """``overdue/_types.py`` by its path: it imports nothing of the compiled core."""
    spec = importlib.util.spec_from_file_location("_overdue_types", STUB.parent / "_types.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def results() -> List[Dict[str, Any]]:
    """The jobs' result schemas, as committed."""
    return [json.loads(p.read_text()) for p in sorted(SCHEMAS.glob("*.result.json"))]


def stub_block() -> str:
    return _types().stub_block(results())


def rewrite(stub: pathlib.Path = STUB) -> bool:
    """Writes the block into the stub file; whether it changed."""
    types = _types()
    text = stub.read_text()
    start, end = text.index(types.BEGIN), text.index(types.END) + len(types.END)
    new = text[:start] + types.stub_block(results()) + text[end:]
    if new != text:
        stub.write_text(new)
    return new != text


if __name__ == "__main__":
    changed = rewrite()
    print(f"{STUB.relative_to(ROOT)}: {'rewritten' if changed else 'unchanged'}")
    sys.exit(0)
