"""The layout check over the matrix of shapes, languages and modes (issue: every screen laid out): on
each shape (terminal 1080x1920, 1920x1080, 800x1280; window 3840x2160, 2160x3840), in French and German,
normal and accessible, the main journeys are walked, and at every step the accessibility tree must
show no overlapping controls, no covered text, no target under the theme's minimum and no text cut
where there was room. The key scenes of French normal and German accessible are kept as half-size
snapshots in tests/snapshots/matrix/ (update them as tests/test_snapshots.py says, and look at them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.config import load_config
from kiosk.core.catalog.database import BrowseFilter
from kiosk.core.hours.clock import ManualClock
from kiosk.scenes.context import SceneContext
from kiosk.testing.pilot import Pilot
from kiosk.ui.scroll import ScrollView
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.layout_check import (
    beside_problems,
    cue_problems,
    disabled_problems,
    display_reach,
    form_in_sight,
    header_form,
    header_problems,
    keyboard_problems,
    labels_in_other_language,
    layout_problems,
    modal_over_header,
    reach_problems,
    result_grid_problems,
    status_problems,
    widgets_off_screen,
    widgets_without_ink,
)
from tests.snapshot_check import check_snapshot

SHAPES = [("terminal", (1080, 1920)), ("terminal", (1920, 1080)), ("terminal", (800, 1280)),
          ("window", (3840, 2160)), ("window", (2160, 3840))]
MATRIX = [(display, size, language, accessible) for display, size in SHAPES for language in ("fr", "de")
          for accessible in (False, True)]
SNAPSHOT_VARIANTS = {("fr", False), ("de", True)}  # German and accessible mode are in the snapshots
SNAPSHOT_STEPS = {"home", "product", "compare-4", "checkout"}
# In accessible mode every control of every step is within reach, on every shape (a landscape screen too: its
# strip above the reach zone says what the page is about, its controls below it; the shop window's home as well,
# its cards within reach and search and the departments in a row under them), but for staff's maintenance menu (a
# member of staff stands)
REACH_EXEMPT = {"maintenance"}


# On a tablet the strip above the reach zone gives way to the content (kiosk/ui/reach.py), so the top of the scenes'
# area is still above the reach zone: at these steps no control stands there either (the product's first row of
# sizes, the checkout's choices and field and the home's search did: designer's review); at the others, not yet
# (the comparison's heads, the email's and the review's fields over the keyboard...)
REACH_WHOLE = {"home", "member home", "product", "product, size missing", "size missing", "added",
               "added to comparison", "checkout", "checkout, typed", "checkout typed", "checkout, how"}


def reach_checked(ctx: SceneContext, step: str) -> bool:
    """Whether the step's controls must all be within reach (accessible mode)."""
    return ctx.session.accessible and step not in REACH_EXEMPT


def step_reach(display: Any, step: str) -> float:
    """The share of the screen within reach that the step's controls keep to: the config's (`REACH_WHOLE`), else
    all under the strip above the reach zone (`display_reach`)."""
    return float(display.shop.config.accessibility.reach) if step in REACH_WHOLE else display_reach(display)
# In accessible mode, controls that stand in one row with another (the filter sheet's Close beside Reset and
# Show, within reach on every shape: at the sheet's top it stood at 43 % of a portrait screen's height)
REACH_BESIDE = {"filters": (("Close", "Reset"),)}
# The moments that show a department's grid of cards (and its count): a card whole with its price and the next row
# starting, over the bars (the comparison's too): the accessible tablet showed one card cut, its price under the bars,
# and the landscape terminal one row of cards and no next row starting
GRID_MOMENTS = {"department": ("running", BrowseFilter())}
RUNNING_SHOES = ("RUN-115", "RUN-112", "RUN-113", "RUN-114")


