"""Configs and catalogues for the benchmarks: the demo pack and synthetic packs of 10k and 100k products."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from kiosk.core.catalog.build import ensure_catalog

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "content" / "tools"))  # the pack and feed writers


def pack_folder(size: int | None, work: Path) -> Path:
    """The demo pack (size None) or a synthetic pack of `size` products, made once in `work`."""
    if size is None:
        return REPO / "content" / "demo"
    folder = work / f"pack-{size}"
    if not (folder / "products.csv").is_file():
        # imported here: the pack writer's libraries (python-stdnum, and through it ssl) would otherwise
        # count in the memory of every probe and soak run that only uses the demo pack
        from make_synthetic_pack import write_pack

        write_pack(size, folder)
    return folder


def make_config(work: Path, size: int | None, screen: tuple[int, int] = (1080, 1920)) -> Path:
    """A config for a pack and a screen size, with its catalogue already imported."""
    work.mkdir(parents=True, exist_ok=True)
    name = f"{size or 'demo'}-{screen[0]}x{screen[1]}"
    folder = pack_folder(size, work)
    database = work / f"catalog-{size or 'demo'}.db"
    ensure_catalog(folder, database)
    text = (REPO / "config" / "default.toml").read_text(encoding="utf-8")
    text = text.replace('pack = "../content/demo"', f'pack = "{folder}"\ndatabase = "{database}"')
    text = re.sub(r"^size = .*$", f"size = [{screen[0]}, {screen[1]}]", text, flags=re.M)
    text = text.replace('# path = "/var/lib/kiosk/outbox.db"', f'path = "{work / "outbox.db"}"')
    path = work / f"kiosk-{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path
