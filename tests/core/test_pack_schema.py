"""The pack format published as JSON Schema (docs/pack/): what a retailer's IT checks a pack against is
what the kiosk checks, the demo pack passes it, and a file of the wrong shape is refused by name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import fastjsonschema
import pytest

from kiosk.core.pack.content import read_pack
from kiosk.core.pack.reader import PackRejected
from kiosk.core.pack.schema import SCHEMAS, published
from tests.conftest import REPO

DOCS = REPO / "docs" / "pack"
DEMO = REPO / "content" / "demo"


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_the_published_schema_is_the_one_the_kiosk_uses(name: str) -> None:
    path = DOCS / name.replace(".json", ".schema.json")
    assert json.loads(path.read_text(encoding="utf-8")) == published(name), \
        "run: python -m kiosk.core.pack.schema docs/pack"


@pytest.mark.parametrize("name", [name for name in SCHEMAS if (DEMO / name).is_file()])
def test_every_file_of_the_demo_pack_passes_its_published_schema(name: str) -> None:
    validate = fastjsonschema.compile(json.loads((DOCS / name.replace(".json", ".schema.json")).read_text()))
    validate(json.loads((DEMO / name).read_text(encoding="utf-8")))


def test_a_file_of_the_wrong_shape_is_refused_with_its_schema_row_and_line(tmp_path: Path) -> None:
    pack = shutil.copytree(DEMO, tmp_path / "pack")
    reviews = json.loads((pack / "reviews.json").read_text(encoding="utf-8"))
    reviews[2]["stars"] = "five"
    (pack / "reviews.json").write_text(json.dumps(reviews, ensure_ascii=False, indent=1), encoding="utf-8")
    with pytest.raises(PackRejected) as refused:
        read_pack(pack)
    problem = next(p for p in refused.value.problems if p.file.name == "reviews.json")
    assert problem.key == "[3].stars" and "reviews.schema.json" in problem.message
    assert problem.line == 1 + 2 * 10 + 1, "the third review's first line (ten lines a review, as written)"
