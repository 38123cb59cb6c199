"""Telemetry for head office: one sample of how the kiosk runs (no personal data in it)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk.app.display import Display
from kiosk.app.faults import Faults
from kiosk.shared.shop import Shop


def rss_mb() -> float:
    """This process's resident memory, in MB (0 where /proc is not there)."""
    status = Path("/proc/self/status")
    for line in status.read_text().splitlines() if status.exists() else []:
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Telemetry:
    """Makes samples; CPU use is measured between two samples."""

    def __init__(self) -> None:
        self.started_at = time.monotonic()
        self._cpu_mark = (self.started_at, time.process_time())

    def sample(self, shop: Shop, displays: Sequence[Display], frame_times: Sequence[float],
               faults: Faults) -> dict[str, Any]:
        """Uptime, frame time, memory, CPU, scenes, devices, outbox depth, content, faults."""
        wall, cpu = time.monotonic(), time.process_time()
        last_wall, last_cpu = self._cpu_mark
        self._cpu_mark = (wall, cpu)
        frames = sorted(frame_times)
        return {
            "uptime_s": round(wall - self.started_at),
            "frame_p99_ms": round(frames[int(len(frames) * 0.99) - 1], 2) if frames else None,
            "rss_mb": round(rss_mb(), 1),
            "cpu_percent": round(100 * (cpu - last_cpu) / max(1e-6, wall - last_wall), 2),
            "scenes": {d.name: d.screen.stack.top.name for d in displays},
            "devices": {name: ok for d in displays for name, (ok, _) in d.devices.items()},
            "outbox": shop.outbox.counts(),
            "content_version": shop.catalog.version,
            "content_left_out": shop.catalog.left_out,  # a feed's bad rows, left out on import
            "content_offered": shop.content_offered.version if shop.content_offered else "",
            "content_refused": str(shop.content_refused[0]) if shop.content_refused else "",
            "faults": {**faults.telemetry(), "fleet_restarts": shop.fleet.network_restarts},
        }
