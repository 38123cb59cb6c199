"""The layout check of the matrix (issue: every screen laid out): what a shopper would see as broken,
read from the accessibility tree of one screen."""

from __future__ import annotations

import functools
import itertools
import re
import string
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pygame
from babel.messages.pofile import read_po

from kiosk.ui.keyboard import SMALLEST_KEY
from kiosk.ui.scene import SceneStack
from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button, Label, Widget

TEXT_ROLES = ("text", "heading")
CONTROL_ROLES = ("button", "radio")  # what is tapped to do or to choose (a radio: one option of a few)


def layout_problems(widgets: list[dict[str, Any]], min_target: int) -> list[str]:
    """Overlapping controls, text covered by a control or another text, targets below the minimum (a key
    of the on-screen keyboard may be down to SMALLEST_KEY of it, as a phone's keys are), and text cut with
    "…"; each said so that the scene's author can find it."""
    problems: list[str] = []
    controls = [w for w in widgets if w["role"] in CONTROL_ROLES and w["enabled"]]
    texts = [w for w in widgets if w["role"] in TEXT_ROLES and w["label"].strip()]

    def rect(widget: dict[str, Any]) -> pygame.Rect:
        return pygame.Rect(widget["bounds"])

    for first, second in itertools.combinations(controls, 2):
        a, b = rect(first), rect(second)
        if a.colliderect(b) and not a.contains(b) and not b.contains(a):
            problems.append(f"controls overlap: {first['label']!r} and {second['label']!r}")
    for first, second in itertools.combinations(texts, 2):
        a, b = rect(first), rect(second)
        if a.colliderect(b) and not a.contains(b) and not b.contains(a):
            problems.append(f"texts overlap: {first['label']!r} and {second['label']!r}")
    for text in texts:
        for control in controls:
            a, b = rect(text), rect(control)
            if a.colliderect(b) and not b.contains(a):
                problems.append(f"{control['label']!r} covers part of the text {text['label']!r}")
    keyboards = [rect(w) for w in widgets if w["role"] == "keyboard"]
    for control in controls:
        bounds = rect(control)
        least = round(min_target * SMALLEST_KEY) if any(k.contains(bounds) for k in keyboards) else min_target
        if not control.get("clipped") and min(bounds.width, bounds.height) < least:
            problems.append(f"{control['label']!r} is {bounds.width}x{bounds.height}, under {least} px")
    problems += [f"text cut: {w['label']!r}" for w in widgets if w.get("cut")]
    return problems


LOCALE = Path(__file__).resolve().parents[1] / "kiosk" / "shipped" / "locale"
SOURCE_LANGUAGE = "en"  # the interface's texts are written in English; the catalogues translate them


