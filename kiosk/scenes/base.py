"""The base of the shop's scenes, and the parts most scenes share: header bar, compare bar, product card."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from functools import partial

import pygame

from kiosk.config.countries import country_typing, language_endings
from kiosk.core.models import ProductSummary
from kiosk.core.shopper.session import MAX_COMPARE
from kiosk.scenes.context import SceneContext
from kiosk.scenes.member_words import TIER_NAMES, price_box
from kiosk.ui.kept_places import KeptPlaces
from kiosk.ui.keyboard import SMALLEST_KEY, Keyboard, Kind, Shortcut, layout_for, narrowest
from kiosk.ui.kit import Kit
from kiosk.ui.layout import (
    Box,
    Insets,
    column,
    dock,
    first_that_fits,
    fit,
    fixed,
    flex,
    grid,
    layer,
    layout,
    leaf,
    mount,
    row,
    scroll,
    shape,
    status_zone,
    text,
)
from kiosk.ui.scene import Scene
from kiosk.ui.scroll import ScrollView, cue_height
from kiosk.ui.text import TextCache
from kiosk.ui.widgets import Button, Label, Panel, Picture, Root, Status, TextField, Widget

LANGUAGE_NAMES = {"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español", "it": "Italiano"}


class ShopScene(Scene):
    """A scene with the shop's context."""

    def __init__(self, ctx: SceneContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.header_band: pygame.Rect | None = None  # where this scene's header was laid out
        self.kept = KeptPlaces()  # the keyboard's and the action's places, kept while the shopper types

    @property
    def kit(self) -> Kit:
        """Makes widgets with their layout boxes, in this display's theme."""
        return Kit(self.ctx.theme, self.ctx.screen.text)

    def wide(self, size: tuple[int, int]) -> bool:
        """Whether a screen is landscape with room for two columns side by side (a counter, a window); a
        tablet's short reach zone in accessible mode is not, though it is wider than tall."""
        return shape(size, two_columns=self.ctx.theme.size("dialog") * 3 // 2) == "wide"

    def section(self, title: str) -> Box:
        """A section's title in a page: on two lines, or a size smaller, before it is cut."""
        return self.kit.words(title, size="title", sizes=("button",), max_lines=2, bold=True, heading=True)

    def screen(self, size: tuple[int, int], title: str, body: Box, *, bottom: Sequence[Box] = (),
               back: bool = True) -> Root:
        """A scene's whole screen as one tree: the header docked at the top with the status zone in it (where
        confirmations show, in the title's place, next to the cart they count: they take no room from the page,
        which never moves for them, and cover nothing), `body` in the room left, and the `bottom` bars docked
        at the bottom (the header under them where `bars_in_reach`). Laid out, its widgets mounted in the
        tree's order."""
        root = Root((0, 0, *size))
        status = Status()
        header = self.header(title, back=back, status=status)
        if self.bars_in_reach(size):
            self.mounted(root, dock(body, bottom=[*bottom, header]), status)
        else:
            self.mounted(root, dock(body, top=[header], bottom=bottom), status)
        self.header_band = pygame.Rect(header.rect)  # a modal over this scene keeps it free
        return root

    def bars_in_reach(self, size: tuple[int, int]) -> bool:
        """Whether the header goes under the action bars, at the bottom of the screen: in accessible mode, on
        every shape and role. The rule, as the product's: in accessible mode the way around (Back, Home, the
        cart, the language, accessibility) sits on the bottom edge of the screen, the lowest and nearest
        place for a shopper in a wheelchair or a child, and the same place on every screen and shape they
        meet; the page's own actions stand just above it and the content takes the room above them. (A
        portrait screen lays its scenes out in its reach zone, the header at that zone's bottom too; it was
        at the zone's top there and at the bottom on a landscape screen: designer's review.)"""
        return self.ctx.session.accessible

    def out_of_reach(self, size: tuple[int, int]) -> int:
        """How far down the screen nothing is to be touched where `bars_in_reach`: the part above the reach
        zone (the lower part of the screen, as tall a share as accessible mode's `reach` says); 0 elsewhere (a
        portrait screen's scenes are laid out in the reach zone itself)."""
        if not self.bars_in_reach(size) or self.ctx.screen.offset:
            return 0
        return round(size[1] * (1 - self.ctx.shop.config.accessibility.reach))

    def reach_band(self, size: tuple[int, int]) -> int:
        """On a portrait screen in accessible mode whose strip above the reach zone gave way to the content (a
        tablet: kiosk/ui/reach.py), how far down the scene's area is still above the reach zone, where words may
        stand but nothing to touch; 0 elsewhere."""
        offset = self.ctx.screen.offset
        if not offset or not self.bars_in_reach(size):
            return 0
        return max(0, round(self.ctx.screen.full.get_height() * (1 - self.ctx.shop.config.accessibility.reach))
                   - offset)

    def reach_summary(self, width: int, height: int, title: str) -> Box:
        """Above the reach zone, in sight but out of reach: what the scene's `banner` says (a form's summary,
        what a search finds) or else its title, as many lines as show whole in `height`; nothing to touch."""
        kit, margin, gap = self.kit, self.ctx.theme.size("margin"), self.ctx.theme.size("gap")
        lines = list(self.banner()) or [title]
        sizes = ("headline", "title", "text")
        while True:
            said = [kit.words(line, size=sizes[min(i, 2)], sizes=("title", "text") if i < 2 else (), max_lines=2,
                              bold=i < 2, align="center")
                    for i, line in enumerate(lines)]
            summary = column(*said, gap=gap // 2, justify="center", padding=Insets(margin, margin, gap, margin),
                             height=fixed(height))
            if len(lines) <= 1 or sum(box.natural(width - 2 * margin)[1] for box in said) + \
                    gap // 2 * (len(said) - 1) + margin + gap <= height:
                return summary
            lines.pop()

    def reach_strip(self, width: int, height: int, title: str) -> Box:
        """Above a landscape screen's reach zone, in sight but out of reach, across the width: the scene's
        `banner_picture` on the left and what its `banner` says beside it, left-aligned, as large as fits in
        `height` (a portrait screen's strip in the same words, laid out for a wide room); without a picture, the
        `reach_summary`. Nothing to touch there."""
        picture = self.banner_picture()
        if not picture:
            return self.reach_summary(width, height, title)
        kit, margin, gap = self.kit, self.ctx.theme.size("margin"), self.ctx.theme.size("gap")
        lines = list(self.banner()) or [title]
        side = height - 2 * margin
        room = width - side - 4 * margin
        while True:
            said = [kit.words(line, size=("headline", "title", "text")[min(i, 2)],
                              sizes=("title", "text") if i < 2 else (), max_lines=2, bold=i < 1)
                    for i, line in enumerate(lines)]
            if len(lines) <= 1 or sum(box.natural(room)[1] for box in said) + gap * (len(said) - 1) <= side:
                break
            lines.pop()
        words = column(*said, gap=gap, justify="center", height=flex())
        return row(self.kit.picture(picture, side), words, gap=2 * margin, align="center",
                   padding=Insets.all(margin), height=fixed(height))

    def mounted(self, root: Root, tree: Box, status: Status | None = None) -> Root:
        """`tree` mounted in `root` and laid out in it; the root can lay it out again (a status came). A scroll
        view that ends on its last whole row says under it that more follows, in the session's language."""
        for node in tree.walk():
            if isinstance(node.widget, ScrollView):
                node.widget.more_words = self.ctx.t("More below")
        mount(tree, root)
        layout(tree, root.rect)
        root.relayout = partial(layout, tree, root.rect)
        root.status = status
        return root

    def header(self, title: str, *, back: bool = True, status: Status | None = None) -> Box:
        """The top bar: back, title, the member's offers, cart, home, language and accessibility; with
        `status`, the screen's confirmations show in the title's place (the title steps aside meanwhile).

        One form on every screen, shape and mode of the product: each button is its icon over its word
        (accessibility its sign, its word said aloud), the same word for the same thing everywhere (the
        language by its name). On a landscape display the title stands in one row between Back and the
        other buttons; a portrait display is too narrow for a title beside them, so there the title has a
        row of its own over the buttons on every screen: the bar is one height throughout a display, and
        the title never moves above the buttons on one screen only. A title too long for its room takes a
        smaller size, then (a one-row bar) two lines, then is shortened at a word with "…"."""
        ctx, theme = self.ctx, self.ctx.theme
        width = ctx.size[0]
        target, gap = theme.size("touch_target"), theme.size("gap") // 2
        side = theme.size("margin") // 2
        cache = ctx.screen.text
        small = theme.size("small")
        two_rows = self.header_rows() == 2

        def wide(word: str) -> int:  # the word under its icon, and a little room on each side
            return max(target, cache.width(word, small, True) + 2 * gap)

        languages = [lang for lang in ctx.shop.config.store.languages if lang != ctx.lang]
        if len(languages) == 1:  # two languages: one touch switches
            language_word = LANGUAGE_NAMES.get(languages[0], languages[0])
        else:  # more: the current one's name opens the list, each written in its own language
            language_word = LANGUAGE_NAMES.get(ctx.lang, ctx.lang) + " ▾"
        member = ctx.session.member
        badge = ctx.t(TIER_NAMES[member.tier]) if member is not None else ""
        articles = ctx.session.cart.count
        # (label said aloud, word shown, icon, action, style), in the bar's order after the title
        after: list[tuple[str, str, str, Callable[[], None], str]] = []
        if badge and self.name not in ("offers", "checkout"):  # a member's offers, from anywhere
            after.append((ctx.t("Your member offers"), badge, "★", self.open_offers, "header"))
        if articles and self.name not in ("cart", "checkout"):
            cart = ctx.t("Cart ({count})", count=articles)
            # in the accent colour, unless that is the bar's own (accessible mode's one yellow): then inverted
            standout = "inverse" if theme.color("accent") == theme.color("primary") else "accent"
            after.append((cart, cart, "cart", self.open_cart, standout))
        if back:
            after.append((ctx.t("Home"), ctx.t("Home"), "home", ctx.home, "header"))
        if len(languages) == 1:
            after.append((language_word, language_word, "language", partial(ctx.set_language, languages[0]),
                          "header"))
        elif languages:
            after.append((ctx.t("Language"), language_word, "language", self.open_language_picker, "header"))
        first = [(ctx.t("Back"), ctx.t("Back"), "back", self.go_back, "header")] if back else []
        widths = [wide(word) for _, word, _, _, _ in first + after]
        room = width - 2 * side - target - gap * (len(widths) + (0 if two_rows else 1))
        while sum(widths) > room and max(widths) > target:  # a crowded bar on a tablet: the longest words give way
            widest = widths.index(max(widths))
            widths[widest] = max(target, widths[widest] - max(1, (sum(widths) - room) // 2))

        def button(entry: tuple[str, str, str, Callable[[], None], str], button_w: int) -> Box:
            label, word, icon, action, style = entry
            made = Button((0, 0, 0, 0), label, action, style=style, shown=word, icon=icon)
            return leaf(made, width=fixed(button_w), height=fixed(target))

        buttons = [button(entry, button_w) for entry, button_w in zip(first + after, widths, strict=True)]
        on = ctx.session.accessible
        accessible = Button((0, 0, 0, 0), ctx.t("Leave accessible mode") if on else ctx.t("Accessibility"),
                            ctx.toggle_accessible, style="header", size="title", shown="♿")
        buttons.append(leaf(accessible, width=fixed(target), height=fixed(target)))
        bar = Panel((0, 0, 0, 0), "primary", radius=False)
        height = theme.size("header")
        if two_rows:
            title_w = width - 2 * side
            title_line = column(self._title_box(title, title_w, 1), padding=Insets(gap, side, 0, side))
            if status is not None:  # (the line with the room over it: its message clear of the buttons under it)
                title_line = status_zone(status, title_line)
            nav = row(*buttons[:len(first)], leaf(None), *buttons[len(first):], gap=gap, align="center",
                      padding=Insets(0, side, 0, side), height=fixed(target))
            return column(title_line, nav, widget=bar, height=fixed(self.header_height()))
        # the title's room in the most crowded bar this display has (a member, a cart of many articles), so
        # that its size does not change when the cart appears
        crowded = [ctx.t("Back"), ctx.t("Home"), ctx.t("Cart ({count})", count=88), language_word,
                   *([badge] if badge else [])]
        title_w = width - 2 * side - target - sum(wide(word) + gap for word in crowded) - gap
        if not back:
            title_w += wide(ctx.t("Back")) + wide(ctx.t("Home")) + 2 * gap
        title_box = self._title_box(title, max(target, title_w), 2)
        if status is not None:
            title_box = status_zone(status, title_box)
        return row(*buttons[:len(first)], title_box, *buttons[len(first):], gap=gap, align="center",
                   padding=Insets(0, side, 0, side), height=fixed(height), widget=bar)

    def go_back(self) -> None:
        """The header's Back: close this scene (a scene of several steps may go back a step first)."""
        self.ctx.back()

    def header_rows(self) -> int:
        """How many rows the header has on this display: one on a landscape display, two (the title over the
        buttons) on a portrait one, whatever the screen."""
        width, height = self.ctx.screen.full.get_size()
        return 2 if height > width else 1

    def header_height(self) -> int:
        """How tall the header is on every screen of this display."""
        theme = self.ctx.theme
        if self.header_rows() == 1:
            return theme.size("header")
        gap = theme.size("gap") // 2  # the title's line over the buttons' row
        return gap + self.ctx.screen.text.line_height(theme.size("button"), True) + theme.size("touch_target")

    def _title_box(self, title: str, room: int, most_lines: int) -> Box:
        """The header's title in `room`: in the title size, else the buttons', else on up to `most_lines`
        lines, else shortened at a word."""
        theme, cache = self.ctx.theme, self.ctx.screen.text
        shown, size_name, lines = title, "button", 1
        height = theme.size("header") if most_lines > 1 else cache.line_height(theme.size("button"), True)
        for name, count in (("title", 1), ("button", 1), ("button", most_lines)):
            pixels = theme.size(name)
            if cache.line_height(pixels, True) * count <= height and \
                    " ".join(cache.wrap(title, pixels, room, True, count)) == title:
                size_name, lines = name, count
                break
        else:
            shown = shorten_at_word(cache, title, theme.size("button"), room)
        words = Label((0, 0, 0, 0), shown, size=size_name, color="on_primary", bold=True, heading=True,
                      wrap=lines > 1)
        return text(words, cache, theme, max_lines=lines)

    def dialog(self, size: tuple[int, int], title: str, body: Callable[[Panel], list[Box]],
               buttons: Callable[[Panel], list[Box]], *, choices: bool = False, asked: Sequence[str] = ()) -> Root:
        """A modal's tree: a see-through root (taps outside land on it) and a box with its title, what
        `body` puts in it, and `buttons` side by side at the bottom (one under the other when their words do
        not fit side by side), in the middle of the room the modal has (`modal_room`). A body too tall for
        that room scrolls between the title and the buttons; with `choices` (buttons of one kind, the
        languages), it stands in two columns first. `asked`: the title's question in other words, under it (the
        language dialog's, in the store's other languages), one line each in one size and one weight."""
        kit, theme = self.kit, self.ctx.theme
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        keep = self.modal_room(size)
        room = height - keep.top - keep.bottom - 2 * margin
        root = Root((0, 0, width, height), color="")
        box = kit.panel("surface")
        actions = buttons(box)
        side_by_side = row(*actions, gap=gap, justify="center" if choices else "start")
        box_w = min(width - 2 * margin, max(width * 2 // 3, theme.size("dialog")))
        inner = box_w - 4 * margin
        if side_by_side.natural(inner)[0] > inner or any(a.natural(inner // len(actions))[0] > inner // len(actions)
                                                         for a in actions):
            side_by_side = column(*actions, gap=gap)

        # the title in the box on every shape and mode, over what it asks (in reach mode it stood in the strip over
        # the reach zone on a portrait screen only: designer's review); the dialog's confirmations and warnings in
        # its place, in the tree (they floated over the screen, outside it)
        status = Status()

        def content(parts: list[Box], pad: int, with_actions: bool = True) -> Box:
            heading = status_zone(status, kit.words(title, size="title", sizes=("button",), max_lines=3, bold=True,
                                                    align="center", heading=True))
            if asked:  # as many of them to a line as its width holds, in the small size (one a line, the languages
                # under them had to scroll in the portrait terminal's reach zone)
                small, room = theme.size("small"), box_w - 2 * pad
                lines: list[str] = []
                for line in asked:
                    if lines and self.ctx.screen.text.width(f"{lines[-1]} · {line}", small) <= room:
                        lines[-1] = f"{lines[-1]} · {line}"
                    else:
                        lines.append(line)
                heading = column(heading, *(kit.words(line, size="small", color="muted", max_lines=2, align="center")
                                            for line in lines), gap=gap // 4)
            said = scroll(column(*parts, gap=2 * gap), title, height=flex())
            return column(heading, said, *([side_by_side] if actions and with_actions else []), gap=2 * gap,
                          padding=Insets.all(pad), widget=box, width=fixed(box_w))

        reach_top = self.out_of_reach(size)
        if reach_top and choices:  # a landscape screen in accessible mode: the choices three to a row, the box at
            # the foot of its room, so that every one is within reach (two to a row, the first ones stood above it)
            made = content([grid(*body(box), columns=3, gap=gap)], margin)
            return self.mounted(root, layer(made, margin=margin, keep=keep, justify="end"), status)
        made = content(body(box), 2 * margin)
        if choices and made.natural(box_w)[1] > room:  # choices stand in two columns first, then closer; the
            # buttons on their own row under the grid (in a cell of it, Cancel was read as one more language)
            made = content([grid(*body(box), columns=2, gap=gap)], 2 * margin)
            if made.natural(box_w)[1] > room:
                made = content([grid(*body(box), columns=2, gap=gap)], margin)
        elif made.natural(box_w)[1] > room:  # less room around the words
            made = content(made.children[1].children[0].children, margin)
        return self.mounted(root, layer(made, margin=margin, keep=keep), status)

    def banner_under(self) -> tuple[str, ...]:
        """What the strip above the reach zone said over the screen under this modal (a modal that says its
        title in its own box leaves the strip to that screen, dimmed with it)."""
        scenes = self.ctx.screen.stack.scenes
        under = scenes[:scenes.index(self)] if self in scenes else scenes
        shown = next((scene for scene in reversed(under) if not scene.modal), None)
        return shown.banner() if shown is not None else ()

    def modal_room(self, size: tuple[int, int]) -> Insets:
        """What a modal over this display keeps free: the header of the scene under it (at the top, or at the
        bottom where the bars come into reach). The whole screen is dimmed, and the modal sits in the room
        below the header: it never covers half of the title or of a button there."""
        scenes = self.ctx.screen.stack.scenes
        under = scenes[:scenes.index(self)] if self in scenes else scenes
        shown = next((scene for scene in reversed(under) if not scene.modal), None)
        band = getattr(shown, "header_band", None)
        if not isinstance(band, pygame.Rect) or not band.height:
            return Insets()
        if band.top <= 0:
            return Insets(top=min(band.bottom, size[1] // 2))
        return Insets(bottom=min(size[1] - band.top, size[1] // 2))

    def text_entry(self, size: tuple[int, int], title: str, text: str, placeholder: str,
                   on_key: Callable[[str], None], action: Callable[[], Box] | None = None,
                   parts: Callable[[bool], list[Box]] | None = None,
                   results: Box | None = None, above: Callable[[], Box] | None = None,
                   with_keys: bool = True, *, keys: Kind = "text",
                   shortcuts: Sequence[Shortcut] = (), first: Callable[[], Box] | None = None,
                   enter: str = "", problem: str = "") -> tuple[Root, TextField]:
        """A typing scene: header, a text field, and the keyboard zone at the bottom; between field and
        keys the `results` (a list that scrolls; the `action` beside the field), or the scene's `parts`
        (`parts(compact)`: a choice, a consent) and its `action` button, laid out in the room the keyboard
        leaves: the whole form in sight, the button under the parts or beside the field, and in a short
        room the compact parts (without what only explains) over lower keys. What `above` makes stands
        over the field (a checkout's steps), but in the compact forms. `keys` is the keyboard's kind (a
        text, an email address, a phone number's keypad); `shortcuts` are keys over it (email domains, an
        address typed before), as many as its width holds. What `first` makes stands just before the field in
        every form, compact ones too (a choice the field depends on: email or phone, whose field and keys
        follow it). Without `with_keys`, the `results` take the keyboard's room too (the shopper scrolls
        them; a tap on the field brings the keys back). `enter`: what the keyboard's Enter key says where it does
        what the `action` button does ("Next": an "OK" key beside a "Next" button read as two steps). `problem`:
        what is wrong with what is typed, for which the field is marked. Returns the root and the field."""
        ctx, theme = self.ctx, self.ctx.theme
        width, height = size
        margin, gap = theme.size("margin"), theme.size("gap")
        layout_name = layout_for(ctx.lang)
        key_gap, target = gap // 2, theme.size("touch_target")
        # the endings of the shopper's language's addresses, else the store's country's
        endings = (language_endings(ctx.lang) or country_typing(ctx.shop.config.store.country).email_endings) \
            if keys == "email" else ()
        # keys at least the theme's touch size (the accessible theme's larger one too) where the room allows;
        # on a wide screen the keyboard keeps a hand's span, centred, instead of stretching over the width
        keyboard_w = min(width, round(theme.size("keyboard") * 2.6))
        # and within the page's margins on the portrait window, whose keys stay larger than a terminal's there
        # (188 px: they ran to the screen's edges, designer's review); a terminal's keys keep its whole width
        # as far as its keys stay at least the smallest a key may be (Spanish and Italian rows have 12 keys)
        if keyboard_w == width and ctx.role == "window" and not ctx.session.accessible:
            smallest_keys = narrowest(layout_name, round(target * SMALLEST_KEY)) + 2 * key_gap
            keyboard_w = min(width, max(width - 2 * margin, smallest_keys))
        fields: list[TextField] = []  # one for each form; the one of the form that fits is shown
        pad = Insets(margin, margin, gap, margin)

        accessible = ctx.session.accessible
        # the field, for the places its form keeps while the shopper types (the keyboard, the action)
        which = (title, placeholder, keys, size, ctx.lang, accessible, results is not None)

        def held(button: Box, part: str) -> Box:  # the action where it was at the form's first view
            return self.kept.action(which, part, button)

        def field_box(lines: int = 2) -> Box:
            if not accessible:
                fields.append(TextField((0, 0, 0, 0), text, placeholder, problem=problem))
                return leaf(fields[-1], height=fixed(theme.size("field")))
            # accessible mode: the field across the form's column, on two lines where one does not hold what is
            # typed, so that the shopper reads the whole address before sending it (designer's review: it
            # showed "a@example.org", the start scrolled away); as tall as its lines from the first key on, so
            # that what is under it ("Next") stays where it was when the second line comes
            field = TextField((0, 0, 0, 0), text, placeholder, max_lines=lines, problem=problem)
            fields.append(field)
            if results is not None:  # (a search: as tall as what is typed, the results under it)
                box = leaf(field)
                box.measure = lambda room: (room, field.height_for(theme, ctx.screen.text, room))
                return box
            return leaf(field, height=fixed(field.tallest(theme, ctx.screen.text)))

        def firsts() -> list[Box]:  # what stands before the field (the choice it depends on)
            return [first()] if first is not None else []

        def entry_field(lines: int = 2) -> Box:  # the field, after what stands before it
            return column(*firsts(), field_box(lines), gap=gap) if first is not None else field_box(lines)

        def beside(button: Box, made: Sequence[Box] = (), lines: int = 2, narrow: bool = False,
                   under: bool = False, below: bool = False) -> Box:
            # the action at the field's end; with `under` (accessible mode: always), under the field beside `made`;
            # with `below` (normal mode), across the form under `made`, as on a portrait screen
            button.width = fit()
            if below and not accessible:
                return column(*firsts(), field_box(lines), *made, held(self.kit.reason_wide(button), "under"),
                              gap=gap)
            if accessible and results is None and narrow:  # a short room (a landscape screen's reach zone, a
                # choice over the field): the field and the parts in a column beside the action and its reason
                return column(*firsts(), row(column(field_box(lines), *made, gap=gap),
                                             held(self.kit.reason_narrow(button), "narrow"), gap=gap, align="start"),
                              gap=gap)
            if (accessible and results is None) or under:  # the field keeps the column's width: the action under
                # it, beside the form's parts (a consent box) that it waits for
                return column(*firsts(), field_box(lines), row(column(*made, gap=gap),
                                                               held(self.kit.reason_narrow(button), "under field"),
                                                               gap=gap, align="start"), gap=gap)
            return column(*firsts(), row(field_box(), held(button, "beside"), gap=gap, align="center"), *made,
                          gap=gap)

        # (a tablet in accessible mode) the top of the scene's area still above the reach zone: what stands over
        # the field said there, nothing to touch; the form and the keys under it (the field, the choice before it
        # and the consent stood there)
        band = self.reach_band(size) if results is None and not self.wide(size) else 0

        def over(compact: bool) -> list[Box]:  # what stands over the field, but in a compact form
            return [above()] if above is not None and not compact and not band else []

        # an accessible email keyboard has its digits on its second page ("123") in every form: a form with more
        # room (sharing) had a digits row, one with less (the checkout) had not (designer's review: one keyboard)
        submit = self._action_button(action() if enter and action is not None else None)

        def made_keys(keys_w: int, shortcuts_first: bool = False) -> Keyboard:
            return Keyboard(pygame.Rect(0, 0, 0, 0), layout_name, on_key, key_gap, enter or ctx.t("OK"),
                            ctx.t("Keyboard"),
                            min_key=target, names=ctx.t, kind=keys, endings=endings,
                            shortcuts=self._shortcuts_within(shortcuts, keys_w - 2 * key_gap),
                            shortcuts_first=shortcuts_first, digits_row=not (accessible and keys == "email"),
                            enter_enabled=submit is None or submit.enabled,
                            enter_why=submit.why_disabled if submit is not None else "")

        probe = made_keys(keyboard_w)
        least = probe.least_height()
        most = max(min(theme.size("keyboard"), height // 3), probe.full_height())

        def zone(keys_w: int, lowest: int, tallest: int = 0, bottom: bool = False) -> Box:  # the keyboard zone,
            # kept once laid out, over the screen's bottom edge by the room the checkout keeps there
            return self._over_the_edge(self.kept.keyboard(self.kit, which, made_keys, keys_w, lowest, tallest,
                                                          bottom=bottom))

        def keyboard(lowest: int) -> Box:  # at the bottom of the room left under the form
            return zone(keyboard_w, lowest, most, bottom=True)

        if self.wide(size) and (with_keys or self.out_of_reach(size)):
            return self._entry_beside_keys(size, title, made_keys, entry_field, beside, over, action, parts, results,
                                           with_keys, first, which), \
                next(field for field in fields if field.visible)
        if results is not None or (action is None and parts is None):  # the action beside the field
            entry = column(beside(action()) if action is not None else entry_field(), padding=pad)
            if results is not None and results.height.min:  # the keys lower (to their least) where the results
                # ask for room (accessible mode: one whole result at least over the keys)
                room = height - self.header_height() - entry.natural(width)[1] - results.height.min
                keys_box = zone(keyboard_w, max(least, min(most, room)))
            else:
                keys_box = zone(keyboard_w, most)
            body = column(column(entry, *([results] if results is not None else []), height=flex()),
                          *([keys_box] if with_keys else []))
            root = self.screen(size, title, body)
            return root, fields[0]

        def form(lowest: int, compact: bool, under: bool, tight: bool = False, lines: int = 2) -> Box:
            # `under`: the action under the parts; `tight`: less room around the form (over lower keys)
            made = parts(compact) if parts is not None else []
            # compact: a gap under the header, room for one row more; over lower keys, less under the form too
            around = Insets(gap, margin, gap // 2, margin) if tight else Insets(gap, margin, gap, margin) \
                if compact else pad
            if under and action is not None:
                entry = column(*over(compact), entry_field(lines), *made, held(action(), "under"), gap=gap,
                               padding=around)
            elif action is not None:
                entry = column(*over(compact), beside(action(), made, lines=lines), gap=gap, padding=around)
            else:
                entry = column(*over(compact), entry_field(lines), *made, gap=gap, padding=around)
            return column(entry, keyboard(lowest), height=flex())

        # the form whole over the whole keyboard, keys of touch size, if it fits; else its compact form,
        # the button beside the field; else (a wide screen) the parts beside the keys; else over a smaller
        # keyboard (without its shortcuts, then its keys lower, then its digits on a second page), and in
        # a tiny room the parts scroll under the field
        def tagged_forms() -> list[tuple[tuple[Hashable, ...], Box]]:  # made anew for each use: a box is in one form
            forms: list[tuple[tuple[Hashable, ...], Box]] = []  # each with what it is (the one first shown is kept)
            under = action is not None and not self.wide(size)
            narrow = narrowest(layout_name, target) + 2 * key_gap
            beside_keys = parts is not None and self.wide(size) and narrow < width * 3 // 4
            # (accessible mode: with the field on two lines where the room holds them over these keys, then on one)
            tiers = [(lines, index, tier) for index, tier in enumerate(probe.tiers())
                     for lines in ((2, 1) if accessible else (1,))]
            for lines, index, (lowest, touch_size) in tiers:
                if not touch_size and beside_keys:
                    # a wide screen: the parts (compact: a narrow column) beside a keyboard of its narrowest
                    beside_keys = False
                    made = parts(True) if parts is not None else []
                    side = made_keys(narrow)
                    keys_box = zone(narrow, min(h for h, touch in side.tiers() if touch), most)
                    keys_box.width = fixed(narrow)
                    forms.append((("side",), column(column(beside(action()) if action is not None else entry_field(),
                                                           padding=pad),
                                                    leaf(None, height=flex()),
                                                    row(keys_box, column(*made, gap=gap), gap=margin,
                                                        padding=Insets(0, margin, 0, margin)),
                                                    height=flex())))
                if index == 0:
                    forms += [((index, lines, compact, below), form(lowest, compact, below, lines=lines))
                              for compact in (False, True) for below in ((True, False) if under else (False,))]
                else:
                    forms += [((index, lines, compact, False),
                               form(lowest, compact, False, tight=not touch_size, lines=lines))
                              for compact in (False, True)]
            if under and not accessible:  # normal mode: the action under the parts on every shape (the field and
                # "Next" stood side by side on a tablet once typed in, "Next" under the offers on a portrait terminal:
                # designer's review): the whole form, over lower keys of touch size where it must; then as before (a
                # compact form lost the line that says what the address is for)
                forms = [((index, lines, False, "below"), form(lowest, False, True, tight=index > 0, lines=lines))
                         for lines, index, (lowest, touch_size) in tiers if touch_size] + forms
            made = parts(True) if parts is not None else []
            forms.append((("scroll",), column(column(beside(action()) if action is not None else entry_field(),
                                                     padding=pad),
                                              scroll(column(*made, gap=gap, padding=Insets(0, margin, gap, margin)),
                                                     title, height=flex()),
                                              zone(keyboard_w, least), height=flex())))
            return forms

        forms = tagged_forms()
        if band:  # each form under the band where it fits there, else as before (the email's two consents and
            # "Send" over the keys do not fit under it: they stay in sight, above the reach zone's top)
            forms = [(("band", *kind), column(column(*([above()] if above is not None else []), justify="end",
                                                     padding=Insets(0, margin, gap, margin), height=fixed(band)),
                                              made, height=flex()))
                     for kind, made in forms if kind != ("scroll",)] + tagged_forms()
        root = self.screen(size, title, first_that_fits(*self.kept.forms(which, forms)))
        return root, next(field for field in fields if field.visible)

    def _entry_beside_keys(self, size: tuple[int, int], title: str, made_keys: Callable[[int, bool], Keyboard],
                           field_box: Callable[[int], Box],
                           beside: Callable[[Box, Sequence[Box], int, bool, bool, bool], Box],
                           over: Callable[[bool], list[Box]], action: Callable[[], Box] | None,
                           parts: Callable[[bool], list[Box]] | None, results: Box | None,
                           with_keys: bool = True, first: Callable[[], Box] | None = None,
                           field: Hashable = ()) -> Root:
        """A typing scene on a landscape screen: the keyboard at the bottom right, the form or the results in
        the column beside it, so that a search shows several results whole and an email keyboard keeps its
        row of domains. The field and its action stand across the top; in reach mode (the header at the
        bottom) everything to touch comes down into the reach zone: the field and its action at the top of
        the form's column beside keys at their smallest, and above the reach zone, out of reach but in
        sight, what the form is about (the order, what the search finds). Without `with_keys` (the shopper
        scrolls the results), the results take the keyboard's room."""
        theme = self.ctx.theme
        width = size[0]
        margin, gap = theme.size("margin"), theme.size("gap")
        key_gap, target = gap // 2, theme.size("touch_target")
        layout_name = layout_for(self.ctx.lang)
        reach_top = self.out_of_reach(size)
        if reach_top:  # the short reach zone: keys at their smallest, the form beside them as wide as it can be
            keys_w = narrowest(layout_name, round(target * SMALLEST_KEY)) + 2 * key_gap
        else:  # keys of touch size where they fit in about half the width (the rest is the form's), and never
            # under the keys' floor (a language with more keys in a row takes more of the width)
            keys_w = max(narrowest(layout_name, round(target * SMALLEST_KEY)) + 2 * key_gap,
                         min(width // 2, narrowest(layout_name, target) + 2 * key_gap))
        tiers = made_keys(keys_w, True).tiers()

        def keys(height: int, bottom: bool = False) -> Box:  # the shortcuts (email domains) kept over keys a
            # little lower; with `bottom`, at the bottom of the room it is given
            box = self.kept.keyboard(self.kit, field, lambda width: made_keys(width, True), keys_w, height,
                                     tiers[0][0], bottom=bottom)
            box.width = fixed(keys_w)
            return box

        def entry() -> Box:
            return beside(action(), (), 2, False, False, False) if action is not None else field_box(2)

        around = Insets(gap, margin, gap, margin)
        if results is not None:  # one arrangement (the results are one list): the tallest keys the room holds
            room = size[1] - theme.size("header") - (reach_top or 2 * gap + theme.size("field")) - 2 * gap
            height = next((tall for tall, _ in tiers if tall <= room), tiers[-1][0])
            if reach_top:
                lower = row(column(entry(), results, gap=gap, height=flex()), *([keys(height)] if with_keys else []),
                            gap=margin, padding=around, height=fixed(height + 2 * gap))
                body = column(self.reach_summary(width, reach_top, title), leaf(None, height=flex()), lower,
                              height=flex())
            else:
                body = column(column(entry(), padding=Insets(gap, margin, 0, margin)),
                              row(results, column(keys(height, True), width=fixed(keys_w)),
                                  gap=margin, padding=Insets(0, margin, self.keys_edge(), margin),
                                  height=flex()),
                              height=flex())
            return self.screen(size, title, body)

        def form(height: int, compact: bool, lines: int = 2, narrow: bool = False, side: bool = False,
                 under: bool = False, below: bool = False) -> Box:  # `below`: the action under the parts
            made = parts(compact) if parts is not None else []
            if reach_top:
                stack = beside(action(), made, lines, narrow, False, False) if action is not None else \
                    column(field_box(lines), *made, gap=gap)
                # the keys at the row's bottom: where the form grows (a second line), they stay where they were
                return column(leaf(None, height=flex()),
                              row(stack, column(keys(height, True), width=fixed(keys_w)),
                                  gap=margin, padding=around),
                              height=flex())
            if side:  # what stands over the field at the top of the form's column, beside the keys, compact parts
                # or not: where it did not fit across the top (the 4K window's checkout lost its steps and order:
                # designer's review)
                # (with `under`, the field across the column, the action under it beside the parts: the field's
                # row no longer as tall as the action and its reason, the 4K window's checkout keeps the line that
                # says what the address is for)
                said = [beside(action(), made, lines, False, under, below)] if action is not None and \
                    (under or below) else [entry(), *made]
                return row(column(*over(False), *said, gap=gap),
                           column(keys(height, True), width=fixed(keys_w)),
                           gap=margin, padding=Insets(gap, margin, gap, margin), height=flex())
            if first is not None:  # the choice, the field, the parts and the action under them in the column
                # beside the keys, as on every shape (across the top, the choice over the field pushed the order's
                # summary out; the field beside "Next" left its hint a size smaller: designer's review)
                said = [beside(action(), made, lines, False, False, True)] if action is not None and below else \
                    [entry(), *made]
                return column(column(*over(compact), padding=around),
                              row(column(*said, gap=gap), column(keys(height, True), width=fixed(keys_w)),
                                  gap=margin, padding=Insets(0, margin, gap, margin), height=flex()),
                              height=flex())
            return column(column(*over(compact), entry(), gap=gap, padding=around),
                          row(column(*made, gap=gap), column(keys(height, True), width=fixed(keys_w)),
                              gap=margin, padding=Insets(0, margin, self.keys_edge(), margin), height=flex()),
                          height=flex())

        # accessible mode: the field on two lines where the room holds them over these keys, then on one (its
        # text in the body's size, whole); what stands over the field across the top, or else at the top of the
        # form's column (its field beside the action, then under it beside the parts; then its compact parts),
        # before a compact form without it. Each form's tag ends with where its action stands (across the top, or
        # in the column beside the keys, beside the field or under it)
        counts = (2, 1) if self.ctx.session.accessible else (1,)
        sides = ((False, False, False), (False, True, False), (False, True, True), (True, True, False),
                 (True, False, False)) if over(False) and not reach_top else \
            ((False, False, False), (True, False, False))
        forms = [((height, lines, compact, "under" if under else "side" if side else "top"),
                  form(height, compact, lines, side=side, under=under))
                 for height, _ in tiers for lines in counts for compact, side, under in sides]
        def split(height: int) -> Box:  # the action under the parts in the form's column, under the first of
            # what stands over the field (a checkout's steps), the rest of it (the order) over the keys
            said = beside(action(), parts(False) if parts is not None else [], 1, False, False, True) \
                if action is not None else field_box(1)
            head = over(False)[0]
            return row(column(*head.children[:1], said, gap=gap),
                       column(*head.children[1:], keys(height, True), gap=gap,
                              width=fixed(keys_w)),
                       gap=margin, padding=Insets(gap, margin, margin, margin), height=flex())

        if not reach_top and not self.ctx.session.accessible and action is not None and first is not None:
            # normal mode: first the whole form with its action under its parts, as on every shape (the field
            # beside "Next" left its hint a size smaller at 1920x1080: designer's review); then where the form's
            # column does not hold it under the order, the order over the keys (the 4K window's checkout had
            # "Next" beside the field, its consent under it, or beside the consent: designer's review); then as
            # before
            splits = [((height, 1, False, "below-split"), split(height)) for height, _ in tiers
                      if over(False) and len(over(False)[0].children) > 1]
            forms = [((height, 1, False, "below" + ("-side" if side else "")),
                      form(height, False, 1, side=side, below=True))
                     for height, _ in tiers for side in ((False, True) if over(False) else (False,))] + splits + forms
        if reach_top and first is not None:  # where none fits the short reach zone with a choice over the
            # field: the compact form's field beside its action, the field narrower rather than the form cut
            forms += [((height, lines, True, "narrow"), form(height, True, lines, narrow=True)) for height, _ in tiers
                      for lines in counts]
        if not reach_top:
            return self.screen(size, title, first_that_fits(*self.kept.forms(field, forms), height=flex()))
        above = over(False)  # what stands over the field (a checkout's order), out of reach where it fits
        summary = above[0] if above and above[0].natural(width - 2 * margin)[1] + 2 * margin <= reach_top else \
            None
        top = column(summary, justify="end", padding=Insets.all(margin), height=fixed(reach_top)) \
            if summary is not None else self.reach_summary(width, reach_top, title)
        return self.screen(size, title, column(top, first_that_fits(*self.kept.forms(field, forms), height=flex()),
                                               height=flex()))

    def keys_edge(self) -> int:
        """The room kept between a keyboard and the screen's bottom edge: the gap the checkout's form keeps under
        its keys on a landscape screen (the other forms' keys touched the edge: designer's review). None in
        accessible mode, whose reach zone is measured to the edge."""
        return 0 if self.ctx.session.accessible else self.ctx.theme.size("gap")

    def _over_the_edge(self, zone: Box) -> Box:
        """The keyboard `zone` with `keys_edge` under it, its height asked for with that room."""
        below = self.keys_edge()
        if not below:
            return zone
        tall = zone.height
        grown = replace(tall, value=tall.value + below if tall.kind == "fixed" else tall.value,
                        min=tall.min + below, max=tall.max + below if tall.max < 1 << 30 else tall.max)
        return column(zone, padding=Insets(0, 0, below, 0), width=zone.width, height=grown)

    @staticmethod
    def _action_button(made: Box | None) -> Button | None:
        """The button of a form's action box `made` (`kit.button`: the button, or the button over its reason)."""
        if made is None:
            return None
        face = made.children[0].widget if made.kind == "column" and made.children else made.widget
        return face if isinstance(face, Button) else None

    def _shortcuts_within(self, shortcuts: Sequence[Shortcut], width: int) -> list[Shortcut]:
        """The shortcuts that fit side by side in `width`, each as wide as its words ask (at least a touch
        target): the room given by their `rank` (an address typed before first, then the most used domains of
        the store's country and of the shopper's language in turn), until one does not fit; shown in their
        order."""
        theme, cache = self.ctx.theme, self.ctx.screen.text
        pad, least = 2 * theme.size("gap"), theme.size("touch_target")
        kept: dict[int, Shortcut] = {}
        used = 0
        for index, shortcut in sorted(enumerate(shortcuts), key=lambda item: item[1].rank):
            need = max(least, cache.width(shortcut.shown, theme.size("text"), True) + pad)
            if used + need > width:
                break
            kept[index] = replace(shortcut, width=need)
            used += need
        return [kept[index] for index in sorted(kept)]

    def compare_bar(self, *, hide_when_empty: bool = True) -> list[Box]:
        """The bar at the bottom while products wait to be compared (none while there are none)."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        count = len(ctx.session.compare)
        if count == 0 and hide_when_empty:
            return []
        margin, gap = theme.size("margin"), theme.size("gap")
        bar = kit.panel("surface", radius=False)
        said = ctx.t.plural("{count} of {limit} products to compare", "{count} of {limit} products to compare",
                            count, limit=MAX_COMPARE)
        reason = self.compare_reason()
        # the button as wide as what stands under it on one line ("Encore 1 produit / à choisir" wrapped under a
        # narrower button, its foot against the screen's edge: designer's review)
        least = kit.one_line("small", reason) if reason else 0
        content = column(kit.rule(),
                         row(kit.words(said, color="muted", sizes=("small",), max_lines=2),
                             kit.button(ctx.t("Compare ({count})", count=count), self.open_compare,
                                        style="accent", enabled=count >= 2, why=self.compare_why(),
                                        reason=reason, width=fit(min=least)),
                             gap=gap, align="center", padding=Insets(gap, margin, gap, margin)),
                         widget=bar)
        return [content]

    def list_tools(self, count: int, active: int, open_filters: Callable[[], None], size: tuple[int, int]) -> Box:
        """A list's toolbar: how many products it shows, and "Sort and filter" (with how many filters are on).
        Over the list; in accessible mode, among the bars at the bottom (over the comparison's), within
        reach (on a landscape screen it stood at the top, out of reach: designer's review)."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        label = ctx.t("Sort and filter")
        shown = label + (f" ({active})" if active else "")
        said = kit.words(ctx.t.plural("{count} product", "{count} products", count), color="muted",
                         valign="center", max_lines=1)
        button = kit.button(label, open_filters, style="secondary", shown="☰  " + shown)
        if not self.bars_in_reach(size):
            return row(said, button, gap=gap, align="center", padding=Insets(gap, margin, 0, margin))
        return column(kit.rule(), row(said, button, gap=gap, align="center", padding=Insets(gap, margin, gap, margin)),
                      widget=kit.panel("surface", radius=False))

    def reach_tools(self, active: int, open_filters: Callable[[], None], width: int) -> Box:
        """A list's tools on a landscape screen in accessible mode, in a column `width` wide beside its grid in
        the reach zone (as bars across the bottom, over the header, they left the grid no row of cards whole):
        "Sort and filter" (how many products, said above the reach zone), then the comparison's (`reach_side`)."""
        label = self.ctx.t("Sort and filter")
        return self.reach_side(width, lambda: [self.kit.button(label, open_filters, style="secondary", width=flex(),
                                                               shown="☰  " + label + (f" ({active})" if active
                                                                                      else ""))])

    def reach_side(self, width: int, parts: Callable[[], Sequence[Box]]) -> Box:
        """A column `width` wide beside a page's content in a landscape screen's reach zone (accessible mode):
        what `parts` makes, then while products wait to be compared, how many and the comparison's button (the
        bar that says so at the bottom elsewhere)."""
        ctx, theme, kit = self.ctx, self.ctx.theme, self.kit
        margin, gap = theme.size("margin"), theme.size("gap")
        count = len(ctx.session.compare)
        if not count:
            return column(*parts(), gap=gap, justify="end", padding=Insets.all(margin), width=fixed(width),
                          height=flex(), widget=kit.panel("surface", radius=False))
        said = ctx.t.plural("{count} of {limit} products to compare", "{count} of {limit} products to compare",
                            count, limit=MAX_COMPARE)

        def compare() -> Box:
            return kit.button(ctx.t("Compare ({count})", count=count), self.open_compare, style="accent",
                              enabled=count >= 2, why=self.compare_why(), reason=self.compare_reason(), width=flex())

        # how many are compared, where the column has room for it (a member's home: search and sign out over it)
        forms = [column(*parts(), kit.rule(), kit.words(said, color="muted", sizes=("small",), max_lines=2),
                        compare(), gap=gap, justify="end", padding=Insets.all(margin)),
                 column(*parts(), kit.rule(), compare(), gap=gap, justify="end", padding=Insets.all(margin))]
        return column(first_that_fits(*forms, height=flex()), width=fixed(width), height=flex(),
                      widget=kit.panel("surface", radius=False))

    def compare_why(self) -> str:
        """What the comparison's button says when tapped with fewer than two products chosen."""
        return self.ctx.t("Add at least 2 products to compare them side by side.")

    def compare_reason(self) -> str:
        """What stands under the comparison's button while it cannot be used: how many more to choose."""
        more = max(0, 2 - len(self.ctx.session.compare))
        return self.ctx.t.plural("Choose {count} more product", "Choose {count} more products", more) if more else ""

    def contact_reason(self, by_phone: bool) -> str:
        """What stands under a form's button while its email address or phone number is missing."""
        return self.ctx.t("Type your phone number") if by_phone else self.ctx.t("Type your email address")

    def open_cart(self) -> None:
        """Show the cart."""
        if not self.ctx.screen.stack.pop_to("cart"):
            self.ctx.show(self.ctx.routes.cart())

    def open_offers(self) -> None:
        """The member's offers (the one already open, if it is)."""
        if not self.ctx.screen.stack.pop_to("offers"):
            self.ctx.show(self.ctx.routes.offers())

    def open_language_picker(self) -> None:
        """Show the languages the store offers."""
        self.ctx.show(self.ctx.routes.language_picker())

    def open_compare(self) -> None:
        """Show the comparison."""
        if not self.ctx.screen.stack.pop_to("compare"):
            self.ctx.show(self.ctx.routes.compare())


def shorten_at_word(cache: TextCache, said: str, size: int, room: int) -> str:
    """`said` in `room` pixels of bold text: whole, else its first words and "…", else cut with "…"."""
    if cache.width(said, size, True) <= room:
        return said
    words = said.split()
    for count in range(len(words) - 1, 0, -1):
        shorter = " ".join(words[:count]).rstrip(",;:–—-") + "…"
        if cache.width(shorter, size, True) <= room:
            return shorter
    return cache.ellipsize(said, size, room, True)


Tick = Callable[[ProductSummary], Box]  # a product's compare tick (kiosk/scenes/comparing.py)
GridTick = Callable[[ProductSummary, bool], Box]  # the same, its box over its word when the flag says so


def product_card(ctx: SceneContext, rect: pygame.Rect, product: ProductSummary,
                 on_tap: Callable[[], None], tick: Tick | None = None, beside: bool = False,
                 top: bool = False, across: int = 0) -> Widget:
    """A tappable card in `rect`: picture, brand, name, rating and price, whether the product is in
    the cart, and its compare tick (the card is built again when either changes)."""
    card = Panel(rect, "surface", on_tap=on_tap, label=product.title(ctx.lang), role="button")
    layout(mount(product_card_box(ctx, product, tick, beside, top, across), card), rect)
    return card


def product_card_box(ctx: SceneContext, product: ProductSummary, tick: Tick | None = None,
                     beside: bool = False, top: bool = False, across: int = 0) -> Box:
    """The layout of a product card: the picture takes what the texts leave (the larger text
    of accessible mode takes room from the picture, never from the name). Every card is as tall for a
    width, whatever its product: the name has two lines, the state line is kept. With a `tick`, the
    compare tick stands at the bottom, across the card; `beside`: in the top corner beside the picture (the
    shop window's big cards, whose picture keeps its height); `top`: in the top corner over the picture (a
    narrow card, whose picture would shrink beside it). `across`: the picture that wide at the card's left,
    the texts beside it and the tick at the right (a grid too short for a card standing up: `across_width`)."""
    theme, t, kit = ctx.theme, ctx.t, Kit(ctx.theme, ctx.screen.text)
    gap = theme.size("gap")
    title = product.title(ctx.lang)
    name = kit.words(title, bold=True, max_lines=2, reserve=True)
    state = []
    if ctx.session.cart.holds(product.sku):
        state.append(t("✓ In cart"))
    if product.sku in ctx.session.compare and tick is None:  # the tick says it otherwise
        state.append(t("✓ Comparing"))
    rating = [kit.stars(product.rating, t("{rating} out of 5", rating=ctx.fmt.number(product.rating)),
                        theme.size("star"))] if product.review_count or product.rating else []
    marks = kit.words(" · ".join(state), size="small", color="best", bold=True, max_lines=1, reserve=True)
    if product.stock <= 0:  # never shown as if on the shelf: it is ordered (said on the line of the marks)
        marks = row(kit.words(t("To order"), size="small", color="accent", bold=True, max_lines=1, width=fit()),
                    marks, gap=gap)
    picture = leaf(Picture((0, 0, 0, 0), ctx.shop.image(product.image)), height=flex(min=gap))
    if across:
        # as wide as `across`, as tall at most, at the card's top beside the brand (centred in a card made taller,
        # it stood lower than the words beside it: designer's review); the card's height still its texts'
        picture.height = flex(min=gap, max=across)
        picture = column(picture, width=fixed(across), height=flex(min=gap))
        texts = column(kit.words(product.brand.upper(), size="small", color="muted", bold=True, max_lines=1),
                       name, row(*rating, align="center", height=fit(min=theme.size("star"))),
                       price_box(ctx, product.sku, product.category, product.price_cents), marks, gap=gap // 3)
        return row(picture, texts, *([column(tick(product), width=fit())] if tick is not None else []), gap=gap,
                   padding=Insets.all(gap))
    if tick is not None and beside:  # the tick at the top of its own column: the picture centred in what is left
        picture = row(picture, column(tick(product), width=fit()), gap=gap // 2, height=flex(min=gap))
    elif tick is not None and top:
        picture = column(row(tick(product), justify="end"), picture, gap=gap // 3, height=flex(min=gap))
    return column(picture,
                  kit.words(product.brand.upper(), size="small", color="muted", bold=True, max_lines=1),
                  name, row(*rating, align="center", height=fit(min=theme.size("star"))),
                  price_box(ctx, product.sku, product.category, product.price_cents),
                  marks, *([tick(product)] if tick is not None and not (beside or top) else []), gap=gap // 3,
                  padding=Insets.all(gap))


def product_card_height(ctx: SceneContext, width: int, product: ProductSummary, room: int,
                        tick: Box | None = None) -> int:
    """How tall a product card of `width` is: its texts, and a picture as wide as the card, or less
    when the card would not show whole in `room` (a landscape counter shows a row of cards, not a row
    of pictures). With a `tick` beside the picture, the picture's row is at least as tall as the tick."""
    gap = ctx.theme.size("gap")
    texts = product_card_box(ctx, product).natural(width)[1]  # measured only: its widgets are never mounted
    least = ctx.theme.size("thumb") // 2
    if tick is not None:  # a grid too short for a card: a smaller picture, the tick still whole at the top
        least = tick.natural(width)[1]
    picture = max(least, min(width - 2 * gap, room - texts))
    return texts + picture


def across(ctx: SceneContext, columns: int, inner: int) -> tuple[int, int, int]:
    """Cards laid out across (picture at the left, texts beside it), for a grid too short for a card standing up
    with the next row starting under it (a landscape screen in accessible mode): half as many to a row as stand
    up, at least one; their number, width and picture's width."""
    gap = ctx.theme.size("gap")
    columns = max(1, (columns + 1) // 2)
    card_w = (inner - (columns - 1) * gap) // columns
    return columns, card_w, card_w // 4


def product_grid(ctx: SceneContext, view: ScrollView, products: Sequence[ProductSummary],
                 on_open: Callable[[str], None], tick: GridTick | None = None) -> None:
    """Products as cards in a scroll view, as many to a row as stay readable (two at least); a row is
    built only when it comes near the view, so that a department of thousands costs what is shown. With
    `tick`, each card has its compare tick at its top, where a card taller than the view still shows it (at
    the card's foot it lay under the bars at the bottom: designer's review): beside the picture, its box over
    its word, when the picture keeps its size there (a landscape screen's short cards), else over it."""
    theme = ctx.theme
    margin, gap = theme.size("margin"), theme.size("gap")
    inner = view.rect.width - 2 * margin
    columns = max(2, (inner + gap) // (theme.size("tile_width") + gap))
    card_w = (inner - (columns - 1) * gap) // columns
    # a card shows whole, and under it the next row starts (a title's height of it): the shopper sees that
    # more follows (a tablet's one card filled its grid, the next row 2 px under it)
    room = view.rect.height - margin - gap - theme.size("title") - cue_height(theme, ctx.screen.text)
    card_h, beside, top, made = 0, False, False, None
    if products and tick is not None:
        stacked = tick(products[0], True)
        tick_w = stacked.natural(card_w)[0]
        card_h = product_card_height(ctx, card_w, products[0], room, stacked)
        picture_h = card_h - product_card_box(ctx, products[0]).natural(card_w)[1]
        beside = card_w - 2 * gap - tick_w - gap // 2 >= picture_h * 4 // 5  # the picture barely narrower
        if not beside:
            above = tick(products[0], False).natural(card_w)[1] + gap // 3
            card_h = above + product_card_height(ctx, card_w, products[0], room - above)
        top = not beside
        made = partial(_tick_as, tick, beside)
    elif products:
        card_h = product_card_height(ctx, card_w, products[0], room)
    picture_w = 0
    width, height = ctx.screen.full.get_size()
    if products and card_h > room and width > height:  # across, the texts beside the picture: whole, the next
        # row starting (a portrait screen's short grid, the tablet's, keeps its cards standing, their pictures small)
        columns, card_w, picture_w = across(ctx, columns, inner)
        beside = top = False
        made = None if tick is None else partial(_tick_as, tick, True)
        card_h = product_card_box(ctx, products[0], made, across=picture_w).natural(card_w)[1]
        card_h = _ending_on_whole_words(ctx, card_h, view.rect.height - margin - cue_height(theme, ctx.screen.text))

    def build_row(index: int) -> list[Widget]:
        return [product_card(ctx, pygame.Rect(margin + col * (card_w + gap), margin + index * (card_h + gap),
                                              card_w, card_h), product, partial(on_open, product.sku), made,
                             beside=beside, top=top, across=picture_w)
                for col, product in enumerate(products[index * columns:(index + 1) * columns])]

    view.set_rows(-(-len(products) // columns), card_h + gap, build_row, top=margin)
    view.content_height += margin


def _ending_on_whole_words(ctx: SceneContext, card_h: int, shown_h: int) -> int:
    """How tall cards laid across are in a grid that shows `shown_h` of them over its cue: `card_h`, where the
    next row starting under the whole ones shows its brand and its name's first line whole; else taller, so that
    only its top edge shows (its name was cut in half under "More below": designer's review)."""
    theme, text = ctx.theme, ctx.screen.text
    gap = theme.size("gap")
    rows = max(1, shown_h // (card_h + gap))
    started = shown_h - rows * (card_h + gap)
    words = gap + text.line_height(theme.size("small"), True) + gap // 3 + text.line_height(theme.size("text"), True)
    if started >= words:
        return card_h
    return max(card_h, (shown_h - gap // 3) // rows - gap)


def _tick_as(tick: GridTick, stacked: bool, product: ProductSummary) -> Box:
    return tick(product, stacked)


def suggestion_cards(ctx: SceneContext, width: int, products: list[ProductSummary],
                     on_tap: Callable[[str], None]) -> Box:
    """A row of small cards (picture, name, price): "bought together" suggestions, as many as `width`
    holds at a readable size."""
    theme, kit = ctx.theme, Kit(ctx.theme, ctx.screen.text)
    gap = theme.size("gap")
    cards = []
    shown = products[: max(1, (width + gap) // (theme.size("thumb") + gap))]
    to_order = any(product.stock <= 0 for product in shown)
    for product in shown:
        card = Panel((0, 0, 0, 0), "surface", on_tap=partial(on_tap, product.sku), label=product.title(ctx.lang),
                     role="button")
        name = kit.words(product.title(ctx.lang), size="small", bold=True, max_lines=2, reserve=True)
        # the same height for every card: "to order" on one out of stock, an empty line on the others
        state = [kit.words(ctx.t("To order") if product.stock <= 0 else "", size="small", color="accent",
                           bold=True, max_lines=1, reserve=True)] if to_order else []
        cards.append(column(kit.picture(ctx.shop.image(product.image), theme.size("thumb")), name,
                            price_box(ctx, product.sku, product.category, product.price_cents, size="text"), *state,
                            gap=gap // 3, padding=Insets.all(gap // 2), widget=card))
    return grid(*cards, columns=max(1, len(cards)), gap=gap)


def in_stock_first(products: Sequence[ProductSummary], limit: int) -> list[ProductSummary]:
    """The first `limit` suggestions, those on the shelf first, in their order: what is out of stock is
    left out when enough others are in stock, and otherwise comes after them (its card says "to order")."""
    return sorted(products, key=lambda product: product.stock <= 0)[:limit]


def stock_text(ctx: SceneContext, stock: int, sized: bool = False, size: str = "") -> tuple[str, str]:
    """What to say about stock, and in which colour. A product that comes in sizes (`sized`) says no bare
    count before one is chosen ("In stock: 38" read as "size 38 in stock" on shoes sized 39 to 46), and the
    count with its `size` once one is."""
    if stock <= 0:
        return ctx.t("Out of stock — order it here"), "danger"
    if stock <= 3:
        return ctx.t("Only {count} left in store", count=stock), "accent"
    if size:
        return ctx.t("Size {size}: {count} in stock", size=size, count=stock), "best"
    if sized:
        return ctx.t("In stock"), "best"
    return ctx.t("In stock: {count}", count=stock), "best"


def compare_toast(ctx: SceneContext, result: str, name: str) -> None:
    """Tell the shopper what adding to the comparison did."""
    messages = {
        "added": ctx.t("{name} added to the comparison", name=name),
        "already": ctx.t("Already in the comparison"),
        "full": ctx.t("You can compare up to 4 products: remove one first"),
    }
    # "✓ In the comparison" on the button too, outlined: not the cart's filled "✓ Added" (designer's review)
    ctx.toast(messages[result], done=ctx.t("In the comparison") if result == "added" else "", outlined=True,
              short=ctx.t("Added to the comparison") if result == "added" else "")  # a long name left out
