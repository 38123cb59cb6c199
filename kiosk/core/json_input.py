"""JSON from outside (automation requests, fleet commands), read defensively.

`json.loads` alone lets through what can hang or end a process later: NaN and Infinity, a float
such as 1e400 (infinite), and nesting deep enough to raise RecursionError in whatever thread reads it.
"""

from __future__ import annotations

import json
import math
from typing import Any


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text[:40]} is too large a number")
    return number


def parse_json_object(data: bytes | str, what: str = "request") -> dict[str, Any]:
    """`data` as a JSON object; ValueError in words for anything else: not JSON, NaN, Infinity, a number
    too large for a float or with more digits than Python converts, nesting too deep, not an object."""
    try:
        value = json.loads(data, parse_constant=_refuse_constant, parse_float=_finite)
    except RecursionError:
        raise ValueError(f"not a {what}: nested too deep") from None
    except UnicodeDecodeError as error:
        raise ValueError(f"not a JSON line: {error}") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not a JSON line: {error}") from None
    except ValueError as error:  # the refusals above, and integers Python will not convert
        raise ValueError(f"not a {what}: {error}") from None
    if not isinstance(value, dict):
        raise ValueError(f"a {what} is a JSON object")
    return value
