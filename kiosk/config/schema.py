"""Turn parsed TOML into frozen dataclasses, checking types, bounds and unknown keys.

Each dataclass field may carry `metadata={"min": .., "max": .., "choices": (..)}`. Every problem is
collected (not just the first) with the key path it concerns, so the caller can add file and line.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")
KeyPath = tuple[str | int, ...]


@dataclasses.dataclass(frozen=True)
class SchemaIssue:
    """A value that does not fit its field."""

    path: KeyPath
    message: str


class _Invalid(Exception):
    """Raised inside the converter once an issue is recorded, to stop converting that value."""


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if origin in (list, tuple):
        return "a list"
    if origin in (dict, Mapping):
        return "a table"
    if dataclasses.is_dataclass(tp):
        return "a table"
    return {int: "a whole number", float: "a number", str: "a string", bool: "true or false"}.get(
        tp, getattr(tp, "__name__", str(tp))
    )


class Converter:
    """Collects issues while converting one document."""

    def __init__(self) -> None:
        self.issues: list[SchemaIssue] = []

    def convert(self, cls: type[T], data: Any, path: KeyPath = ()) -> T:
        """Build `cls` from `data`; on failure record issues and raise."""
        value = self._value(cls, data, path)
        return typing.cast(T, value)

    def _value(self, tp: Any, data: Any, path: KeyPath) -> Any:
        origin = get_origin(tp)
        if origin in (Union, types.UnionType):
            options = [a for a in get_args(tp) if a is not type(None)]
            if data is None:
                return None
            return self._value(options[0], data, path)
        if dataclasses.is_dataclass(tp):
            return self._dataclass(typing.cast(type, tp), data, path)
        if origin is tuple:
            args = get_args(tp)
            if not isinstance(data, list):
                raise self._fail(path, f"must be {_type_name(tp)}")
            if len(args) == 2 and args[1] is Ellipsis:
                return tuple(self._value(args[0], item, (*path, i)) for i, item in enumerate(data))
            if len(data) != len(args):
                raise self._fail(path, f"must be a list of {len(args)} values")
            return tuple(self._value(a, item, (*path, i)) for i, (a, item) in enumerate(zip(args, data)))
        if origin in (dict, Mapping):
            key_type, value_type = get_args(tp)
            if not isinstance(data, dict):
                raise self._fail(path, "must be a table")
            return types.MappingProxyType(
                {self._value(key_type, k, path): self._value(value_type, v, (*path, k)) for k, v in data.items()}
            )
        if tp is float:
            if isinstance(data, bool) or not isinstance(data, int | float):
                raise self._fail(path, "must be a number")
            return float(data)
        if tp is int:
            if isinstance(data, bool) or not isinstance(data, int):
                raise self._fail(path, "must be a whole number")
            return data
        if tp in (str, bool):
            if not isinstance(data, tp):
                raise self._fail(path, f"must be {_type_name(tp)}")
            return data
        raise self._fail(path, f"has a type this program cannot read ({tp})")

    def _dataclass(self, cls: type, data: Any, path: KeyPath) -> Any:
        if not isinstance(data, dict):
            raise self._fail(path, "must be a table")
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        failed = False
        for key in data:
            if key not in fields:
                known = ", ".join(sorted(fields))
                self.issues.append(SchemaIssue((*path, key), f"unknown key (known here: {known})"))
                failed = True
        values: dict[str, Any] = {}
        for name, field in fields.items():
            if name not in data:
                if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                    self.issues.append(SchemaIssue((*path, name), _what_to_add(path, name, hints[name], field)))
                    failed = True
                continue
            try:
                value = self._value(hints[name], data[name], (*path, name))
                self._check_bounds(field, value, (*path, name))
                values[name] = value
            except _Invalid:
                failed = True
        if failed:
            raise _Invalid()
        return cls(**values)

    def _check_bounds(self, field: dataclasses.Field[Any], value: Any, path: KeyPath) -> None:
        meta = field.metadata
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if "min" in meta and isinstance(item, int | float) and item < meta["min"]:
                raise self._fail(path, f"must be at least {meta['min']} (is {item})")
            if "max" in meta and isinstance(item, int | float) and item > meta["max"]:
                raise self._fail(path, f"must be at most {meta['max']} (is {item})")
            if "choices" in meta and item not in meta["choices"]:
                choices = ", ".join(repr(c) for c in meta["choices"])
                raise self._fail(path, f"must be one of {choices} (is {item!r})")

    def _fail(self, path: KeyPath, message: str) -> _Invalid:
        self.issues.append(SchemaIssue(path, message))
        return _Invalid()


def _what_to_add(path: KeyPath, name: str, tp: Any, field: dataclasses.Field[Any]) -> str:
    """"is required", and what to write where: a key with an example value, or a table."""
    table = ".".join(str(part) for part in path if isinstance(part, str))
    where = f"[[{table}]] table" if path and isinstance(path[-1], int) else f"[{table}]" if table else "the file"
    args = get_args(tp)
    if dataclasses.is_dataclass(tp) or (args and dataclasses.is_dataclass(args[0])):
        inner = tp if dataclasses.is_dataclass(tp) else args[0]
        needed = [f.name for f in dataclasses.fields(inner)
                  if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        header = f"[[{name}]]" if args else f"[{name}]"
        return f"is required: add a {header} table" + (f" with {', '.join(needed)}" if needed else "")
    example = field.metadata.get("example", '"..."')
    return f"is required: add {name} = {example} to {'this ' if where.startswith('[[') else ''}{where}"


def convert(cls: type[T], data: Any) -> tuple[T | None, list[SchemaIssue]]:
    """Convert `data` to `cls`; return the value (None on failure) and every issue found."""
    converter = Converter()
    try:
        return converter.convert(cls, data), converter.issues
    except _Invalid:
        return None, converter.issues


def bounded(default: Any = dataclasses.MISSING, **meta: Any) -> Any:
    """A dataclass field with bounds (`min`, `max`, `choices`) checked at load time."""
    if isinstance(default, list | dict):
        raise TypeError("use tuples or mappings for defaults")
    return dataclasses.field(default=default, metadata=meta)
