"""Python values to the crate's JSON format and back, guided by the jobs'
JSON Schemas: an amount is written as a decimal string and read as a
``decimal.Decimal``, a date as ``YYYY-MM-DD`` and read as a
``datetime.date``, an object read as a read-only record."""

from __future__ import annotations

import datetime
import decimal
import json
import re
from typing import Any, Dict, Iterator, List, Optional, Tuple

_DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def _resolve(schema: Dict[str, Any], defs: Dict[str, Any]) -> Tuple[Dict[str, Any], Optional[str]]:
    """The schema behind a ``$ref``, and the name of the definition."""
    name = None
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = defs[name]
    return schema, name


def _is_decimal(schema: Dict[str, Any]) -> bool:
    """An exact decimal written as text (an amount, a rate, a ratio)."""
    return schema.get("pattern") in (r"^-?[0-9]+(\.[0-9]+)?$", r"^[0-9]+(\.[0-9]+)?$")


def _types(schema: Dict[str, Any]) -> List[str]:
    t = schema.get("type", [])
    return [t] if isinstance(t, str) else list(t)


def _fits(schema: Dict[str, Any], defs: Dict[str, Any], value: Any) -> bool:
    """Whether a JSON value could be an instance of ``schema``: enough to
    pick the branch of a ``oneOf``."""
    schema, _ = _resolve(schema, defs)
    if "const" in schema:
        return schema["const"] == value
    if "enum" in schema:
        return value in schema["enum"]
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches:
        return any(_fits(b, defs, value) for b in branches)
    types = _types(schema)
    if not types:
        return True
    if _is_decimal(schema) and isinstance(value, (int, decimal.Decimal)) and not isinstance(value, bool):
        return True  # an amount given as a number, converted to text on the way
    if isinstance(value, datetime.date) and "string" in types:
        return True
    kind = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value))
    if kind is None and isinstance(value, int):
        kind = "integer"
    if kind not in types and not (kind == "integer" and "number" in types):
        return False
    if kind == "object" and "properties" in schema:
        props = schema["properties"]
        if any(k not in value for k in schema.get("required", [])):
            return False
        return all(k not in props or _fits(props[k], defs, v) for k, v in value.items())
    return True


def _branch(schema: Dict[str, Any], defs: Dict[str, Any], value: Any) -> Dict[str, Any]:
    """The schema itself, or the ``oneOf`` branch ``value`` fits."""
    schema, _ = _resolve(schema, defs)
    branches = schema.get("oneOf") or schema.get("anyOf")
    if not branches:
        return schema
    for b in branches:
        if _fits(b, defs, value):
            return _branch(b, defs, value)
    return schema


def _path(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def decimal_text(value: Any, path: str) -> str:
    """An amount or a rate (``str``, ``int`` or ``Decimal``) as the crate's
    decimal text. A float is a ``TypeError``: no amount, rate or count is one."""
    if isinstance(value, float):
        raise TypeError(
            f"{path or 'the request'}: got the float {value!r}; a float cannot hold money or rates exactly, "
            "so pass a str, an int or a decimal.Decimal"
        )
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise TypeError(f"{path or 'the request'}: {value} is not a finite decimal")
        return format(value, "f")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"{path}: expected a str, an int or a decimal.Decimal, got a {type(value).__name__}")
    return str(value)


def date_text(value: Any, path: str) -> str:
    """A date (``datetime.date``, a midnight ``datetime`` such as a pandas
    ``Timestamp``, or text) as ``YYYY-MM-DD``."""
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0) or value.tzinfo is not None:
            raise TypeError(f"{path or 'the request'}: got a datetime; pass a datetime.date or 'YYYY-MM-DD'")
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"{path}: expected a datetime.date or 'YYYY-MM-DD', got a {type(value).__name__}")


