"""What a shopper orders stays in sight through the checkout (issue 22, designer's review of the shop window):
the 4K window's landscape checkout has the steps and the order's summary by its keys (it had neither),
every summary and the confirmation say the size chosen ("1 × Trail Ascent 3" said none), the summary has
the theme's padding and the steps read (the current one strong, those done marked, the next ones legible). The
line that says what the address is for stays in sight beside the keys too (the form dropped it for room)."""

from __future__ import annotations

from pathlib import Path

import pygame

from kiosk.automation.screens import shown_picture
from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Label, Panel, Widget
from tests.cart_lines import put_in_cart
from tests.layout_check import contrast, layout_problems, widgets_without_ink
from tests.scenes.helpers import session

LINE = "1 × Trail Ascent 3 (Taille 39)"  # RUN-112 in 39: 4 in stock
WHAT_FOR = "Uniquement pour vous parler de cette commande."
TOTAL = "Total 138,99\u00a0€"


def labelled(pilot: Pilot, text: str) -> Label:
    """The label that says `text` in the scene in front."""
    display = pilot.app.display()
    root = display.screen.stack.top.tree(display.screen.size)
    return next(w for w in root.walk() if isinstance(w, Label) and w.label == text and w.visible)


def cell(widget: Widget) -> Panel:
    """The panel that holds `widget` (a card, a step's cell)."""
    node = widget.parent
    while not isinstance(node, Panel):
        assert node is not None
        node = node.parent
    return node


def ink(picture: pygame.Surface, label: Label, behind: tuple[int, int, int]) -> float:
    """The strongest contrast of the label's pixels with the colour `behind` them."""
    area = label.screen_rect().clip(picture.get_rect())
    pixels = pygame.image.tobytes(picture.subsurface(area), "RGB")
    colours = {pixels[i:i + 3] for i in range(0, len(pixels), 3)}
    return max(contrast((c[0], c[1], c[2]), behind) for c in colours)


def on_screen(pilot: Pilot) -> pygame.Surface:
    """What the display shows once the next frame is drawn (what a screenshot writes, without a 4K PNG)."""
    return shown_picture(pilot.app, pilot.app.display())


def rgb(pilot: Pilot, name: str) -> tuple[int, int, int]:
    red, green, blue = pilot.app.display().screen.theme.color(name)[:3]
    return red, green, blue


def test_the_landscape_window_checkout_shows_the_steps_and_the_order_with_its_size(tmp_path: Path) -> None:
    size = (3840, 2160)
    with session(tmp_path, "window", size, "fr") as pilot:
        display = pilot.app.display()
        put_in_cart(display.ctx, "BIK-102")  # not what is bought now
        display.ctx.show(display.ctx.routes.product("RUN-112"))
        pilot.advance(0.2)
        pilot.tap(label="39")
        pilot.tap(label="Acheter maintenant")
        assert pilot.details()["step"] == "contact"
        shown = pilot.request("tree")["displays"][display.name]["widgets"]
        texts = {w["label"]: w for w in shown if w["role"] in ("text", "heading")}
        for said in ("1. Coordonnées", "2. Vérification", LINE, "Articles : 1", TOTAL, WHAT_FOR):
            assert said in texts and not texts[said].get("clipped"), f"{said!r} in sight on the checkout"
        keys = pygame.Rect(next(w["bounds"] for w in shown if w["role"] == "keyboard"))
        # (the order over the keys, what the address is for beside them under the field: the form's column holds
        # the field, that line, the offers and "Next" one under the other, as on every shape)
        assert not any(pygame.Rect(texts[said]["bounds"]).colliderect(keys) for said in (LINE, TOTAL, WHAT_FOR)), \
            "the order and what the address is for in sight by the keys, not on them"
        assert layout_problems(shown, display.screen.theme.size("touch_target")) == []
        picture = on_screen(pilot)
        assert widgets_without_ink(shown, picture) == []

        # the summary's card has the theme's padding around its words (it had half a gap: 5 px at half size)
        line = labelled(pilot, LINE)
        card = cell(line).screen_rect()
        gap = display.screen.theme.size("gap")
        assert line.screen_rect().left - card.left >= gap and line.screen_rect().top - card.top >= gap

        # the steps read: the current one filled with the brand's colour, the next one's words as dark as text
        current, following = labelled(pilot, "1. Coordonnées"), labelled(pilot, "2. Vérification")
        inside = cell(current).screen_rect()
        assert picture.get_at((inside.left + gap // 4, inside.centery))[:3] == rgb(pilot, "primary")
        assert ink(picture, following, rgb(pilot, cell(following).color)) >= 7, "the next step legible, not grey"

        pilot.type("ada@example.org")
        pilot.tap(label="Suivant")
        assert pilot.details()["step"] == "review"
        assert LINE in pilot.labels()
        picture = on_screen(pilot)
        done = labelled(pilot, "✓ Coordonnées")
        assert cell(done).border == "primary" and done.color == "primary" and done.bold, "the step done marked"
        assert ink(picture, done, rgb(pilot, "surface")) >= 4.5

        pilot.tap(label="Confirmer la commande")
        assert pilot.scene == "order_confirmed"
        shown = pilot.request("tree")["displays"][display.name]["widgets"]
        assert LINE in [w["label"] for w in shown if not w.get("clipped")], "the confirmation says what and which size"
        picture = on_screen(pilot)
        assert widgets_without_ink(shown, picture) == []

        # the cart's checkout (two lines, as the layout matrix's) has a step more, "2. Retrait ou livraison" (on
        # two lines in a third of the column, it left no room): what the address is for, the field, "Suivant" and
        # the offers' box still in sight beside the keys, before anything is typed
        cart = display.ctx.session.cart
        cart.clear()
        put_in_cart(display.ctx, "TEN-123")
        put_in_cart(display.ctx, "TEN-124")
        display.ctx.show(display.ctx.routes.checkout())
        pilot.advance(0.1)
        shown = pilot.request("tree")["displays"][display.name]["widgets"]
        whole = {w["label"]: w for w in shown if not w.get("clipped")}
        for said in ("2. Retrait ou livraison", WHAT_FOR, "Suivant", "Envoyez-moi aussi les offres du magasin"):
            assert said in whole and pygame.Rect(whole[said]["bounds"]).right < keys.left, f"{said!r} beside the keys"
        assert layout_problems(shown, display.screen.theme.size("touch_target")) == []
        assert widgets_without_ink(shown, on_screen(pilot)) == []


def test_the_accessible_summary_over_the_reach_zone_says_the_size(tmp_path: Path) -> None:
    size = (1080, 1920)
    with session(tmp_path, "terminal", size, "fr", accessible=True) as pilot:
        pilot.scan("2001000001125")  # RUN-112 Trail Ascent 3
        pilot.tap(label="39")
        pilot.tap(label="Ajouter au panier")
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        assert LINE in pilot.details()["banner"], "the order over the reach zone says the size chosen"
