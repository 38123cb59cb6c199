"""The same product grid as a web page in headless Chromium: time to its first screenshot and its memory."""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from kiosk.core.catalog.database import Catalog
from kiosk.core.language.locale_format import Formatter

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")


def grid_page(catalog: Catalog, category: str, size: tuple[int, int]) -> str:
    """An HTML page showing a category's products as the kiosk's browse scene does."""
    fmt = Formatter("fr", catalog.currency)
    cards = []
    for product in catalog.browse(category, limit=60):
        image = (catalog.folder / product.image).as_uri()
        cards.append(
            f'<div class="card"><img src="{image}"><div class="brand">{html.escape(product.brand.upper())}</div>'
            f'<div class="name">{html.escape(product.title("fr"))}</div>'
            f'<div class="stars">{"★" * round(product.rating)}</div>'
            f'<div class="price">{html.escape(fmt.price(product.price_cents))}</div></div>')
    return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
body{{margin:0;width:{size[0]}px;height:{size[1]}px;background:#F6F4F0;font-family:'DejaVu Sans',sans-serif}}
header{{height:132px;background:#1F4E46;color:#fff;font:bold 46px 'DejaVu Sans';display:flex;align-items:center;
padding:0 36px}} .grid{{display:grid;grid-template-columns:1fr 1fr;gap:20px;padding:36px}}
.card{{background:#fff;border-radius:22px;padding:20px}} img{{width:100%;aspect-ratio:1}}
.brand{{color:#5C574F;font:bold 24px 'DejaVu Sans'}} .name{{font:bold 30px 'DejaVu Sans'}}
.stars{{color:#D89A00;font-size:26px}} .price{{color:#1F4E46;font:bold 46px 'DejaVu Sans'}}
</style></head><body><header>Vélos</header><div class="grid">{''.join(cards)}</div></body></html>"""


def _tree_rss_mb(marker: str) -> float:
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if marker not in (proc / "cmdline").read_bytes().decode(errors="replace"):
                continue
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def measure(catalog: Catalog, category: str, size: tuple[int, int]) -> dict[str, float] | None:
    """Time to first screenshot and peak summed memory of Chromium's processes; None without Chromium."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        return None
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-chromium-") as work:
        page = Path(work) / "grid.html"
        page.write_text(grid_page(catalog, category, size), encoding="utf-8")
        shot = Path(work) / "shot.png"
        profile = Path(work) / "profile"
        started = time.perf_counter()
        process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
             f"--screenshot={shot}", page.as_uri()], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, _tree_rss_mb(str(profile)))
            time.sleep(0.02)
            if time.perf_counter() - started > 60:
                process.kill()
                return None
        elapsed = time.perf_counter() - started
        if not shot.is_file():
            return None
        return {"first_screenshot_s": elapsed, "memory_mb": peak}
