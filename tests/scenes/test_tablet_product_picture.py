"""On the tablet (800x1280) the product's picture leads its page: beside the name, the price and the other
pictures, half the width and more, and every size still above the action bar (designer's review, issue 22: it
was 196 px over them, a quarter of the width)."""

from __future__ import annotations

from pathlib import Path

from tests.layout_check import widgets_without_ink
from tests.test_layout_matrix import pilot_for


def test_the_tablet_product_picture_leads_its_page(tmp_path: Path) -> None:
    pilot = pilot_for(tmp_path, "terminal", (800, 1280), "fr")
    try:
        pilot.tap(x=400, y=420)
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        picture = next(w for w in widgets if w["role"] == "image" and w["label"] == "Racer Carbon Pro")
        px, py, side, tall = picture["bounds"]
        assert min(side, tall) >= 800 // 2, f"a {side}x{tall} picture on an 800 px wide tablet"
        said = [next(w for w in widgets if w["role"] in ("heading", "text") and w["label"] == label)
                for label in ("Racer Carbon Pro", ctx.fmt.price(22900))]
        for words in said:  # beside the picture, whole
            x, y, _, h = words["bounds"]
            assert x >= px + side and py <= y and y + h <= py + tall, f"{words['label']!r} at {words['bounds']}"
            assert not words.get("cut") and not words["clipped"], words
        sizes = [w for w in widgets if w["role"] in ("button", "radio") and w["label"].split(" ")[0] in
                 [str(n) for n in range(39, 47)]]
        assert len(sizes) == 8 and not any(w["clipped"] for w in sizes), "every size above the action bar"
        shown = pilot.picture()
        assert widgets_without_ink([*said, *sizes], shown) == []
        colours = {shown.get_at((px + side * i // 8, py + tall * j // 8))[:3] for i in range(1, 8) for j in range(1, 8)}
        assert len(colours) > 8, "the picture drawn in its place"
    finally:
        pilot.close()