def pilot_for(folder: Path, display: str, size: tuple[int, int], language: str, mail: bool = False) -> Pilot:
    text = DEFAULT_CONFIG.read_text().replace('default_language = "fr"', f'default_language = "{language}"')
    if mail:  # "send it to me by email" offered (nothing is sent in these walks)
        text = text.replace('[mail]\nhost = ""', '[mail]\nhost = "127.0.0.1"')
    if display == "window":
        text = text.replace("size = [3840, 2160]", f"size = [{size[0]}, {size[1]}]")
    else:
        text = re.sub(r"^size = \[1080, 1920\]", f"size = [{size[0]}, {size[1]}]", text, count=1, flags=re.M)
    clock = ManualClock(datetime(2026, 11, 21, 15, 0, tzinfo=UTC))  # a Saturday afternoon, the shop open
    return Pilot(load_config(write_config(folder, text)), display, clock=clock)


class Walk:
    """One combination of the matrix: its pilot, and the check at each step."""

    def __init__(self, pilot: Pilot, where: str, snapshots: bool, folder: Path) -> None:
        self.pilot = pilot
        self.where = where
        self.snapshots = snapshots
        self.folder = folder
        self.problems: list[str] = []

    @property
    def ctx(self) -> SceneContext:
        """The scenes' context of the display walked."""
        return self.pilot.app.display().ctx

    def check(self, step: str) -> None:
        """The layout check of what shows now; a snapshot of the key steps."""
        display = self.pilot.app.display()
        widgets = self.pilot.request("tree")["displays"][display.name]["widgets"]
        self.problems += [f"{step}: {problem}" for problem in
                          layout_problems(widgets, display.screen.theme.size("touch_target"))]
        if reach_checked(self.ctx, step):
            self.problems += [f"{step}: {problem}" for problem in
                              reach_problems(widgets, display.screen.full.get_size(), step_reach(display, step))]
        if self.snapshots and step in SNAPSHOT_STEPS:
            width, height = display.screen.full.get_size()  # reach mode: the whole screen, not the zone
            check_snapshot(f"matrix/{self.where}-{step}", self.pilot.screenshot(self.folder / f"{step}.png"),
                           (width // 2, height // 2))

    def show(self, step: str, open_it: Callable[[], object]) -> None:
        """Open a scene the way its button does, then check it."""
        open_it()
        self.pilot.advance(0.1)
        self.check(step)


def walk_the_journeys(walk: Walk, display: str) -> None:
    """Home, search while typing and its results, product (and its missing size), compare of 2 and 4, share, cart,
    checkout's three steps, member welcome, review, store map and the maintenance menu."""
    pilot, session = walk.pilot, walk.ctx.session
    walk.check("home")
    walk.show("search", lambda: walk.ctx.show(walk.ctx.routes.search()))
    for letter in "tent":
        pilot.type(letter)
        walk.check(f"search '{letter}'")
    pilot.key("enter")  # all the results
    assert pilot.scene == "search_results"
    walk.check("search results")
    walk.show("product", lambda: walk.ctx.show(walk.ctx.routes.product("RUN-115")))
    scene = walk.ctx.screen.stack.top
    scene._add_to_cart()  # no size chosen: the picker is marked
    walk.check("product, size missing")
    for sku in RUNNING_SHOES[:2]:
        session.add_to_compare(sku)
    walk.show("compare-2", lambda: walk.ctx.show(walk.ctx.routes.compare()))
    for sku in RUNNING_SHOES[2:]:
        session.add_to_compare(sku)
    walk.show("compare-4", lambda: walk.ctx.show(walk.ctx.routes.compare()))
    walk.show("share", lambda: walk.ctx.show(walk.ctx.routes.share(list(session.compare))))
    t = walk.ctx.t
    for sku, size in (("RUN-112", "39"), ("RUN-113", "40")):  # as a shopper: asked for the size first
        walk.ctx.show(walk.ctx.routes.product(sku))
        pilot.advance(0.1)
        pilot.tap(t("Add to cart"))
        assert not session.cart.holds(sku), f"{sku} in the cart without a size"
        pilot.tap(size)
        pilot.tap(t("Add to cart"))
    assert [line["variant"] for line in session.cart.state()] == ["RUN-112-39", "RUN-113-40"]
    walk.show("cart", lambda: walk.ctx.show(walk.ctx.routes.cart()))
    walk.show("checkout", lambda: walk.ctx.show(walk.ctx.routes.checkout()))
    pilot.type("ada@example.org")
    walk.check("checkout, typed")
    checkout = walk.ctx.screen.stack.top
    checkout.next_step()
    walk.check("checkout, how")
    checkout._choose(True)
    walk.check("checkout, confirm")
    said = " ".join(w["label"] for w in pilot.request("tree")["displays"][pilot.display_name]["widgets"])
    for size in ("39", "40"):  # the summary says each shoe's size
        assert t("Size {size}", size=size) in said, f"{walk.where}: the order's summary without size {size}: {said}"
    walk.show("review", lambda: walk.ctx.show(walk.ctx.routes.review("RUN-115")))
    pilot.type("Très confortables")
    walk.check("review, typed")
    walk.show("store map", lambda: walk.ctx.show(walk.ctx.routes.store_map(["B1", "A2"], "Racer Carbon Pro")))
    if display == "terminal":  # a member's card: the welcome with their offers
        pilot.scan("LOYALTY-1234")
        assert pilot.scene == "welcome"
        walk.check("member welcome")
        walk.show("member home", lambda: walk.ctx.screen.stack.replace(walk.ctx.routes.home()))
    pilot.app.display().staff.open_pin_pad()
    walk.check("PIN pad")
    for digit in "2580":
        pilot.tap(digit)
    assert pilot.scene == "maintenance"
    walk.check("maintenance")


@pytest.mark.slow  # every journey on twenty shapes: CI runs it, the quick loop not
@pytest.mark.parametrize("display, size, language, accessible", MATRIX,
                         ids=[f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in MATRIX])
def test_every_journey_is_laid_out_on_every_shape(tmp_path: Path, display: str, size: tuple[int, int],
                                                  language: str, accessible: bool) -> None:
    where = f"{display}-{size[0]}x{size[1]}-{language}-{'a11y' if accessible else 'normal'}"
    pilot = pilot_for(tmp_path, display, size, language)
    walk = Walk(pilot, where, (language, accessible) in SNAPSHOT_VARIANTS, tmp_path)
    try:
        for slide in range(pilot.details()["slides"]):
            walk.check(f"attract slide {slide}")
            pilot.advance(12, step=0.5)
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        if accessible:
            pilot.app.display().set_accessible(True)
        walk_the_journeys(walk, display)
        assert walk.problems == [], f"{where}:\n" + "\n".join(walk.problems)
    finally:
        pilot.close()


def accessibility_labels(ctx: SceneContext) -> tuple[str, str]:
    """The labels of the header's accessibility button, off and on."""
    return ctx.t("Accessibility"), ctx.t("Leave accessible mode")


def header_words(ctx: SceneContext) -> dict[str, str]:
    """Each header button's label and the word it shows under its icon."""
    names = {"fr": "Français", "de": "Deutsch"}
    return {ctx.t("Back"): ctx.t("Back"), ctx.t("Home"): ctx.t("Home"), ctx.t("Language"): names[ctx.lang]}


def frame_problems(pilot: Pilot) -> list[str]:
    """What the screen's frame does wrong: a widget off the screen (a dialog taller than its room), a
    header not in the product's one form, a modal over part of the header."""
    screen = pilot.app.display().screen
    ctx = pilot.app.display().ctx
    root = screen.stack.top.tree(screen.size)
    labels = accessibility_labels(ctx)
    width, height = screen.full.get_size()
    landscape = width > height
    return widgets_off_screen(root, screen.size) + header_problems(root, labels, header_words(ctx), landscape) + \
        modal_over_header(screen.stack, screen.size, labels)


# the forms the walk types into: their button, and how many tick boxes they have (the email's required consent
# and the store's offers; the checkout's offers)
FORMS_TYPED_IN = {"email typed": ("Send", 2), "checkout typed": ("Next", 1)}


class Moments(Walk):
    """The moments between screens, checked in the tree and in the pixels."""

    headers: dict[str, tuple[int, list[tuple[str, str]]]]

    def check(self, step: str) -> None:
        """The layout check, a status that covers nothing, the form in sight above the keyboard, ink
        wherever the tree lists a text or a button, every label in the session's language, nothing off the
        screen, the header in its one form and a modal under it, disabled buttons that look disabled, the cue
        under every list that goes on below; a snapshot of every moment."""
        self.pilot.advance(0.1)  # pictures delivered, the frame drawn as a shopper sees it
        display = self.pilot.app.display()
        widgets = self.pilot.request("tree")["displays"][display.name]["widgets"]
        picture = self.pilot.screenshot(self.folder / f"{step}.png")
        shown = pygame.image.load(str(picture))
        problems = layout_problems(widgets, display.screen.theme.size("touch_target"))
        problems += status_problems(widgets) + keyboard_problems(widgets)
        problems += widgets_without_ink(widgets, shown)
        shop = self.ctx.shop  # (the accessible language dialog asks its question in every language, on purpose)
        asked = {shop.t(other)("Choose your language") for other in shop.config.store.languages}
        problems += labels_in_other_language(widgets, self.ctx.lang, asked)
        problems += frame_problems(self.pilot)
        # where a page, a table or a sheet goes on below, the one cue right under its last whole row
        views = [(view.label, view.scroll < view.max_scroll - 1) for view in
                 display.screen.stack.top.tree(display.screen.size).walk()
                 if isinstance(view, ScrollView) and view.says_more and view.label]
        theme = display.screen.theme
        problems += cue_problems(widgets, views, self.ctx.t("More below"), theme.size("gap"), shown,
                                 theme.color("text")[:3])
        top = display.screen.offset  # reach mode: the tree's bounds are on the whole screen
        problems += disabled_problems([{**w, "bounds": [w["bounds"][0], w["bounds"][1] - top, *w["bounds"][2:]]}
                                       for w in widgets], shown.subsurface((0, top, *display.screen.size)))
        form = header_form(display.screen.stack.top.tree(display.screen.size), accessibility_labels(self.ctx))
        if form is not None:
            self.headers = getattr(self, "headers", {})
            self.headers[step] = form
        if reach_checked(self.ctx, step):
            problems += reach_problems(widgets, display.screen.full.get_size(), step_reach(display, step))
        if step in FORMS_TYPED_IN:  # the field, its tick boxes and its button over the keys
            submit, consents = FORMS_TYPED_IN[step]
            problems += form_in_sight(widgets, self.ctx.t(submit), consents)
        if step in GRID_MOMENTS:  # a card whole with its price, the next row starting (on a landscape screen too)
            problems += result_grid_problems(widgets, self.ctx.shop.catalog.count(*GRID_MOMENTS[step]),
                                             more=self.ctx.t("More below"))
        if self.ctx.session.accessible:
            for label, other in REACH_BESIDE.get(step, ()):
                problems += beside_problems(widgets, self.ctx.t(label), self.ctx.t(other))
        self.problems += [f"{step}: {problem}" for problem in problems]
        if self.snapshots:  # the whole screen (in reach mode too: the strip above shows the form's summary)
            width, height = display.screen.full.get_size()
            check_snapshot(f"moments/{self.where}-{step.replace(' ', '-')}", picture, (width // 2, height // 2))


def walk_the_moments(walk: Moments) -> None:
    """A shopper on a product with sizes: adds it before choosing a size, chooses and adds it, adds it to
    the comparison, reviews it, takes it home by email, then orders it (checkout's first step, typed in);
    then the modals over a department: its filters, the language dialog, and staff's PIN pad."""
    pilot, ctx = walk.pilot, walk.ctx
    t = ctx.t
    walk.show("product", lambda: ctx.show(ctx.routes.product("RUN-115")))
    pilot.tap(t("Add to cart"))
    assert pilot.details()["choice_missing"]
    walk.check("size missing")
    product = ctx.screen.stack.top
    variant = product.variants[0]  # type: ignore[attr-defined]
    pilot.tap(variant.label(ctx.lang))
    pilot.tap(t("Add to cart"))
    assert ctx.session.cart.count == 1
    walk.check("added")
    pilot.tap(t("In the comparison"))
    assert "RUN-115" in ctx.session.compare
    walk.check("added to comparison")
    walk.show("review", lambda: ctx.show(ctx.routes.review("RUN-115")))
    pilot.tap(t("{count} stars", count=5))
    pilot.type("Très confortables, légères.")
    pilot.tap(t("Next"))
    pilot.tap(t("Publish"))
    assert pilot.scene == "product"
    walk.check("review published")
    walk.show("share", lambda: ctx.show(ctx.routes.share(["RUN-115"])))
    pilot.tap(t("Send it to me by email"))
    assert pilot.scene == "email"
    pilot.type("ada@example.org")
    walk.check("email typed")
    walk.show("checkout", lambda: ctx.show(ctx.routes.checkout()))
    pilot.type("ada@example.org")
    walk.check("checkout typed")
    # the modals, laid out in their own tree over the screen: the sheet of filters, a dialog, the PIN pad
    walk.show("department", lambda: ctx.show(ctx.routes.browse("running")))
    pilot.tap(t("Sort and filter"))
    assert pilot.scene == "filters"
    walk.check("filters")
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    whole = [w["label"] for w in widgets if w["role"] == "button" and not w["clipped"]]
    count = ctx.shop.catalog.count("running", BrowseFilter())
    show = t.plural("Show {count} product", "Show {count} products", count)
    assert t("Reset") in whole and show in whole, f"the sheet's Reset and '{show}' in sight, not scrolled: {whole}"
    pilot.tap(t("Close"))
    walk.show("language dialog", lambda: ctx.show(ctx.routes.language_picker()))
    pilot.key("back")
    assert pilot.scene == "browse"
    pilot.app.display().staff.open_pin_pad()
    pilot.tap("2")
    walk.check("PIN pad")


def assert_one_header(headers: dict[str, tuple[int, list[tuple[str, str]]]], where: str) -> None:
    """The header is one height on every screen of a display, each of its buttons in one form."""
    heights = {step: height for step, (height, _) in headers.items()}
    assert len(set(heights.values())) == 1, f"{where}: the header's height changes between screens: {heights}"
    forms: dict[str, set[tuple[str, str]]] = {}
    for _, buttons in headers.values():
        for icon, shown in buttons:
            forms.setdefault(shown.split(" (")[0], set()).add((icon, shown.split(" (")[0]))
    assert all(len(form) == 1 for form in forms.values()), f"{where}: a header button changes form: {forms}"


@pytest.mark.slow  # seven moments on twenty shapes, with their pictures
@pytest.mark.parametrize("display, size, language, accessible", MATRIX,
                         ids=[f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in MATRIX])
def test_the_moments_between_screens_on_every_shape(tmp_path: Path, display: str, size: tuple[int, int],
                                                    language: str, accessible: bool) -> None:
    where = f"{display}-{size[0]}x{size[1]}-{language}-{'a11y' if accessible else 'normal'}"
    pilot = pilot_for(tmp_path, display, size, language, mail=True)
    walk = Moments(pilot, where, (language, accessible) in SNAPSHOT_VARIANTS, tmp_path)
    try:
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        if accessible:
            pilot.app.display().set_accessible(True)
        walk_the_moments(walk)
        assert walk.problems == [], f"{where}:\n" + "\n".join(walk.problems)
        assert_one_header(walk.headers, where)
    finally:
        pilot.close()
