"""Customers' photos, videos and testimonials: only what the pack marks approved is shown, each with the
name the customer agreed to (the pack read, the tree and the pixels through the pilot)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.core.pack.content import read_pack
from kiosk.testing.pilot import Pilot
from kiosk.ui.video_view import VideoView
from tests.conftest import REPO
from tests.core.test_pack_edges import demo_copy, problems_of

DEMO = REPO / "content" / "demo"
PRODUCTS = {p["sku"]: p for p in json.loads((DEMO / "products.json").read_text("utf-8"))}


def _widgets(pilot: Pilot) -> list[dict[str, Any]]:
    return list(next(iter(pilot.request("tree")["displays"].values()))["widgets"])


def _scroll_to(pilot: Pilot, label: str) -> dict[str, Any]:
    """Scroll the page up until a widget labelled `label` shows whole; its tree node."""
    for _ in range(30):
        found = [w for w in _widgets(pilot) if w["label"] == label and not w.get("clipped")]
        if found:
            return found[0]
        pilot.swipe((540, 1300), (540, 700), ms=400)
        pilot.advance(2.0)
    raise AssertionError(f"{label!r} never showed")


def _is_drawn(picture: Path, bounds: list[int]) -> bool:
    """Whether the box holds a picture (many colours), not an empty placeholder."""
    shot = pygame.image.load(str(picture))
    x, y, w, h = bounds
    colours = {tuple(shot.get_at((x + i * w // 12, y + j * h // 12)))[:3] for i in range(1, 12) for j in range(1, 12)}
    return len(colours) > 12


def test_the_pack_keeps_only_what_the_store_approved() -> None:
    pack = read_pack(DEMO)
    assert [t.author for t in pack.testimonials if t.sku == "RUN-112"] == ["Léa, Lyon"], "Marc's is not approved"
    assert [t.author for t in pack.testimonials if t.collection == "first-marathon"] == ["Sam, Villeurbanne"]
    jules = next(r for r in pack.reviews if r.id == "R0036")
    assert [m.file for m in jules.media] == ["customers/r-run112-trail.jpg"], "the laces photo is not approved"
    theo = next(r for r in pack.reviews if r.id == "R0014")
    assert [(m.kind, m.file) for m in theo.media] == [("photo", "customers/r-bik105-hill.jpg"),
                                                      ("video", "customers/r-bik105-ride.mp4")]


def test_a_review_the_pack_marks_not_approved_is_left_out(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    reviews = json.loads((folder / "reviews.json").read_text("utf-8"))
    reviews[0]["approved"] = False
    (folder / "reviews.json").write_text(json.dumps(reviews, ensure_ascii=False), "utf-8")
    assert reviews[0]["id"] not in {r.id for r in read_pack(folder).reviews}


def test_bad_customer_media_is_said_with_file_and_key(tmp_path: Path) -> None:
    folder = demo_copy(tmp_path)
    testimonials = json.loads((folder / "testimonials.json").read_text("utf-8"))
    testimonials[0]["author"] = " "
    testimonials[1]["video"] = "customers/t-run112-draft.jpg"  # not approved: checked all the same
    testimonials[2]["sku"] = "RUN-112"  # a collection's and a product's at once
    (folder / "customers" / "broken.mp4").write_bytes(b"\0\0\0\x18ftypmp42" + bytes(4000))
    testimonials[3]["video"] = "customers/broken.mp4"
    (folder / "testimonials.json").write_text(json.dumps(testimonials, ensure_ascii=False, indent=1), "utf-8")
    reviews = json.loads((folder / "reviews.json").read_text("utf-8"))
    theo = next(r for r in reviews if r["id"] == "R0014")
    theo["media"][0]["file"] = "customers/r-bik105-ride.mp4"  # a video given as a photo
    theo["media"][1]["file"] = "customers/missing.mp4"
    (folder / "reviews.json").write_text(json.dumps(reviews, ensure_ascii=False, indent=1), "utf-8")
    problems = "\n".join(problems_of(folder))
    assert "testimonials.json:2: [[1].author] is required: the name the customer agreed to be shown by" in problems
    assert "[[2].video] customers/t-run112-draft.jpg is not an MP4 or WebM video" in problems
    assert "[[4].video] customers/broken.mp4 cannot be read as a video" in problems
    assert "[[3]] names a product (\"sku\") or a collection (\"collection\"), one of them" in problems
    assert "reviews.json:132: [[14].media[0].file] customers/r-bik105-ride.mp4 is not a PNG, JPEG or WebP" in problems
    assert "reviews.json:132: [[14].media[1].file] file not found: customers/missing.mp4" in problems


@pytest.mark.slow  # every picture of the gallery drawn: CI runs it
def test_a_products_approved_photos_and_testimonials_show_and_the_others_do_not(shopping: Pilot,
                                                                               tmp_path: Path) -> None:
    shopping.scan(PRODUCTS["RUN-112"]["gtin"])
    said = _scroll_to(shopping, "Lire la vidéo : Léa, Lyon")
    assert said["role"] == "button"
    labels = [w["label"] for w in _widgets(shopping)]
    assert "Ce qu'en disent nos clients" in labels
    assert not any("Marc D." in label for label in labels), "a testimonial not approved never shows"
    assert _is_drawn(shopping.screenshot(tmp_path / "testimonial.png"),
                     _scroll_to(shopping, "Lire la vidéo : Léa, Lyon")["bounds"]), "its poster is drawn"
    photo = _scroll_to(shopping, "Photo de Jules")
    assert [w["label"] for w in _widgets(shopping)].count("Photo de Jules") == 1, "one approved photo of two"
    assert _is_drawn(shopping.screenshot(tmp_path / "thumbnail.png"), photo["bounds"])
    shopping.tap("Photo de Jules")
    assert shopping.scene == "customer_photo" and shopping.details()["author"] == "Jules"
    large = _widgets(shopping)
    gallery = next(w for w in large if w["role"] == "image")
    assert gallery["bounds"][2] > 900, "seen large"
    assert _is_drawn(shopping.screenshot(tmp_path / "large.png"), gallery["bounds"])


def test_a_collection_shows_its_testimonial_with_the_customer_s_name_and_its_date(shopping: Pilot) -> None:
    collection = next(c for c in shopping.app.shop.catalog.collections() if c.id == "first-marathon")
    ctx = shopping.app.display().ctx
    ctx.show(ctx.routes.collection(collection))
    shopping.advance(0.2)
    assert shopping.scene == "collection"
    assert _scroll_to(shopping, "Lire la vidéo : Sam, Villeurbanne")["role"] == "button"
    said = [w["label"] for w in _widgets(shopping) if w["role"] == "text"]
    assert any(label.startswith("Sam, Villeurbanne · 28 sept. 2026") for label in said), said


def test_a_review_shows_its_photo_and_its_video_as_a_poster_with_a_play_button(shopping: Pilot,
                                                                               tmp_path: Path) -> None:
    shopping.scan(PRODUCTS["BIK-105"]["gtin"])
    video = _scroll_to(shopping, "Lire la vidéo : Théo")
    photo = next(w for w in _widgets(shopping) if w["label"] == "Photo de Théo")
    assert video["role"] == photo["role"] == "button"
    shot = shopping.screenshot(tmp_path / "review.png")
    assert _is_drawn(shot, photo["bounds"]) and _is_drawn(shot, video["bounds"]), "the photo and the poster"
    picture = pygame.image.load(str(shot))
    x, y, w, h = video["bounds"]
    centre = (x + w // 2, y + h // 2)
    assert picture.get_at(centre)[:3] == (255, 255, 255), "the play button's triangle in the middle"
    disc = [tuple(picture.get_at((centre[0] - h // 5, centre[1] + dy)))[:3] for dy in (-2, 0, 2)]
    assert all(sum(colour) < 3 * 110 for colour in disc), f"on a dark disc: {disc}"
    shopping.tap("Lire la vidéo : Théo")
    shopping.advance(0.5, step=1 / 25)
    assert "Arrêter la vidéo : Théo" in [w["label"] for w in _widgets(shopping)], "it plays in place"


def test_a_testimonial_plays_in_place_when_tapped(shopping: Pilot, tmp_path: Path) -> None:
    shopping.scan(PRODUCTS["HEA-166"]["gtin"])
    tile = _scroll_to(shopping, "Lire la vidéo : Nadia, Annecy")
    x, y, w, h = tile["bounds"]
    poster = shopping.picture()
    shopping.tap("Lire la vidéo : Nadia, Annecy")
    shopping.advance(1.0, step=1 / 25)
    root = shopping.app.display().screen.stack.top.root
    assert root is not None
    film = next(w for w in root.walk() if isinstance(w, VideoView))
    assert film.playing and film.state()["shown"] > 10, film.state()
    assert "Arrêter la vidéo : Nadia, Annecy" in [w["label"] for w in _widgets(shopping)]
    playing = shopping.picture()
    centre = (x + w // 2, y + h // 2)
    assert poster.get_at(centre) != playing.get_at(centre), "the play button gave way to the film"
