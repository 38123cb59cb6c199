"""The automation requests as JSON Schema: every request is checked against it before it runs.

One schema per command; the published whole (`docs/automation.schema.json`, written by
`python -m kiosk.automation.schema`) lets an outside tool check its requests the same way.
Bounds are what a real screen and a real person need, so that no value can hang or end the kiosk
(a swipe of 1e12 ms, a point at 1e400, a list nested a thousand deep).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import fastjsonschema

COORDINATE = {"type": "number", "minimum": -100_000, "maximum": 100_000}
POINT = {"type": "array", "items": COORDINATE, "minItems": 2, "maxItems": 2}
TEXT = {"type": "string", "maxLength": 2000}


def _command(name: str, properties: dict[str, Any], required: tuple[str, ...] = (),
             **extra: object) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"cmd": {"const": name}, "display": {"type": ["string", "null"], "maxLength": 100},
                       **properties},
        "required": ["cmd", *required],
        "additionalProperties": False,
        **extra,
    }


COMMANDS: dict[str, dict[str, Any]] = {
    "tree": _command("tree", {}),
    "state": _command("state", {}),
    "tap": _command("tap", {"x": COORDINATE, "y": COORDINATE, "label": {"type": "string", "maxLength": 500}},
                    anyOf=[{"required": ["label"]}, {"required": ["x", "y"]}]),
    "swipe": _command("swipe", {"from": POINT, "to": POINT, "ms": {"type": "number", "minimum": 0, "maximum": 60_000}},
                      ("from", "to")),
    "type": _command("type", {"text": TEXT}, ("text",)),
    "key": _command("key", {"name": {"type": "string", "minLength": 1, "maxLength": 40}}, ("name",)),
    "scan": _command("scan", {"data": {"type": "string", "maxLength": 4096}}, ("data",)),
    "card": _command("card", {"uid": {"type": "string", "pattern": "^([0-9A-Fa-f]{2}){1,32}$"},
                              "ndef": {"type": "array", "maxItems": 16,
                                       "items": {"type": "string", "maxLength": 2048}}},
                     ("uid",)),
    "screenshot": _command("screenshot", {"path": {"type": "string", "minLength": 1, "maxLength": 4096}}, ("path",)),
    "power": _command("power", {"power": {"enum": ["on", "off", "schedule"]}}, ("power",)),
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Kiosk automation request",
    "description": "One JSON line on the automation socket; the reply is {\"ok\": true, ...} or "
                   "{\"ok\": false, \"error\": \"why\"}.",
    "oneOf": [{"$ref": f"#/$defs/{name}"} for name in COMMANDS],
    "$defs": COMMANDS,
}

_VALIDATORS: dict[str, Callable[[object], object]] = {name: fastjsonschema.compile(schema)
                                                for name, schema in COMMANDS.items()}


def request_problem(request: object) -> str | None:
    """What is wrong with a request, in words, or None when it may run."""
    if not isinstance(request, dict) or not isinstance(request.get("cmd"), str):
        return "a request is a JSON object with a \"cmd\""
    validate = _VALIDATORS.get(request["cmd"])
    if validate is None:
        return f"unknown cmd {request['cmd'][:40]!r} (one of {', '.join(COMMANDS)})"
    try:
        validate(request)
    except fastjsonschema.JsonSchemaValueException as error:
        return f"bad request: {error.message.replace('data', 'request', 1)}"
    return None


if __name__ == "__main__":
    json.dump(SCHEMA, sys.stdout, indent=2)
    sys.stdout.write("\n")
