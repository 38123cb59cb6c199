"""Whether the previous run stopped cleanly is known per device: the terminal and the window of one
store, run by one user, do not take each other's run for a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kiosk.config import KioskConfig
from kiosk.testing.pilot import Pilot
from tests.conftest import write_config
from tests.kiosk_process import start_kiosk


def test_a_device_running_beside_another_is_not_taken_for_a_crash(config: KioskConfig) -> None:
    terminal = Pilot(config, "terminal")
    try:
        assert not terminal.app.faults.unclean_start
        window = Pilot(config, "window")
        assert not window.app.faults.unclean_start, "the terminal's run is not the window's crash"
        assert window.app.telemetry()["faults"]["unclean_start"] is False
        window.close()
        window = Pilot(config, "window")
        assert not window.app.faults.unclean_start, "the window had stopped cleanly"
        window.close()
        # the terminal is still running: as far as a new terminal knows, the previous one was killed
        restarted = Pilot(config, "terminal")
        assert restarted.app.faults.unclean_start, "the window's clean stop wiped the terminal's marker"
        restarted.close()
    finally:
        terminal.close()


@pytest.mark.e2e
@pytest.mark.slow  # kiosk processes started and stopped, seconds: CI runs it
def test_a_stop_asked_by_a_signal_is_clean_even_if_the_screen_goes_away_first(tmp_path: Path) -> None:
    """systemd stops the service by signalling the compositor and the kiosk at once: the compositor goes
    away and takes the kiosk's window with it, which can end the kiosk before its loop finishes. A stop
    that was asked for is not a crash: the next start says nothing of one. A kill without a stop signal
    still is."""
    config = write_config(tmp_path)
    sock = tmp_path / "kiosk.sock"
    log_file = tmp_path / "kiosk.log"

    def run_and_end(*signals: signal.Signals) -> None:
        process = start_kiosk(config, sock, "--log-file", str(log_file), output=subprocess.DEVNULL)
        for number in signals:
            os.kill(process.pid, number)
            time.sleep(0.05)  # the window vanishes while the loop is still winding down
        process.wait(timeout=10)

    run_and_end(signal.SIGTERM, signal.SIGKILL)
    run_and_end(signal.SIGTERM)
    assert "did not stop cleanly" not in log_file.read_text()
    run_and_end(signal.SIGKILL)
    run_and_end(signal.SIGTERM)
    assert log_file.read_text().count("did not stop cleanly") == 1, "a kill without a stop is seen"
