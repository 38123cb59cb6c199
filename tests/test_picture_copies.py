"""Pictures shown small are read from copies as shown kept on disk, look the same, and the picture cache
keeps a scene's own pictures however many there are while letting the pictures of scenes left go."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pygame
import pytest

from kiosk.ui.images import ImageCache, _load_scaled
from kiosk.ui.picture_copies import KEPT_DAYS, PictureCopies
from tests.conftest import REPO

PHOTO = REPO / "content" / "demo" / "images" / "BIK-101.jpg"  # 1200x1200
WEBP = next((REPO / "content" / "demo" / "images").glob("*.webp"))


def _mean_difference(a: pygame.Surface, b: pygame.Surface) -> float:
    assert a.get_size() == b.get_size()
    one, other = pygame.image.tobytes(a, "RGB"), pygame.image.tobytes(b, "RGB")
    return sum(abs(x - y) for x, y in zip(one, other, strict=True)) / len(one)


@pytest.mark.parametrize("source", [PHOTO, WEBP], ids=["jpeg", "webp"])
def test_a_card_picture_comes_from_its_copy_and_looks_the_same(tmp_path: Path, source: Path) -> None:
    picture = tmp_path / source.name
    shutil.copy(source, picture)
    copies = PictureCopies(tmp_path / "copies")
    direct = _load_scaled(str(picture), (454, 474))
    first = _load_scaled(str(picture), (454, 474), copies)
    made = list((tmp_path / "copies").iterdir())
    assert len(made) == 1 and made[0].suffix == ".pixels", made
    assert PictureCopies.read(made[0]).get_size() == (454, 454), "the copy is the picture as shown"
    again = _load_scaled(str(picture), (454, 474), copies)  # now from the copy
    assert direct is not None and first is not None and again is not None
    assert direct.get_size() == first.get_size() == again.get_size() == (454, 454)
    # the very pixels: a copy at 640 px scaled again to 454 px differed by 2.6-2.8 levels on average (as
    # much as a 1 px blur), a JPEG copy by 1.1 (the colours of thin lines smeared)
    assert _mean_difference(direct, again) == 0
    assert _mean_difference(direct, first) == 0


def test_a_picture_shown_large_is_decoded_from_the_picture_itself(tmp_path: Path) -> None:
    copies = PictureCopies(tmp_path / "copies")
    shown = _load_scaled(str(PHOTO), (936, 960), copies)
    assert shown is not None and shown.get_size() == (936, 936)
    assert not (tmp_path / "copies").exists(), "no copy is made (nor used) for a picture shown larger than it"


def test_a_changed_picture_gets_a_new_copy_and_a_broken_copy_is_made_again(tmp_path: Path) -> None:
    picture = tmp_path / "photo.jpg"
    shutil.copy(PHOTO, picture)
    copies = PictureCopies(tmp_path / "copies")
    _load_scaled(str(picture), (300, 300), copies)
    (old,) = (tmp_path / "copies").iterdir()
    pygame.image.save(pygame.Surface((1000, 800)), str(picture))  # head office replaced it: black, 5:4
    os.utime(picture, ns=(time.time_ns(), time.time_ns() + 10**9))
    shown = _load_scaled(str(picture), (300, 300), copies)
    assert shown is not None and shown.get_size() == (300, 240)
    assert shown.get_at((150, 120))[:3] == (0, 0, 0), "the new picture shows, not the old one's copy"
    (new,) = set((tmp_path / "copies").iterdir()) - {old}
    new.write_bytes(b"not a picture")  # a disk fault
    again = _load_scaled(str(picture), (300, 300), copies)
    assert again is not None and again.get_size() == (300, 240)
    assert PictureCopies.read(new).get_size() == (300, 240), "the broken copy was made again"


def test_pictures_show_where_no_copy_can_be_written(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    copies = PictureCopies(blocked / "copies")
    for _ in range(3):
        shown = _load_scaled(str(PHOTO), (200, 200), copies)
        assert shown is not None and shown.get_size() == (200, 200)
    assert sum("cannot be kept" in record.message for record in caplog.records) == 1, "said once, not per picture"


def test_copies_unused_for_a_month_are_removed(tmp_path: Path) -> None:
    copies = PictureCopies(tmp_path)
    for name in ("old.pixels", "recent.pixels", "unfinished.pixels.1-2.part"):
        (tmp_path / name).write_bytes(b"x")
    month_ago = time.time() - (KEPT_DAYS + 1) * 86400
    os.utime(tmp_path / "old.pixels", (month_ago, month_ago))
    os.utime(tmp_path / "unfinished.pixels.1-2.part", (time.time() - 7200,) * 2)
    assert copies.clean() == 2
    assert [path.name for path in tmp_path.iterdir()] == ["recent.pixels"]


def test_copies_past_their_room_go_least_recently_used_first(tmp_path: Path) -> None:
    copies = PictureCopies(tmp_path / "copies", max_bytes=4 * 5000)  # room for four small copies
    pictures = []
    for number in range(6):
        picture = tmp_path / f"photo-{number}.jpg"
        shutil.copy(PHOTO, picture)
        pictures.append(picture)
        assert _load_scaled(str(picture), (40, 40), copies) is not None
    files = sorted((tmp_path / "copies").iterdir())
    assert len(files) == 6 and all(500 < path.stat().st_size <= 5000 for path in files)
    day = 86400
    for age, picture in enumerate(reversed(pictures)):  # photo-0 used longest ago
        copy = copies.find(picture, (40, 40))
        assert copy is not None
        os.utime(copy, (time.time() - age * day - day,) * 2)
    copies.clean()
    left = {picture.name for picture in pictures if copies.find(picture, (40, 40)) is not None}
    assert sum(path.stat().st_size for path in (tmp_path / "copies").iterdir()) <= 3 * 5000
    assert left and left == {f"photo-{n}.jpg" for n in range(6 - len(left), 6)}, "the most recently used stay"


class Card:
    """Stands for a widget that asks for a picture."""


def test_a_scene_keeps_all_its_pictures_and_those_of_scenes_left_go_past_the_budget() -> None:
    cache = ImageCache(max_bytes=3 * 100 * 100 * 4)  # three pictures of 100x100 beyond those on screen
    card = Card()
    try:
        def show(names: list[str]) -> None:  # a scene drawn: each picture asked for, made, drawn
            for name in names:
                cache.make(name, (100, 100), lambda: pygame.Surface((100, 100), 0, 32), card)
            cache.wait()
            cache.deliver()
            for name in names:
                assert cache.make(name, (100, 100), lambda: None, card) is not None, f"{name} is kept while shown"
            cache.frame_drawn()

        grid = [f"grid-{n}" for n in range(8)]  # more than the budget, all on the screen
        show(grid)
        show(grid)  # scrolled a little: drawn again
        assert cache.held_bytes == 8 * 100 * 100 * 4
        show(["product-1", "product-2"])  # another scene; a few frames later the grid's pictures may go
        cache.frame_drawn()
        cache.frame_drawn()
        show(["product-3"])
        assert cache.held_bytes <= 3 * 100 * 100 * 4
        assert cache.make("product-3", (100, 100), lambda: None, card) is not None
    finally:
        cache.close()
