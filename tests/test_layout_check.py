"""The layout check's own rules: a label of another language is found (and a shared word is not), a
text drawn over by one flat colour, a widget off the screen and a disabled button that looks active are
found."""

from __future__ import annotations

import pygame

from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Widget
from tests.layout_check import (
    disabled_problems,
    labels_in_other_language,
    status_problems,
    widgets_off_screen,
    widgets_without_ink,
)


def widget(label: str, role: str = "button", bounds: tuple[int, int, int, int] = (10, 10, 40, 20)) -> dict[str, object]:
    return {"role": role, "label": label, "bounds": list(bounds), "enabled": True}


def test_an_english_key_in_a_french_session_is_found_with_its_language() -> None:
    found = labels_in_other_language([widget("Shift"), widget("Majuscule"), widget("2 products", "text")], "fr")
    assert found == ["button 'Shift' is in en, not fr", "text '2 products' is in en, not fr"]


def test_content_and_words_the_languages_share_are_not_judged() -> None:
    said = [widget("Racer Carbon Pro", "text"), widget("OK"), widget("Auf alle Laufschuhe, bis Sonntag.", "text"),
            widget("Start")]
    assert labels_in_other_language(said, "de") == []


def test_a_text_under_one_flat_colour_has_no_ink() -> None:
    picture = pygame.Surface((200, 100))
    picture.fill((255, 255, 255))
    assert widgets_without_ink([widget("Hello", "text")], picture) == \
        ["text 'Hello' at [10, 10, 40, 20] shows one flat colour"]
    picture.fill((0, 0, 0), (20, 15, 6, 6))  # a glyph's ink
    assert widgets_without_ink([widget("Hello", "text")], picture) == []
    assert widgets_without_ink([widget("Hello", "text")], picture, scale=0.5, origin=(100, 0)) != [], \
        "scaled into a window elsewhere on the desk, the same box is looked at there"


def test_a_status_over_a_widget_or_over_the_cut_part_of_one_is_found() -> None:
    status = widget("Added to your cart", "status", (0, 100, 200, 40))
    assert status_problems([status, widget("", "image", (0, 90, 50, 20))]) == ["the status covers 'image'"]
    cut = {**widget("Send to my phone", bounds=(10, 70, 180, 30)), "clipped": True}  # scrolled under the strip
    assert status_problems([status, cut]) == ["the status lies over the rest of 'Send to my phone', cut at its edge"]
    whole = widget("Send to my phone", bounds=(10, 40, 180, 30))  # a gap between it and the strip
    below = widget("Add to cart", bounds=(10, 140, 180, 30))  # the bar under the zone, touching it
    assert status_problems([status, whole, below]) == []


def test_a_widget_past_the_screens_edge_is_found_but_not_one_a_scroll_view_holds() -> None:
    root = Widget((0, 0, 800, 600))
    dialog = root.add(Widget((100, 300, 600, 400), label="dialog"))
    list_view = root.add(ScrollView((0, 0, 800, 200), 2000))
    list_view.add(Widget((0, 1500, 800, 100), label="row far down the list"))
    found = widgets_off_screen(root, (800, 600))
    assert found == [f"group 'dialog' at {list(dialog.rect)} runs off the 800x600 screen"]


def test_a_disabled_button_with_a_fill_active_or_faint_words_is_found() -> None:
    picture = pygame.Surface((300, 100))
    picture.fill((255, 255, 255))
    button = {**widget("Compare (1)", bounds=(50, 20, 200, 60)), "enabled": False}
    picture.fill((221, 214, 203), (50, 20, 200, 60))  # a fill of its own, the words in the muted colour
    picture.fill((92, 87, 79), (120, 40, 60, 20))
    assert [p.split(" has ")[1].split(" ")[0] for p in disabled_problems([button], picture)] == ["a", "words"]
    picture.fill((255, 255, 255))
    picture.fill((169, 165, 159), (120, 40, 60, 20))  # no fill, words too faint to read (2.4:1)
    assert [p.split(" has ")[1].split(" ")[0] for p in disabled_problems([button], picture)] == ["words"]
    picture.fill((117, 112, 105), (120, 40, 60, 20))  # no fill, words at a lower contrast that still reads
    assert disabled_problems([button], picture) == []
