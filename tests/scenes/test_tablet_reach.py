"""The tablet in accessible mode (designer's review, issue 22): its strip above the reach zone gives way to the
content (kiosk/ui/reach.py), so the top of the scenes' area is still above the reach zone, and the product's first
row of sizes, the checkout's choice of collect or delivery and the home's "Produkt suchen" stood there. Now the
product's brand, rating and description stand there and the sizes under it; the checkout's steps and choices at
the foot of the zone; the home's greeting and its departments' heading there, the search button at its foot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.core.models import pick
from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.layout_check import layout_problems, reach_problems, widgets_without_ink
from tests.scenes.helpers import session

SIZE = (800, 1280)


def in_reach(pilot: Pilot, labels: list[str], name: str) -> list[dict[str, Any]]:
    """The widgets of `labels`, checked: in sight, under the reach line the config says, drawn, none over another."""
    pilot.advance(0.1)
    display = pilot.app.display()
    widgets = pilot.request("tree")["displays"][display.name]["widgets"]
    found = [w for w in widgets if w["label"] in labels]
    assert sorted(w["label"] for w in found) == sorted(labels), f"{name}: in sight: {[w['label'] for w in found]}"
    assert reach_problems(found, SIZE, display.shop.config.accessibility.reach) == [], name
    picture = pilot.picture()
    assert widgets_without_ink(found, picture) == [], name
    assert layout_problems(widgets, display.screen.theme.size("touch_target")) == [], name
    return found


def test_the_tablet_s_sizes_and_checkout_choice_are_within_reach(tmp_path: Path) -> None:
    with session(tmp_path, "terminal", SIZE, "de") as pilot:
        display = pilot.app.display()
        display.set_accessible(True)
        ctx = display.ctx
        t = ctx.t
        assert 0 < display.screen.offset < round(SIZE[1] * (1 - ctx.shop.config.accessibility.reach)), \
            "the tablet's strip gives way to the content"
        ctx.show(ctx.routes.product("RUN-115"))
        sizes = [variant.label(ctx.lang) for variant in ctx.screen.stack.top.variants]  # type: ignore[attr-defined]
        in_reach(pilot, sizes, "product")
        pilot.tap(t("Add to cart"))
        assert pilot.details()["choice_missing"]
        in_reach(pilot, sizes, "size missing")
        product = ctx.shop.catalog.product("RUN-115")
        assert product is not None
        words = [w["label"] for w in pilot.request("tree")["displays"][display.name]["widgets"]
                 if w["role"] == "text" and w["bounds"][1] < round(SIZE[1] * 0.38)]
        assert product.brand.upper() in words, f"above the reach zone, what the page says: {words}"
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        pilot.type("ada@example.org")
        pilot.tap(t("Next"))
        choices = [t("Collect at the store"), t("Delivery")]
        in_reach(pilot, choices, "checkout choice")
        pilot.tap(t("Delivery"))
        assert ctx.screen.stack.top.collect is False  # type: ignore[attr-defined]


def test_the_tablet_s_home_has_every_control_within_reach(tmp_path: Path) -> None:
    """Its search button stood at 29-36 % of the height (designer's review), a member's way out above it too; the
    departments and the ideas stay on the page."""
    with session(tmp_path, "terminal", SIZE, "de") as pilot:
        display = pilot.app.display()
        display.set_accessible(True)
        ctx = display.ctx
        t = ctx.t
        departments = [pick(category.name, ctx.lang) for category in ctx.shop.catalog.categories]
        ideas = [pick(c.title, ctx.lang) for c in ctx.shop.catalog.collections()[:3]]
        for visit in ("shopper", "member"):
            if visit == "member":
                pilot.scan("LOYALTY-1234")
                ctx.screen.stack.replace(ctx.routes.home())
            assert pilot.scene == "home"
            member = ctx.session.member
            way_out = [t("Not {name}? Sign out", name=member.first_name)] if member else []
            pilot.advance(0.1)
            widgets = pilot.request("tree")["displays"][display.name]["widgets"]
            buttons = [w for w in widgets if w["role"] == "button" and not w["clipped"]]
            wanted = [t("Search for a product"), *departments, *(way_out or ideas)]  # (a member's: no room for ideas)
            shown = {w["label"] for w in buttons}
            assert not set(wanted) - shown, f"{visit}: in sight: {shown}"
            assert widgets_without_ink([w for w in buttons if w["label"] in wanted], pilot.picture()) == [], visit
            assert layout_problems(widgets, display.screen.theme.size("touch_target")) == [], visit
            assert reach_problems(widgets, SIZE, ctx.shop.config.accessibility.reach) == [], visit
            line = round(SIZE[1] * (1 - ctx.shop.config.accessibility.reach))
            said = [w["label"] for w in widgets if w["role"] in ("text", "heading") and w["bounds"][1] < line]
            assert ctx.t("Our departments") in said, f"above the reach zone, words: {said}"


def test_the_tablet_s_checkout_asks_email_or_phone_then_its_field_over_the_keys_within_reach(tmp_path: Path) -> None:
    """With the keys up, the choice of email or phone and the field stood at 22-41 % of the height (designer's
    review): the choice and the field, its consent and "Next" do not fit together under the reach zone's top
    over the keys. The choice comes first, on its own; then the field and the rest over the keys, all within
    reach; Back goes back to the choice."""
    with session(tmp_path, "terminal", SIZE, "de") as pilot:
        display = pilot.app.display()
        display.set_accessible(True)
        ctx = display.ctx
        t = ctx.t
        reach = ctx.shop.config.accessibility.reach
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        in_reach(pilot, [t("By email"), t("By phone")], "the choice")

        def shown() -> list[dict[str, Any]]:
            pilot.advance(0.1)
            return list(pilot.request("tree")["displays"][display.name]["widgets"])

        assert not [w for w in shown() if w["role"] in ("textbox", "keyboard")], "the field and keys come after"
        for way, typed, hint in ((t("By phone"), "0612345678", t("06 12 34 56 78")),
                                 (t("By email"), "ada@example.org", t("your.name@example.com"))):
            pilot.tap(way)
            assert pilot.details()["by_phone"] == (way == t("By phone"))
            pilot.type(typed)
            widgets = shown()
            assert [w["role"] for w in widgets if w["role"] == "keyboard"] == ["keyboard"]
            assert reach_problems(widgets, SIZE, reach) == [], way
            form = in_reach(pilot, [hint, t("Send me the store's offers too"), t("Next")], way)
            keys = next(w for w in widgets if w["role"] == "keyboard")
            assert all(w["bounds"][1] + w["bounds"][3] <= keys["bounds"][1] for w in form), "over the keys"
            if way == t("By phone"):
                pilot.tap(t("Back"))
                assert pilot.scene == "checkout"
                in_reach(pilot, [t("By email"), t("By phone")], "the choice again")
        pilot.tap(t("Next"))
        assert pilot.details()["step"] == "fulfilment"
