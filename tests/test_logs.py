"""Where the log goes: structured fields to the journal under systemd, a rotating file on request."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import write_config
from tests.kiosk_process import start_kiosk


def journal_fields(datagram: bytes) -> dict[str, str]:
    """journald's native protocol: KEY=value lines, or KEY, a length and the bytes for a multi-line value."""
    fields: dict[str, str] = {}
    rest = datagram
    while rest:
        line, _, after = rest.partition(b"\n")
        if b"=" in line:
            key, _, value = line.partition(b"=")
            fields[key.decode()] = value.decode()
            rest = after
        else:
            size = int.from_bytes(after[:8], "little")
            fields[line.decode()] = after[8:8 + size].decode()
            rest = after[8 + size + 1:]
    return fields


@pytest.mark.e2e
def test_under_systemd_the_log_goes_to_the_journal_as_fields_and_to_a_file_on_request(tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.socket"
    journal = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    journal.bind(str(journal_path))
    journal.settimeout(10)
    sock = tmp_path / "kiosk.sock"
    log_file = tmp_path / "logs" / "kiosk.log"
    process = start_kiosk(write_config(tmp_path), sock, "--display", "terminal", "--log-file", str(log_file),
                          output=subprocess.DEVNULL,
                          env={"JOURNAL_STREAM": "8:1234", "KIOSK_JOURNAL_SOCKET": str(journal_path)})
    try:
        records = []
        while not any("started" in r.get("MESSAGE", "") for r in records):
            records.append(journal_fields(journal.recv(65536)))
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 0
        journal.close()
    started = next(r for r in records if "started" in r["MESSAGE"])
    assert started["PRIORITY"] == "6" and started["LOGGER"] == "kiosk" and started["SYSLOG_IDENTIFIER"] == "kiosk"
    assert "terminal (terminal)" in started["MESSAGE"] and started["CODE_FILE"].endswith("cli.py")
    text = log_file.read_text()
    assert "INFO kiosk: kiosk" in text and "started" in text, "the file has the same lines, formatted"


@pytest.mark.e2e
def test_each_device_is_said_once_for_the_kiosk_with_its_detail_in_brackets(tmp_path: Path) -> None:
    """Two displays share the speech and get a scanner and a card reader each: the log says every device's
    state once, not once per display, and without a dangling separator when there is no detail."""
    log_file = tmp_path / "kiosk.log"
    process = start_kiosk(write_config(tmp_path), tmp_path / "kiosk.sock", "--log-file", str(log_file),
                          output=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if "device speech" in log_file.read_text():
                break
            time.sleep(0.1)
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 0
    device_lines = [line.split(": ", 1)[1] for line in log_file.read_text().splitlines() if " device " in line]
    assert device_lines, "the devices' states are in the log"
    assert len(device_lines) == len(set(device_lines)), f"a device said twice: {device_lines}"
    assert "device scanner sim: connected (simulated)" in device_lines
    assert all(not line.endswith(" ") for line in device_lines)