def to_json_value(value: Any, schema: Dict[str, Any], defs: Dict[str, Any], path: str = "") -> Any:
    """``value`` (dicts, lists, str, int, ``Decimal``, ``date``) in the
    crate's JSON format. A float is a ``TypeError``: no amount, rate or
    count is one."""
    if isinstance(value, (float, decimal.Decimal)):
        return decimal_text(value, path)
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{path or 'the request'}: got a datetime; pass a datetime.date or 'YYYY-MM-DD'")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (str, bool)) or value is None:
        return value
    if isinstance(value, int):
        # an int where the format wants a decimal string is an exact amount
        target, _ = _resolve(schema, defs)
        branches = target.get("oneOf") or target.get("anyOf") or [target]
        wants_text = any(_is_decimal(_resolve(b, defs)[0]) for b in branches)
        # an amount goes as text: exact at any size (a JSON integer beyond 64 bits is not)
        return str(value) if wants_text else value
    if isinstance(value, dict):
        # convert the scalars first, then pick the branch by the converted object
        shallow = {k: _shallow(v) for k, v in value.items()}
        target = _branch(schema, defs, shallow)
        props = target.get("properties", {})
        items = target.get("additionalProperties")
        out = {}
        for k, v in value.items():
            sub = props.get(k, items if isinstance(items, dict) else {})
            out[k] = to_json_value(v, sub, defs, _path(path, k))
        return out
    if isinstance(value, (list, tuple)):
        target = _branch(schema, defs, [_shallow(v) for v in value])
        prefix = target.get("prefixItems", [])
        items = target.get("items", {})
        return [
            to_json_value(v, prefix[i] if i < len(prefix) else (items if isinstance(items, dict) else {}), defs, _path(path, i))
            for i, v in enumerate(value)
        ]
    raise TypeError(f"{path or 'the request'}: cannot write a {type(value).__name__} as JSON")


def _shallow(value: Any) -> Any:
    """A value as JSON for picking a branch: decimals and dates as text."""
    if isinstance(value, decimal.Decimal):
        return format(value, "f") if value.is_finite() else str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _shallow(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_shallow(v) for v in value]
    return value


class Record:
    """A read-only result object: its fields as attributes (amounts as
    ``decimal.Decimal``, dates as ``datetime.date``, objects as records,
    lists as tuples). ``to_dict()`` and ``to_json()`` give the documented
    JSON format back."""

    __slots__ = ("_fields",)

    def __init__(self, fields: Dict[str, Any]) -> None:
        object.__setattr__(self, "_fields", fields)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __dir__(self) -> List[str]:
        return sorted(self._fields) + ["to_dict", "to_json"]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._fields == other._fields  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, json.dumps(self.to_dict(), sort_keys=True)))

    def __repr__(self) -> str:
        parts = []
        for k, v in self._fields.items():
            text = repr(v)
            if len(text) > 60:
                text = f"<{len(v)} items>" if isinstance(v, tuple) else text[:57] + "..."
            parts.append(f"{k}={text}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def to_dict(self) -> Dict[str, Any]:
        """The documented JSON format of this object, as a dict of JSON values."""
        return {k: _plain(v) for k, v in self._fields.items()}

    def to_json(self) -> str:
        """The documented JSON format of this object, as text."""
        return json.dumps(self.to_dict())


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


_CLASSES: Dict[str, type] = {}


def _record_class(name: str) -> type:
    if name not in _CLASSES:
        _CLASSES[name] = type(name, (Record,), {"__slots__": (), "__module__": "overdue"})
    return _CLASSES[name]


def from_json_value(value: Any, schema: Dict[str, Any], defs: Dict[str, Any], name: Optional[str] = None) -> Any:
    """A JSON result as Python values, by its schema."""
    resolved, ref = _resolve(schema, defs)
    name = ref or name or schema.get("title")
    target = _branch(resolved, defs, value)
    if isinstance(value, dict):
        props = target.get("properties", {})
        fields = {k: from_json_value(v, props.get(k, {}), defs) for k, v in value.items()}
        return _record_class(name or "Record")(fields)
    if isinstance(value, list):
        prefix = target.get("prefixItems", [])
        items = target.get("items", {})
        return tuple(
            from_json_value(v, prefix[i] if i < len(prefix) else (items if isinstance(items, dict) else {}), defs)
            for i, v in enumerate(value)
        )
    if isinstance(value, str):
        if target.get("format") == "date":
            return datetime.date.fromisoformat(value)
        if _is_decimal(target) and _DECIMAL.match(value):
            return decimal.Decimal(value)
    return value
