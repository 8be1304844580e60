"""The result types of the jobs, named as in the JSON Schemas: one
read-only record class per object type, with a docstring ``help()`` shows
(its description, its fields, and how a result reaches it). The same code
writes the block of result types in ``__init__.pyi`` (``python/stubs.py``),
so that the stubs cannot drift from what the package returns."""

from __future__ import annotations

import textwrap
from typing import Any, Dict, Iterable, List, Tuple

BEGIN = "# --- result types: written by python/stubs.py from docs/schema; do not edit by hand ---\n"
END = "# --- end of the result types ---\n"
DECIMAL_PATTERNS = (r"^-?[0-9]+(\.[0-9]+)?$", r"^[0-9]+(\.[0-9]+)?$")


def definitions(results: Iterable[Dict[str, Any]]) -> Dict[str, Dict[str, Any]]:
    """Every named type of the jobs' result schemas: each root (by its title) and its ``$defs``."""
    named: Dict[str, Dict[str, Any]] = {}
    for schema in results:
        root = {k: v for k, v in schema.items() if k not in ("$defs", "$schema", "title")}
        for name, body in [(schema.get("title"), root), *schema.get("$defs", {}).items()]:
            if name is not None:
                named.setdefault(name, body)
    return named


def is_object(schema: Dict[str, Any]) -> bool:
    """A type read as a record: an object, or a union of objects (a tagged enum)."""
    if "properties" in schema or schema.get("type") == "object":
        return True
    branches = schema.get("oneOf") or schema.get("anyOf") or []
    return bool(branches) and all(is_object(b) for b in branches if "$ref" not in b)


def annotation(schema: Dict[str, Any], named: Dict[str, Dict[str, Any]]) -> str:
    """The Python type a field of this schema is read as."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return name if is_object(named.get(name, {})) else annotation(named.get(name, {}), named)
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches:
        options = []
        for b in branches:
            t = annotation(b, named)
            if t not in options:
                options.append(t)
        nullable = "None" in options
        options = [o for o in options if o != "None"]
        inner = options[0] if len(options) == 1 else ("Record" if all(is_object(b) for b in branches if b.get("type") != "null") else "Any")
        return f"Optional[{inner}]" if nullable else inner
    types = schema.get("type", [])
    types = [types] if isinstance(types, str) else list(types)
    nullable = "null" in types
    types = [t for t in types if t != "null"]
    if schema.get("pattern") in DECIMAL_PATTERNS:
        inner = "Decimal"
    elif schema.get("format") == "date":
        inner = "datetime.date"
    elif types == ["string"]:
        inner = "str"
    elif types == ["integer"]:
        inner = "int"
    elif types == ["number"]:
        inner = "Decimal"
    elif types == ["boolean"]:
        inner = "bool"
    elif types == ["array"]:
        items = schema.get("items", {})
        inner = f"Tuple[{annotation(items, named) if isinstance(items, dict) and items else 'Any'}, ...]"
    elif types == ["object"]:
        inner = "Record"
    elif not types and nullable:
        return "None"
    else:
        inner = "Any"
    return f"Optional[{inner}]" if nullable else inner


def fields(schema: Dict[str, Any], named: Dict[str, Dict[str, Any]]) -> List[Tuple[str, str]]:
    """The fields of a record type: its own properties, or those every branch of a tagged enum has."""
    if "properties" in schema:
        return [(k, annotation(v, named)) for k, v in schema["properties"].items()]
    branches = [b for b in (schema.get("oneOf") or schema.get("anyOf") or []) if "properties" in b]
    if not branches:
        return []
    common = [k for k in branches[0]["properties"] if all(k in b["properties"] for b in branches)]
    return [(k, "str" if k == "kind" else "Any") for k in common]


def docstring(schema: Dict[str, Any]) -> str:
    text = " ".join(schema.get("description", "").split())
    return text.replace("\\", "\\\\").replace('"""', "'''")


