"""A pack imported again probes only the films that are new or changed: a new price list does not load
PyAV (FFmpeg's libraries, 21 MB resident) into a kiosk that plays no film, and a film that changed is
checked again as a new one would be."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.core.catalog.build import stored_films
from kiosk.core.catalog.database import Catalog
from tests.conftest import REPO

IMPORT = """
import json, sys
from pathlib import Path
from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.pack.reader import PackRejected
try:
    ensure_catalog(Path(sys.argv[1]), Path(sys.argv[2]))
    said = "imported"
except PackRejected as refused:
    said = "; ".join(str(problem) for problem in refused.problems)
print(json.dumps({"said": said, "pyav": "av" in sys.modules}))
"""


def _import(pack: Path, database: Path) -> dict[str, object]:
    """An import in a fresh process, as the kiosk does it: what it said, and whether it loaded PyAV."""
    done = subprocess.run([sys.executable, "-c", IMPORT, str(pack), str(database)], capture_output=True, text=True,
                          timeout=120, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _new_price(pack: Path, sku: str, cents: int) -> None:
    products = json.loads((pack / "products.json").read_text(encoding="utf-8"))
    next(p for p in products if p["sku"] == sku)["price"] = cents / 100
    (pack / "products.json").write_text(json.dumps(products, ensure_ascii=False), encoding="utf-8")


def test_only_new_or_changed_films_are_probed_when_a_pack_is_imported_again(tmp_path: Path) -> None:
    pack, database = tmp_path / "pack", tmp_path / "catalog.db"
    shutil.copytree(REPO / "content" / "demo", pack)
    assert _import(pack, database) == {"said": "imported", "pyav": True}, "a first import probes every film"
    probed = stored_films(database)
    assert {"videos/trail.mp4", "videos/BIK-102.webm", "videos/RUN-115.webm"} <= set(probed)

    _new_price(pack, "BIK-102", 119900)
    assert _import(pack, database) == {"said": "imported", "pyav": False}, "the films did not change"
    catalog = Catalog(database)
    try:
        assert getattr(catalog.product("BIK-102"), "price_cents", None) == 119900, "the new pack is the one imported"
        film = catalog.videos("BIK-102")[0]
        assert (film.file, film.width, film.height, round(film.seconds, 1)) == ("videos/BIK-102.webm", 720, 720, 4.0)
    finally:
        catalog.close()
    assert stored_films(database) == probed, "what was probed is kept for the next import"

    trail = pack / "videos" / "trail.mp4"
    os.utime(trail, ns=(trail.stat().st_atime_ns, trail.stat().st_mtime_ns + 10**9))  # same size, touched
    _new_price(pack, "BIK-102", 118900)
    assert _import(pack, database) == {"said": "imported", "pyav": True}, "a film touched since is probed again"

    trail.write_bytes(trail.read_bytes()[:20000])  # replaced by a damaged one
    outcome = _import(pack, database)
    assert outcome["pyav"] is True
    assert "videos/trail.mp4 cannot be read as a video" in str(outcome["said"]) or "cut short" in str(outcome["said"])
