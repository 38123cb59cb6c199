"""Configs and catalogues for the benchmarks: the demo pack and synthetic packs of 10k and 100k products."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

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


def demo_without_films(work: Path) -> Path:
    """A copy of the demo pack without its films (the attract loop's, the product pages', the customers'),
    made once in `work`: what the soak's memory budget is measured on (a film adds its decoder and frames)."""
    folder = work / "pack-demo-without-films"
    if (folder / "pack.json").is_file():
        return folder
    building = work / "pack-demo-without-films.building"
    shutil.rmtree(building, ignore_errors=True)
    shutil.copytree(REPO / "content" / "demo", building, ignore=shutil.ignore_patterns("videos"))

    def rewrite(name: str, change: object) -> None:
        path = building / name
        path.write_text(json.dumps(change, ensure_ascii=False, indent=1), encoding="utf-8")

    playlist = json.loads((building / "playlist.json").read_text(encoding="utf-8"))
    rewrite("playlist.json", [slide for slide in playlist if slide.get("kind") != "video"])
    rewrite("videos.json", [])
    rewrite("testimonials.json", [])
    reviews = json.loads((building / "reviews.json").read_text(encoding="utf-8"))
    for review in reviews:
        if "media" in review:
            review["media"] = [item for item in review["media"] if item.get("kind") != "video"]
    rewrite("reviews.json", reviews)
    building.rename(folder)
    return folder


def make_config(work: Path, size: int | None, screen: tuple[int, int] = (1080, 1920), *, films: bool = True) -> Path:
    """A config for a pack and a screen size, with its catalogue already imported; `films=False`: the
    demo pack without its films."""
    work.mkdir(parents=True, exist_ok=True)
    name = f"{size or 'demo'}{'' if films else '-without-films'}-{screen[0]}x{screen[1]}"
    folder = pack_folder(size, work) if films or size else demo_without_films(work)
    database = work / f"catalog-{size or 'demo'}{'' if films else '-without-films'}.db"
    # in a process of its own, as the kiosk imports a new pack: what the importer loads (PyAV, to probe
    # the films) stays out of the memory the benchmarks measure
    importer = ("import sys; from pathlib import Path; from kiosk.core.catalog.build import ensure_catalog; "
                "ensure_catalog(Path(sys.argv[1]), Path(sys.argv[2]))")
    subprocess.run([sys.executable, "-c", importer, str(folder), str(database)], check=True)
    text = (REPO / "config" / "default.toml").read_text(encoding="utf-8")
    text = text.replace('pack = "../content/demo"', f'pack = "{folder}"\ndatabase = "{database}"')
    text = re.sub(r"^size = .*$", f"size = [{screen[0]}, {screen[1]}]", text, flags=re.M)
    text = text.replace('# path = "/var/lib/kiosk/outbox.db"', f'path = "{work / "outbox.db"}"')
    path = work / f"kiosk-{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path