def stub_block(results: Iterable[Dict[str, Any]]) -> str:
    """The result types' block of the stub file (``__init__.pyi``)."""
    named = definitions(results)
    out = [BEGIN]
    for name in sorted(named):
        schema = named[name]
        if not is_object(schema):
            continue
        out.append(f"\nclass {name}(Record):\n")
        doc = docstring(schema)
        if doc:
            wrapped = textwrap.fill(doc, width=96, initial_indent="    ", subsequent_indent="    ")
            out.append(f'    """\n{wrapped}\n    """\n')
        members = fields(schema, named)
        for field, kind in members:
            out.append(f"    {field}: {kind}\n")
        if not members and not doc:
            out.append("    ...\n")
    out.append("\n" + END)
    return "".join(out)


def reached(named: Dict[str, Dict[str, Any]], roots: Dict[str, str]) -> Dict[str, str]:
    """For each record type, the shortest way a job's result reaches it
    (``overdue.statement(...).outstanding``), by the fields that hold it."""
    ways: Dict[str, str] = {}
    queue = [(name, way) for name, way in roots.items()]
    while queue:
        name, way = queue.pop(0)
        if name in ways:
            continue
        ways[name] = way
        schema = named.get(name, {})
        # a tagged enum's fields are those of any of its branches
        branches = [b for b in (schema.get("oneOf") or schema.get("anyOf") or []) if "properties" in b]
        every = fields(schema, named) + [(k, annotation(v, named)) for b in branches for k, v in b["properties"].items()]
        for field, kind in every:
            inner = kind.replace("Optional[", "").replace("Tuple[", "").replace(", ...]", "").rstrip("]")
            if inner in named and inner not in ways:
                step = f"{way}.{field}[0]" if kind.startswith(("Tuple[", "Optional[Tuple[")) else f"{way}.{field}"
                queue.append((inner, step))
    return ways


def class_doc(name: str, schema: Dict[str, Any], named: Dict[str, Dict[str, Any]], way: str) -> str:
    """A record type's docstring: what it is, its fields with their types and descriptions, and an example."""
    lines = [docstring(schema) or f"A {name} of a job's result.", ""]
    members = fields(schema, named)
    if members:
        lines.append("Fields:")
        props = schema.get("properties", {})
        for field, kind in members:
            about = " ".join(props.get(field, {}).get("description", "").split())
            lines.append(textwrap.fill(f"{field} ({kind}): {about}".rstrip(": "), width=88, initial_indent="    ", subsequent_indent="        "))
        lines.append("")
    if way:
        lines.append(f"Example: ``{way}`` is a ``{name}``.")
    return "\n".join(lines)


def classes(results: Iterable[Dict[str, Any]], roots: Dict[str, str], base: type, module: str) -> Dict[str, type]:
    """One subclass of ``base`` per record type of the results, with its docstring."""
    named = definitions(results)
    ways = reached(named, roots)
    return {
        name: type(name, (base,), {"__slots__": (), "__module__": module,
                                   "__doc__": class_doc(name, schema, named, ways.get(name, ""))})
        for name, schema in sorted(named.items())
        if is_object(schema)
    }


def request_doc(schema: Dict[str, Any]) -> str:
    """The fields of a job's request, for its function's docstring: each
    with whether it is required and what it means."""
    required = set(schema.get("required", []))
    defs = schema.get("$defs", {})
    lines = ["", "    Request fields:", ""]
    for field, spec in schema.get("properties", {}).items():
        # a field's own description, else its type's
        about = spec.get("description") or defs.get(spec.get("$ref", "").rsplit("/", 1)[-1], {}).get("description")
        about = " ".join((about or _kind(spec)).split())
        mark = "required" if field in required else "optional"
        lines.append(textwrap.fill(f"{field} ({mark}): {about}", width=88, initial_indent="    - ",
                                   subsequent_indent="      "))
    return "\n".join(lines) + "\n"


def _kind(spec: Dict[str, Any]) -> str:
    """What a field without a description holds: a date, a count, text."""
    if spec.get("format") == "date":
        return "A date, YYYY-MM-DD."
    if spec.get("type") == "integer":
        return "A whole number."
    return "See the JSON guide."