@functools.cache
def _interface_texts() -> dict[str, list[tuple[str, ...]]]:
    """Each language's interface texts, one tuple of forms per text (its translation, or both plural forms)
    in the order of the catalogue, English included as the catalogues' source."""
    said: dict[str, list[tuple[str, ...]]] = {SOURCE_LANGUAGE: []}
    for path in sorted(LOCALE.glob("*/LC_MESSAGES/kiosk.po")):
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        forms: list[tuple[str, ...]] = []
        for message in catalogue:
            if not message.id:
                continue
            source = (message.id,) if isinstance(message.id, str) else tuple(message.id)
            strings = (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
            # an empty translation shows the English text (gettext's fallback)
            forms.append(tuple(s or source[min(i, len(source) - 1)] for i, s in enumerate(strings or source)))
            if path.parents[1].name == "de":  # the sources once, from any catalogue
                said[SOURCE_LANGUAGE].append(source)
        said[path.parents[1].name] = forms
    assert len(said) > 1, f"no interface catalogues in {LOCALE}: the language check would check nothing"
    return said


def _pattern(text: str) -> re.Pattern[str] | None:
    """A text as a whole-label pattern, its `{fields}` matching anything; None when too little of it is
    words of its own (a text that is only fields, or a sign) to tell a language by."""
    text = " ".join(text.split())
    parts = [literal for literal, _, _, _ in string.Formatter().parse(text)]
    fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    # a text with fields tells its language only by enough words of its own ("{day} alle {time}" is Italian,
    # but "alle" is German too)
    if sum(ch.isalpha() for part in parts for ch in part) < (8 if fields else 3):
        return None
    pattern = "".join(re.escape(part) + (".+?" if index < len(fields) else "") for index, part in enumerate(parts))
    return re.compile(pattern, re.S)


@functools.cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    return tuple(p for forms in _interface_texts().get(language, []) for form in forms
                 if (p := _pattern(form)) is not None)


def labels_in_other_language(widgets: list[dict[str, Any]], language: str, said_in_every: Collection[str] = ()
                             ) -> list[str]:
    """The labels of a session in `language` that are an interface text of another language (an English
    "Shift" key in a French session) and none of the session's own: each said with the language it is in.
    A label made only of `said_in_every` (what a screen says in every language on purpose: the accessible
    language dialog's question, several to a line after " · ") is not judged.

    Only texts of the interface's catalogues are known; a text the code never marked for translation is
    caught by the translations test, not here. Content (product names, reviews) is not judged."""
    own = _patterns(language)
    problems: list[str] = []
    for widget in widgets:
        label = " ".join(str(widget.get("label", "")).split())
        if not label or any(p.fullmatch(label) for p in own) or set(label.split(" · ")) <= set(said_in_every):
            continue
        for other in sorted(_interface_texts()):
            if other != language and any(p.fullmatch(label) for p in _patterns(other)):
                problems.append(f"{widget['role']} {label!r} is in {other}, not {language}")
                break
    return problems


INKED_ROLES = ("text", "heading", "button", "radio")


def widgets_without_ink(widgets: list[dict[str, Any]], picture: pygame.Surface, scale: float = 1.0,
                        origin: tuple[int, int] = (0, 0)) -> list[str]:
    """The texts and buttons the tree lists whose place in `picture` is one flat colour: drawn over, or
    never drawn. `picture` may show the display scaled by `scale` with its top left at `origin` (a
    desk's window in a screenshot of the whole desk)."""
    problems: list[str] = []
    area = picture.get_rect()
    for widget in widgets:
        if widget["role"] not in INKED_ROLES or not str(widget["label"]).strip() or widget.get("clipped"):
            continue
        x, y, w, h = widget["bounds"]
        shown = pygame.Rect(origin[0] + round(x * scale), origin[1] + round(y * scale),
                            max(1, round(w * scale)), max(1, round(h * scale))).clip(area)
        if shown.width * shown.height < 4:
            continue
        pixels = pygame.image.tobytes(picture.subsurface(shown), "RGB")
        if pixels == pixels[:3] * (len(pixels) // 3):
            problems.append(f"{widget['role']} {widget['label']!r} at {widget['bounds']} shows one flat colour")
    return problems


def status_problems(widgets: list[dict[str, Any]]) -> list[str]:
    """A confirmation (a status) drawn over anything else of the screen: it must have a zone of its own.

    Any widget counts, with or without a label (a picture, a list). A widget cut by its scroll view right
    at the status's edge counts too: the tree lists only its visible part, but on the screen the strip
    lies over the rest of it (half a button under "Added to your cart")."""
    statuses = [pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "status" and w["label"].strip()]
    problems = []
    for status in statuses:
        for other in (w for w in widgets if w["role"] != "status"):
            bounds = pygame.Rect(other["bounds"])
            said = other["label"] or other["role"]
            if bounds.colliderect(status) and not bounds.contains(status):
                problems.append(f"the status covers {said!r}")
            elif other.get("clipped") and bounds.width and bounds.inflate(0, 2).colliderect(status) and \
                    max(bounds.left, status.left) < min(bounds.right, status.right):
                problems.append(f"the status lies over the rest of {said!r}, cut at its edge")
    return problems


def keyboard_problems(widgets: list[dict[str, Any]]) -> list[str]:
    """With the keyboard up, a form control (the field, a choice, a consent, the submit) cut by the edge
    of its scrolled room: the shopper cannot see what they are about to tap."""
    if not any(w["role"] == "keyboard" for w in widgets):
        return []
    return [f"form control cut while the keyboard is up: {w['label']!r}" for w in widgets
            if w["role"] in ("button", "radio", "textbox") and w.get("clipped")]


def form_in_sight(widgets: list[dict[str, Any]], submit: str, consents: int) -> list[str]:
    """With the keyboard up, the form the shopper is filling in whole in the tree: its field, its `consents`
    tick boxes and its `submit` button, none cut. (A control scrolled wholly out of sight is not in the tree
    at all, so `keyboard_problems`, which looks for cut ones, would not see it gone.)"""
    whole = [w for w in widgets if not w.get("clipped")]
    problems = [] if any(w["role"] == "textbox" for w in whole) else ["the field is not in sight over the keys"]
    ticks = sum(w["role"] == "checkbox" for w in whole)
    if ticks < consents:
        problems.append(f"{ticks} of the form's {consents} tick boxes in sight over the keys")
    if not any(w["role"] == "button" and w["label"] == submit for w in whole):
        problems.append(f"the form's {submit!r} button is not in sight over the keys")
    return problems


def widgets_off_screen(root: Widget, size: tuple[int, int]) -> list[str]:
    """The widgets of a scene's tree that run off its screen (a dialog taller than the room: its last
    choice cut by the edge); what a scroll view holds counts by the view, which shows it by scrolling."""
    screen = pygame.Rect((0, 0), size)
    problems: list[str] = []

    def visit(widget: Widget) -> None:
        if not widget.visible:
            return
        rect = widget.screen_rect()
        if rect.width and rect.height and not screen.contains(rect):
            problems.append(f"{widget.role} {widget.label or type(widget).__name__!r} at {list(rect)} runs off the "
                            f"{size[0]}x{size[1]} screen")
        if not isinstance(widget, ScrollView):
            for child in widget.children:
                visit(child)

    visit(root)
    return problems


def header_bar(root: Widget, accessibility_labels: tuple[str, ...]) -> Widget | None:
    """The header of a scene's tree: the part of the screen that holds the accessibility button."""
    for top in root.children:
        if any(w.role == "button" and w.label in accessibility_labels for w in top.walk()):
            return top
    return None


def header_form(root: Widget, accessibility_labels: tuple[str, ...]) -> tuple[int, list[tuple[str, str]]] | None:
    """What a header looks like, to compare between screens and shapes: its height, and each button's icon
    and the words it shows (the title's place and size are in its height: a title over the buttons makes
    the bar taller)."""
    bar = header_bar(root, accessibility_labels)
    if bar is None:
        return None
    buttons = [w for w in bar.walk() if isinstance(w, Button) and w.visible]
    return bar.rect.height, [(getattr(b, "icon", ""), b.shown or b.label) for b in buttons]


def header_problems(root: Widget, accessibility_labels: tuple[str, ...], words: dict[str, str],
                    landscape: bool) -> list[str]:
    """A header that is not the product's one form: the title in a row of its own on a landscape screen, or
    a button that shows a sign without its word (`words`: each button's label and the word it must show).
    `landscape`: the display is (its reach zone in accessible mode may be wider than tall on a portrait one)."""
    bar = header_bar(root, accessibility_labels)
    if bar is None:
        return []
    problems: list[str] = []
    buttons = {w.label: w for w in bar.walk() if isinstance(w, Button) and w.visible}
    for label, word in words.items():
        button = buttons.get(label)
        if button is None:
            continue
        shown = button.shown or button.label
        if not getattr(button, "icon", "") or word not in shown:
            problems.append(f"the header's {label!r} shows {shown!r}, not its icon and the word {word!r}")
    titles = [w for w in bar.walk() if isinstance(w, Label) and w.role == "heading" and w.visible]
    for title in titles:
        if landscape and buttons and any(b.rect.top >= title.rect.bottom for b in buttons.values()):
            problems.append(f"the header's title {title.label!r} stands over its buttons on a landscape screen")
    return problems


def modal_over_header(stack: SceneStack, size: tuple[int, int], accessibility_labels: tuple[str, ...]) -> list[str]:
    """A modal (a dialog, the PIN pad) whose box lies over part of the header of the screen under it: a
    half-covered title or button. The modal dims the whole screen and sits in the room under the header."""
    if len(stack.scenes) < 2 or not stack.top.modal:
        return []
    under = next((s for s in reversed(stack.scenes[:-1]) if not s.modal), None)
    if under is None:
        return []
    bar = header_bar(under.tree(size), accessibility_labels)
    if bar is None:
        return []
    band = bar.screen_rect()
    modal = stack.top.tree(size)
    screen = pygame.Rect((0, 0), size)
    return [f"the modal's {w.role} {w.label or type(w).__name__!r} at {list(w.screen_rect())} lies over the header "
            f"at {list(band)}" for w in modal.walk()
            if w is not modal and w.visible and w.screen_rect() != screen and w.screen_rect().colliderect(band)
            and w.parent is modal and type(w) is not Widget]  # a see-through area that closes it shows nothing


def _luminance(color: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    red, green, blue = color
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rgb(color: pygame.Color) -> tuple[int, int, int]:
    return color.r, color.g, color.b


# a disabled control's words read (4.5:1, less a little for the smoothing of their edges) and stay under what an
# active control's words show (its words at 4.5:1 were 4:1 on black, too weak: designer's review)
DISABLED_LEAST_CONTRAST = 4.4
DISABLED_MOST_CONTRAST = 6.0


def disabled_problems(widgets: list[dict[str, Any]], picture: pygame.Surface) -> list[str]:
    """Disabled buttons that look like they can be tapped: a fill of their own (the colour inside differs
    from what is around them), or words at the contrast of an active control; or words too faint to read."""
    problems: list[str] = []
    area = picture.get_rect()
    for widget in widgets:
        if widget["role"] != "button" or widget["enabled"] or widget.get("clipped"):
            continue
        box = pygame.Rect(widget["bounds"])
        outside = box.inflate(8, 8).clip(area)
        if box.width < 8 or box.height < 8 or not area.contains(box):
            continue
        around = [_rgb(picture.get_at(point)) for point in (outside.topleft, (outside.right - 1, outside.top),
                                                                  (outside.left, outside.bottom - 1),
                                                                  (outside.right - 1, outside.bottom - 1))]
        behind = max(set(around), key=around.count)
        inner = box.inflate(-box.width // 4, -box.height // 4)
        edge = max(7, box.height // 8)  # inside its outline, before its words
        fills = [_rgb(picture.get_at((x, y))) for x in (box.left + edge, box.right - 1 - edge)
                 for y in range(box.centery - box.height // 8, box.centery + box.height // 8 + 1)]
        fill = max(set(fills), key=fills.count)
        if contrast(fill, behind) > 1.1:
            problems.append(f"the disabled button {widget['label']!r} has a fill of its own {fill} over {behind}")
        pixels = pygame.image.tobytes(picture.subsurface(inner), "RGB")
        colours = {pixels[i:i + 3] for i in range(0, len(pixels), 3)}
        most = max((contrast((c[0], c[1], c[2]), behind) for c in colours), default=1.0)
        if most >= DISABLED_MOST_CONTRAST:
            problems.append(f"the disabled button {widget['label']!r} has words at {most:.1f}:1, as if it could be "
                            f"tapped")
        elif most < DISABLED_LEAST_CONTRAST:
            problems.append(f"the disabled button {widget['label']!r} has words at {most:.1f}:1, too faint to read")
    return problems


def reach_problems(widgets: list[dict[str, Any]], size: tuple[int, int], reach: float) -> list[str]:
    """In accessible mode, a control a shopper must touch (a button, a field) above the reach zone, the
    lower `reach` share of a screen of `size` that a shopper in a wheelchair or a child reaches. (A portrait
    screen lays its scenes out in that zone; a landscape one brings its controls down into it.)"""
    top = round(size[1] * (1 - reach))
    return [f"{w['role']} {w['label']!r} at {w['bounds']} is out of reach (above y={top})" for w in widgets
            if w["role"] in ("button", "textbox", "checkbox") and w["bounds"][1] < top and w["bounds"][3] > 0]


def display_reach(display: Any) -> float:
    """The share of a display's screen within reach in accessible mode: on a portrait screen, all under the
    strip above the reach zone (which gives way to the content on a short screen: kiosk/ui/reach.py); on a
    landscape one, the lower share the config's `[accessibility] reach` says."""
    width, height = display.screen.full.get_size()
    if height > width:
        return float(1 - display.screen.offset / height)
    return float(display.shop.config.accessibility.reach)


def beside_problems(widgets: list[dict[str, Any]], label: str, other: str) -> list[str]:
    """A control not in one row with another (its middle not within the other's height): the filter sheet's
    Close that went up to the sheet's top, out of reach, while Reset and Show stay at its bottom."""
    found = {w["label"]: pygame.Rect(w["bounds"]) for w in widgets if w["label"] in (label, other)}
    if len(found) < 2:
        return [f"{label!r} or {other!r} is not on the screen"]
    mine, theirs = found[label], found[other]
    if theirs.top <= mine.centery <= theirs.bottom:
        return []
    return [f"{label!r} at {list(mine)} is not beside {other!r} at {list(theirs)}"]


def result_grid_problems(widgets: list[dict[str, Any]], products: int, least_whole: int = 1,
                         more: str = "") -> list[str]:
    """A grid of product cards (the buttons in a `list`) that shows fewer than `least_whole` cards whole, their
    prices with them (a tablet's one card had its price under the bars), or, when the grid holds more
    `products` than it shows whole, no next row starting under them and no cue `more` ("More below") in the grid:
    nothing says that more follows."""
    grids = [pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "list"]
    cards = [w for w in widgets if w["role"] == "button" and any(g.contains(pygame.Rect(w["bounds"])) for g in grids)]
    whole = [w for w in cards if not w.get("clipped")]
    problems = []
    if len(whole) < least_whole:
        problems.append(f"{len(whole)} product cards whole, not {least_whole}: {[w['label'] for w in cards]}")
    cut_prices = [w["label"] for w in widgets if w["role"] == "text" and w.get("clipped") and "€" in w["label"]
                  and any(pygame.Rect(c["bounds"]).contains(pygame.Rect(w["bounds"])) for c in whole)]
    problems += [f"the price {label!r} is cut" for label in cut_prices]
    if whole and products > len(whole):
        below = max(pygame.Rect(w["bounds"]).bottom for w in whole)
        started = [w for w in cards if w.get("clipped") and w["bounds"][1] >= below and w["bounds"][3] >= 8]
        cue = [w for w in widgets if w["role"] == "text" and more and w["label"] == more and w["bounds"][1] >= below
               and any(g.contains(pygame.Rect(w["bounds"])) for g in grids)]
        if not started and not cue:
            problems.append(f"{len(whole)} of {products} product cards show, and no next row starts under them")
    return problems


INK_STEP = 40  # how far from the fill, in each of red, green and blue, a pixel is ink
SHORT_ALONE = 3  # letters of a word too short to stand alone on a line of a text that takes several ("dos", "Pro")


def parted_words(widgets: list[dict[str, Any]]) -> list[str]:
    """The texts and buttons of several lines (the tree's `lines`) that part words that belong together: a
    line of one short word or a number alone under a line that could have given it company ("Sacs à / dos",
    "Trail Ascent / 3"), a line that ends with a
    one-letter word ("Encore 1 produit à / choisir") or starts with a sign of the word before ("Camille / !")."""
    problems: list[str] = []
    for widget in widgets:
        lines = widget.get("lines", [])
        for before, line in zip(["", *lines], lines):
            words = line.split()
            letters = "".join(ch for ch in line if ch.isalnum())
            # (after a line of one word, there was no other way: "Montres / GPS")
            if len(words) == 1 and len(before.split()) > 1 and (letters.isdigit() or len(letters) <= SHORT_ALONE):
                problems.append(f"{widget['role']} {lines!r}: {line!r} alone on a line")
            elif len(words) > 1 and len(words[-1]) == 1 and words[-1].isalpha():
                problems.append(f"{widget['role']} {lines!r}: a line ends with {words[-1]!r}")
            if words and words[0][0] in "!?:;»€%":
                problems.append(f"{widget['role']} {lines!r}: a line starts with {words[0]!r}")
    return problems


def lines_without_ink(widgets: list[dict[str, Any]], picture: pygame.Surface, measure: Any,
                      outline: tuple[int, int], offset: int = 0) -> list[str]:
    """The texts and buttons of several lines whose picture does not show those lines: as many bands of ink
    as the tree's `lines`, each as wide as its line's words (`measure(widget, line)`: their width in pixels, or
    None to skip the widget) within a few pixels. `outline`: how far in from a button's sides and from its top
    and bottom its outline and rounded corners reach; `offset`: the display's top in `picture` (reach mode)."""
    problems: list[str] = []
    for widget in widgets:
        lines = widget.get("lines")
        if not lines or widget.get("clipped"):
            continue
        widths = [measure(widget, line) for line in lines]
        if None in widths:
            continue
        x, y, w, h = widget["bounds"]
        across, down = outline if widget["role"] == "button" else (0, 0)
        box = pygame.Rect(x + across, y - offset + down, w - 2 * across, h - 2 * down)
        pixels = picture.subsurface(box)
        ground = pixels.get_at((0, box.height // 2))  # the fill beside the words
        ink = pygame.mask.from_threshold(pixels, ground, (INK_STEP, INK_STEP, INK_STEP, 255))
        ink.invert()
        bands: list[pygame.Rect] = []  # each run of rows with ink: its glyphs (and their accents) side by side
        for glyph in sorted(ink.get_bounding_rects(), key=lambda r: r.top):
            if bands and glyph.top < bands[-1].bottom:
                bands[-1] = bands[-1].union(glyph)
            else:
                bands.append(glyph)
        shown = [band.width for band in bands]
        if len(shown) != len(lines) or any(abs(s - e) > max(8, e // 10) for s, e in zip(shown, widths)):
            problems.append(f"{widget['role']} {lines!r} shows {len(shown)} lines of ink {shown} px wide, not "
                            f"{widths}")
    return problems


def cue_problems(widgets: list[dict[str, Any]], lists: list[tuple[str, bool]], words: str, band: int,
                 picture: pygame.Surface, ink: tuple[int, int, int]) -> list[str]:
    """What is wrong with the cue that says more follows under a list (a page, a table, a sheet, a grid of cards), for
    each of `lists` (its label, whether more follows below what it shows): where more follows, no cue, or one but
    `words` ("More below") in the tree and their chevron and letters in the `picture` (`ink`: the text's colour), or
    one over or above something of the list, or an empty band taller than `band` between the list's content and the
    cue (370 px of it under a collection's last whole row); where nothing follows, a cue."""
    problems: list[str] = []
    for label, more in lists:
        view = next((pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "list" and w["label"] == label), None)
        if view is None:
            continue
        cues = [w for w in widgets if w["role"] == "text" and w["label"] == words and view.contains(w["bounds"])]
        if not more:
            problems += [f"list {label!r}: a cue at {w['bounds']} where nothing follows" for w in cues]
            continue
        if len(cues) != 1:
            problems.append(f"list {label!r}: {len(cues)} cues {words!r} where more follows")
            continue
        cue = pygame.Rect(cues[0]["bounds"])
        inside = [w for w in widgets if w is not cues[0] and w["role"] != "list" and view.contains(w["bounds"])]
        problems += [f"list {label!r}: {w['role']} {w['label']!r} at {w['bounds']} under or beside the cue at "
                     f"{list(cue)}" for w in inside if pygame.Rect(w["bounds"]).bottom > cue.top]
        lowest = max((pygame.Rect(w["bounds"]).bottom for w in inside if w["bounds"][1] < cue.top), default=view.top)
        if cue.top - lowest > band:
            problems.append(f"list {label!r}: an empty band of {cue.top - lowest} px over the cue at {list(cue)}")
        # the chevron at its left (a square a line tall), the words beside it: both in ink
        chevron = pygame.Rect(cue.x, cue.y, cue.height, cue.height)
        letters = pygame.Rect(cue.x + cue.height, cue.y, cue.width - cue.height, cue.height)
        for part, area in (("chevron", chevron), ("words", letters)):
            area = area.clip(picture.get_rect())
            if not any(max(abs(a - b) for a, b in zip(picture.get_at((x, y))[:3], ink, strict=True)) < 48
                       for x in range(area.x, area.right) for y in range(area.y, area.bottom, 2)):
                problems.append(f"list {label!r}: the cue's {part} at {list(area)} shows no ink")
    return problems
