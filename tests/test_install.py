"""The store-PC installation (config/install/): it leaves a service that systemd accepts, hardened, a
kiosk user who can run the installed kiosk, the device rules; and the uninstall takes it all away.
It changes the machine (a user, /opt/kiosk, /etc/kiosk, a unit): it runs as root, on CI's fresh machine,
and never over a real installation."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

INSTALLED = [Path("/opt/kiosk"), Path("/etc/kiosk"), Path("/etc/systemd/system/kiosk.service"),
             Path("/etc/systemd/system/multi-user.target.wants/kiosk.service"),
             Path("/etc/udev/rules.d/70-kiosk-devices.rules"), Path("/etc/modprobe.d/kiosk-nfc.conf")]
ON_CI = bool(os.environ.get("CI"))
CAN_RUN = os.geteuid() == 0 and shutil.which("systemd-analyze") and shutil.which("cage")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CAN_RUN and not ON_CI, reason="changes the machine: root with systemd and cage"),
              pytest.mark.skipif(Path("/etc/kiosk").exists() and not ON_CI, reason="a real installation is here")]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def test_install_leaves_a_hardened_service_and_uninstall_takes_it_all_away() -> None:
    assert CAN_RUN, "CI runs as root with systemd-analyze and cage installed (.ci/run)"
    installed = _run("sh", str(REPO / "config/install/install.sh"), "--no-packages")
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        assert all(path.exists() for path in INSTALLED), [str(p) for p in INSTALLED if not p.exists()]
        verified = _run("systemd-analyze", "verify", "/etc/systemd/system/kiosk.service")
        assert verified.returncode == 0 and not verified.stderr.strip(), verified.stderr
        security = _run("systemd-analyze", "security", "--offline=true", "/etc/systemd/system/kiosk.service")
        exposure = re.search(r"Overall exposure level for kiosk\.service: ([\d.]+)", security.stdout)
        assert exposure is not None, security.stdout[-2000:] + security.stderr
        assert float(exposure.group(1)) <= 2.5, f"exposure {exposure.group(1)} (2.0 when written)"
        unit = Path("/etc/systemd/system/kiosk.service").read_text()
        assert "ExecStart=/usr/bin/cage -d -- /usr/bin/env SDL_VIDEODRIVER=wayland /opt/kiosk/venv/bin/kiosk" in unit
        for hardening in ("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "StateDirectory=kiosk"):
            assert hardening in unit
        checked = _run("runuser", "-u", "kiosk", "--", "/opt/kiosk/venv/bin/kiosk", "--check", "--config",
                       "/etc/kiosk/kiosk.toml")
        assert checked.returncode == 0, "the kiosk user runs the installed kiosk: " + checked.stdout + checked.stderr
        groups = _run("id", "-nG", "kiosk").stdout.split()
        assert "dialout" in groups and "input" in groups, groups
    finally:
        removed = _run("sh", str(REPO / "config/install/uninstall.sh"))
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not any(path.exists() for path in INSTALLED), [str(p) for p in INSTALLED if p.exists()]
    assert _run("getent", "passwd", "kiosk").returncode != 0, "the user is gone"
