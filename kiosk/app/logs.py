"""Where the kiosk's log goes: the journal under systemd, the console on a desk, a rotating file on request.

Under systemd (JOURNAL_STREAM is set) each record is sent to journald as structured fields over its
native socket (MESSAGE, PRIORITY, LOGGER, CODE_FILE, CODE_LINE, SYSLOG_IDENTIFIER), so
`journalctl -u kiosk -p warning` or `LOGGER=kiosk.app.faults` select what staff need. Elsewhere
records go to standard error. `--log-file` adds a rotating file (5 x 5 MB). Logs never hold
personal data: callers log none, and caught exceptions are masked (kiosk/app/faults.py).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import socket
from pathlib import Path

JOURNAL_SOCKET = "/run/systemd/journal/socket"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
SYSLOG_PRIORITY = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3, logging.CRITICAL: 2}


class JournalHandler(logging.Handler):
    """Sends records to journald's native protocol (one datagram a record, KEY=value lines)."""

    def __init__(self, address: str = JOURNAL_SOCKET, identifier: str = "kiosk") -> None:
        super().__init__()
        self.address = address
        self.identifier = identifier
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)

    def emit(self, record: logging.LogRecord) -> None:
        """One record as journal fields."""
        try:
            message = self.format(record)
            fields = {"MESSAGE": message, "PRIORITY": str(SYSLOG_PRIORITY.get(record.levelno, 6)),
                      "SYSLOG_IDENTIFIER": self.identifier, "LOGGER": record.name,
                      "CODE_FILE": record.pathname, "CODE_LINE": str(record.lineno), "CODE_FUNC": record.funcName}
            self.socket.sendto(b"".join(_field(key, value) for key, value in fields.items()), self.address)
        except Exception:  # the journal gone (a restart of journald): never take the kiosk down for a log line
            self.handleError(record)

    def close(self) -> None:
        """Release the socket."""
        self.socket.close()
        super().close()


def _field(key: str, value: str) -> bytes:
    data = value.encode("utf-8", "replace")
    if b"\n" in data:  # a multi-line value (a traceback): the protocol's length-prefixed form
        return key.encode() + b"\n" + len(data).to_bytes(8, "little") + data + b"\n"
    return key.encode() + b"=" + data + b"\n"


def setup_logging(verbose: bool = False, log_file: Path | None = None) -> list[logging.Handler]:
    """Send the log where it belongs; returns the handlers installed."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    journal = os.environ.get("KIOSK_JOURNAL_SOCKET", JOURNAL_SOCKET)
    handlers: list[logging.Handler] = []
    if os.environ.get("JOURNAL_STREAM") and Path(journal).exists():
        handler: logging.Handler = JournalHandler(journal)
        handler.setFormatter(logging.Formatter("%(message)s"))
    else:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
    handlers.append(handler)
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        rotating = logging.handlers.RotatingFileHandler(log_file, maxBytes=5 << 20, backupCount=5, encoding="utf-8")
        rotating.setFormatter(logging.Formatter(FORMAT))
        handlers.append(rotating)
    for installed in handlers:
        root.addHandler(installed)
    return handlers
