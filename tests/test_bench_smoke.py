"""A smoke run of the benchmarks (tiny sizes, a few frames), so they cannot rot. Not a timed test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.mark.slow
@pytest.mark.timeout(900)  # the whole bench, video lines included (a film is encoded first)
def test_the_benchmark_runs_and_reports_every_figure(tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    result = subprocess.run([sys.executable, "-m", "bench", "--quick", "--runs", "1", "--json", str(report_path),
                             "--work", str(tmp_path / "work")], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(report_path.read_text())
    rows = {(row["what"], row["size"]): row for row in report["rows"]}
    for size in ("1080x1920", "3840x2160"):
        for kind in ("browse scroll", "navigation"):
            assert rows[(f"frame time, {kind}, p99", size)]["value"] > 0
    # four bikes compared fit the portrait terminal's screen (nothing to scroll there); the 4K window scrolls them
    assert rows[("frame time, compare scroll, p99", "3840x2160")]["value"] > 0
    assert rows[("CPU, static screen (home), headless", "demo")]["value"] is not None
    for size in ("demo", "300 products", "1000 products"):
        assert 0 < rows[("start to first frame", size)]["value"] < 30
        assert 20 < rows[("memory after browsing and searching (RSS)", size)]["value"] < 1000
    assert rows[("search as you type, keystroke, p99", "1000 products")]["value"] > 0
    for role, size in (("terminal", "1080x1920"), ("window", "3840x2160")):
        played = [row for row in report["rows"]
                  if row["what"].startswith(f"video on the {role}") and row["size"] == size]
        assert {row["what"].split(": ", 1)[1] for row in played} >= {
            "frames shown a second", "frame time, p99", "CPU (all threads)", "memory (RSS) while playing"}
        assert all(row["value"] is not None for row in played)
    assert rows[("  p99 with the film, above p99 alone", "1080x1920")]["value"] is not None
    decoded = [row for row in report["rows"] if row["what"].startswith("picture decoded and scaled")]
    assert {row["size"].split()[1].rstrip(",") for row in decoded} == {"JPEG", "PNG", "WebP"}
    assert all(row["value"] > 0 for row in decoded)
    assert "frame time, browse scroll, p99" in result.stdout  # the table is printed


@pytest.mark.slow
def test_the_shopping_bench_runs_and_states_its_budgets(tmp_path: Path) -> None:
    report_path = tmp_path / "shopping.json"
    result = subprocess.run([sys.executable, "-m", "bench.shopping", "--quick", "--runs", "3", "--work",
                             str(tmp_path), "--json", str(report_path)], capture_output=True, text=True, timeout=300,
                            cwd=REPO, env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    assert result.returncode == 0, result.stderr[-2000:]
    rows = json.loads(report_path.read_text(encoding="utf-8"))["rows"]
    assert {row["what"].split(" (")[0] for row in rows} >= {"browse page", "cart total with gold offers",
                                                            "map way to one aisle", "map way through four aisles"}
    assert all(row["budget"] and row["p99_ms"] >= 0 for row in rows)
    assert "budget (DESIGN §7)" in result.stdout
