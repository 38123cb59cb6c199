"""What staff change on the device itself (maintenance menu), kept across restarts in a small JSON file.

The config file stays the retailer's; these are on-the-spot adjustments on top of it: the default
language, the session timeout of the terminals, the open/closed override of the shop window, and a
rolled-back catalogue kept until the next reload. A broken file is logged and ignored.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class LocalSettings:
    """Staff's adjustments; None: as the config says."""

    default_language: str | None = None
    idle_timeout_s: float | None = None
    closed_override: bool | None = None
    pinned_catalog: str = ""  # fingerprint of a rolled-back catalogue, used as is until the next reload


def load_local_settings(path: Path) -> LocalSettings:
    """The saved settings, or the defaults when there are none or they cannot be read."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return LocalSettings()
    except (OSError, ValueError) as error:
        log.warning("staff settings %s ignored: %s", path, error)
        return LocalSettings()
    known = {f.name for f in fields(LocalSettings)}
    if not isinstance(raw, dict):
        log.warning("staff settings %s ignored: not an object", path)
        return LocalSettings()
    return LocalSettings(**{key: value for key, value in raw.items() if key in known})


def save_local_settings(path: Path, settings: LocalSettings) -> None:
    """Write the settings atomically (a crash leaves the old file or the new one, never half of one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(json.dumps(asdict(settings), indent=1), encoding="utf-8")
    os.replace(temporary, path)
