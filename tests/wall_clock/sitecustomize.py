"""The wall clock moved to another moment, for every Python process of a test run (pytest, its workers, the
kiosk processes it starts): to prove that the tests pass whatever the hour and date they run at.

    KIOSK_TEST_WALL_CLOCK=2026-12-05T01:30+01:00 PYTHONPATH=tests/wall_clock .venv/bin/python -m pytest ...

The moment is where the clock stands as the first process starts; it runs on from there at its real pace:
time.time, time.localtime, datetime.now and date.today move; time.monotonic and sleeping are untouched.
Python code only: time.strftime and time.ctime without a time, what C code reads itself (SQLite's
CURRENT_TIMESTAMP, Mosquitto, OpenSSL checking a certificate's dates) and the times the kernel gives files
keep the real time, so a test that compares a file's time or a fresh certificate with Python's clock fails
under it for that reason alone (test_picture_copies' month-old copies, test_signed_packs' TLS server).
Without the variable nothing changes."""

from __future__ import annotations

import datetime as _datetime
import os
import time as _time
from datetime import date as _RealDate
from datetime import datetime as _RealDatetime
from typing import Any

_TARGET = os.environ.get("KIOSK_TEST_WALL_CLOCK", "")
_OFFSET = "KIOSK_TEST_WALL_CLOCK_OFFSET"  # seconds, set by the first process: its children share one clock

if _TARGET:
    if _OFFSET not in os.environ:
        os.environ[_OFFSET] = repr(_datetime.datetime.fromisoformat(_TARGET).timestamp() - _time.time())
    _shift = float(os.environ[_OFFSET])
    _real_time, _real_time_ns = _time.time, _time.time_ns
    _real_localtime, _real_gmtime = _time.localtime, _time.gmtime

    def _time_now() -> float:
        return _real_time() + _shift

    def _time_ns_now() -> int:
        return _real_time_ns() + int(_shift * 1e9)

    class _At:
        """time.localtime and time.gmtime at the moved clock; an object, not a function, so that a class that
        keeps one as an attribute (logging.Formatter.converter) does not bind it as a method."""

        def __init__(self, real: Any) -> None:
            self.real = real

        def __call__(self, seconds: float | None = None) -> _time.struct_time:
            return self.real(_time_now() if seconds is None else seconds)  # type: ignore[no-any-return]

    class _Real(type):
        """isinstance() and issubclass() answer for the real classes: dates made anywhere pass as before."""

        def __instancecheck__(cls, instance: Any) -> bool:
            return isinstance(instance, cls.__mro__[1])

        def __subclasscheck__(cls, subclass: type) -> bool:
            return issubclass(subclass, cls.__mro__[1])

    # now() and today() give instances of these classes (and arithmetic on them keeps the class), so that code
    # that checks the exact type it finds at datetime.datetime (cryptography's, in Rust) accepts them.
    class _ShiftedDatetime(_RealDatetime, metaclass=_Real):
        @classmethod
        def now(cls, tz: _datetime.tzinfo | None = None) -> _ShiftedDatetime:
            return cls.fromtimestamp(_time_now(), tz)

        @classmethod
        def utcnow(cls) -> _ShiftedDatetime:
            return cls.fromtimestamp(_time_now(), _datetime.UTC).replace(tzinfo=None)

        @classmethod
        def today(cls) -> _ShiftedDatetime:
            return cls.fromtimestamp(_time_now())

    class _ShiftedDate(_RealDate, metaclass=_Real):
        @classmethod
        def today(cls) -> _ShiftedDate:
            moment = _RealDatetime.fromtimestamp(_time_now())
            return cls(moment.year, moment.month, moment.day)

    _time.time, _time.time_ns = _time_now, _time_ns_now
    _time.localtime, _time.gmtime = _At(_real_localtime), _At(_real_gmtime)  # type: ignore[assignment]
    _datetime.datetime, _datetime.date = _ShiftedDatetime, _ShiftedDate  # type: ignore[misc]
