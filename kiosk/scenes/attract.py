"""The attract loop: slides from the content pack's playlist, one dipping into the next through the
theme's background colour; any touch starts.

A video slide plays its film (muted, with its captions in the store's language when the pack has
them, in a band under the picture) above the call to action: once to its end, or again and again for
the slide's seconds when it loops. A film that cannot be played shows its poster for the slide's
seconds instead.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pygame

from kiosk.core.hours.slide_schedule import active_slides
from kiosk.core.models import Slide, pick
from kiosk.core.pack.captions import CaptionsProblem, Cue, captions_for, read_captions
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.layout import Box, Insets, column, dock, fit, fixed, flex, layout, leaf, mount, row, text
from kiosk.ui.video_view import VideoView, caption_band
from kiosk.ui.widgets import Button, Label, Painter, Panel, Picture, Point, Root, Status, Widget

log = logging.getLogger(__name__)
FADE_SECONDS = 0.6  # the whole dip: the slide shown fades into the colour, then the next one out of it


def dip(progress: float) -> float:
    """How much of the colour covers the slides `progress` (0 to 1) through a dip: none at either end,
    all of it half-way, eased in and out of that middle (smoothstep)."""
    half = 1 - abs(2 * min(1.0, max(0.0, progress)) - 1)
    return half * half * (3 - 2 * half)


class SlideShow(Widget):
    """Shows one slide's widgets, its `veiled` part (all of it unless said) under `veil` of the colour
    `veil_color` (0: none, 1: the colour alone).

    The colour is blended into the screen as drawn (multiplied, then added), never into a copy of the
    slide: a cross-fade through a picture of the slide before held a screenful (8.3 MB at 1080x1920,
    33 MB at 4K) for each change of slide. Only one slide is ever shown, so a film of the slide before has
    stopped before the next slide's starts."""

    def __init__(self, rect: pygame.Rect, label: str, on_tap: Any, veil_color: tuple[int, int, int]) -> None:
        super().__init__(rect, label=label, on_tap=on_tap)
        self.role = "button"
        self.veil_color = veil_color
        self.veil = 0.0
        self.veiled: pygame.Rect | None = None  # in this widget (None: all of it)

    def show(self, widgets: list[Widget]) -> None:
        """Show `widgets` instead of the slide shown (let go of at once: its film stops)."""
        self.remove_children()
        for widget in widgets:
            self.add(widget)
        self.invalidate()

    def draw(self, painter: Painter, origin: Point) -> None:
        """The slide, then the colour over it as much as `veil` says."""
        super().draw(painter, origin)
        keep = round(255 * (1 - self.veil))
        if keep >= 255:
            return
        area = (self.veiled or pygame.Rect((0, 0), self.rect.size)).move(self.rect.move(origin).topleft)
        surface = painter.surface  # (the screen clips both fills to its damage)
        surface.fill((keep, keep, keep), area, special_flags=pygame.BLEND_RGB_MULT)
        surface.fill(tuple(round(part * (255 - keep) / 255) for part in self.veil_color), area,
                     special_flags=pygame.BLEND_RGB_ADD)


class AttractScene(ShopScene):
    """Full-screen slides until someone touches the screen or scans a product."""

    name = "attract"
    steady_height = 0  # the bottom of every slide that looks the same on each (the window's band): not dipped

    def __init__(self, ctx: SceneContext, slide_seconds: float) -> None:
        super().__init__(ctx)
        self.slide_seconds = slide_seconds
        self.slides = self._playing()
        self.index = 0
        self.shown_at = ctx.clock.monotonic()
        self.fade_started: float | None = None  # when the dip into the next slide started
        self._coming: list[Slide] | None = None  # the slides playing when that dip started, until its middle
        self.show: SlideShow | None = None
        self.film: VideoView | None = None  # the video slide's film, while one shows
        self._film_done = False
        self._shown_status = ""
        self.status = Status()  # the slide's status zone, beside the accessibility button (see `corner`)

    def details(self) -> dict[str, Any]:
        """Which slide is shown (and where its film is)."""
        details: dict[str, Any] = {"slide": self.index, "slides": len(self.slides)}
        if self.film is not None:
            details["video"] = self.film.state()
        return details

    def _playing(self) -> list[Slide]:
        """The slides scheduled now for this display's role; the store's name when there are none."""
        ctx = self.ctx
        playing = active_slides(ctx.shop.catalog.playlist(), ctx.local_now(), ctx.role)
        store = ctx.shop.config.store.name
        return playing or [Slide("message", self.slide_seconds, title={"fr": store, "en": store})]

    def on_enter(self) -> None:
        """Start from the first slide."""
        self.slides = self._playing()
        self.index = 0
        self.shown_at = self.ctx.clock.monotonic()
        self.fade_started, self._coming = None, None
        self.rebuild()

    def build(self, size: tuple[int, int]) -> Root:
        """The current slide, filling the screen."""
        root = Root((0, 0, *size))
        self.show = root.add(SlideShow(pygame.Rect((0, 0), size), self.ctx.t("Touch to start"),
                                       self.ctx.on_start_session, self.ctx.theme.color("background")[:3]))
        self.show.show(self._slide_widgets(self.slides[self.index], size))
        self._status_in(root)
        if self.fade_started is not None:  # built again in the middle of a dip: at the same point
            self.show.veil = dip((self.ctx.clock.monotonic() - self.fade_started) / FADE_SECONDS)
        return root

    def _status_in(self, root: Root) -> None:
        """The slide's status zone as `root`'s: a message said over the attract screen (an unknown code scanned,
        a message from head office) shows there, in the tree, and covers nothing (it floated over the slide, its
        words or its pill: designer's review). It has its own room: nothing moves when it comes. A slide without
        one (the shop window's band keeps its own corner) lets the message float."""
        root.status = self.status if self.status.parent is not None else None
        root.relayout = (lambda: None) if root.status is not None else None

    def corner(self) -> Box:
        """The accessibility button, and beside it, in the rest of its row, the screen's status zone."""
        side, gap = self.ctx.theme.size("touch_target"), self.ctx.theme.size("gap")
        return row(self.accessibility_button(), leaf(self.status, width=flex(), height=fixed(side)), gap=gap,
                   align="center")

    def _slide_widgets(self, slide: Slide, size: tuple[int, int]) -> list[Widget]:
        """A slide laid out above its call to action, which it never runs under (the window's band)."""
        ctx, theme = self.ctx, self.ctx.theme
        width, height = size
        margin = theme.size("margin") * 2
        cache = ctx.screen.text
        product = ctx.shop.catalog.product(slide.sku) if slide.kind == "product" else None
        ink = "primary" if product is not None else "accent"  # a film's as the brand's other slides: its accent
        self._shown_status = self.status_key()
        self.status = Status()
        action = self.call_to_action(size, ink)
        room = pygame.Rect(0, 0, width, height - action.natural(width)[1])  # what the slide has above it
        if self.show is not None:
            self.show.veiled = pygame.Rect(0, 0, width, height - self.steady_height) if self.steady_height else None
        self.film, self._film_done = None, False
        if slide.kind == "video":
            backdrop = Panel((0, 0, width, height), "text", radius=False)
            # its captions in a band of their own under the picture, never over what the film shows
            self.film = VideoView((0, 0, 0, 0), ctx.shop.film(slide.file), ctx.clock, label=ctx.t("Our film"),
                                  poster=ctx.shop.image(slide.poster) if slide.poster else "", loop=slide.loop,
                                  autoplay=True, tap_to_play=False, captions=self._captions(slide.file),
                                  on_end=self._film_ended, volume=ctx.film_volume,
                                  caption_band=caption_band(theme, cache, width))
            content = column(leaf(self.film, height=flex()), height=flex())
        elif product is not None:
            backdrop = Panel((0, 0, width, height), "background", radius=False)
            picture = Picture((0, 0, 0, 0), ctx.shop.image(product.image), label=product.title(ctx.lang))
            brand = Label((0, 0, 0, 0), product.brand.upper(), color="muted", bold=True, align="center")
            name = Label((0, 0, 0, 0), product.title(ctx.lang), size="headline", bold=True, align="center", wrap=True)
            price = Label((0, 0, 0, 0), ctx.fmt.price(product.price_cents), size="headline", color="primary",
                          bold=True, align="center")
            said = [text(brand, cache, theme), text(name, cache, theme, sizes=("title",), max_lines=2),
                    text(price, cache, theme)]
            beside_w = (room.width - 3 * margin) // 2
            headline_px, title_px = theme.size("headline"), theme.size("title")
            if width > height and room.width > room.height * 3 // 2 and \
                    cache.width(price.text, headline_px, True) <= beside_w and \
                    " ".join(cache.wrap(name.text, title_px, beside_w, True, 2)) == name.text:
                # a landscape screen with room for the words beside it: the picture as tall as the room
                content = row(leaf(picture, width=flex()), column(*said, gap=theme.size("gap"), justify="center",
                                                                  width=flex()),
                              gap=margin, padding=Insets.all(margin), height=flex())
            else:
                content = column(leaf(picture, height=flex(min=theme.size("touch_target"), max=height // 2)),
                                 *said, gap=theme.size("gap"), height=flex(),
                                 padding=Insets(theme.size("gap"), margin, theme.size("gap"), margin))
        else:
            backdrop = Panel((0, 0, width, height), "primary", radius=False)
            title = Label((0, 0, 0, 0), pick(slide.title or {}, ctx.lang), size="headline", bold=True,
                          color="on_primary", align="center", wrap=True)
            subtitle = Label((0, 0, 0, 0), pick(slide.subtitle or {}, ctx.lang), size="title", color="on_primary",
                             align="center", wrap=True, valign="top")
            words = [text(title, cache, theme, sizes=("title",), max_lines=3),
                     text(subtitle, cache, theme, sizes=("text",), max_lines=4)]
            heading = column(*words, gap=theme.size("gap") // 2)
            gap = theme.size("gap")
            shelf = self.shelf(size, room.height - heading.natural(width - 2 * margin)[1] - margin // 2 - 3 * gap)
            if shelf is not None:  # the words over products, as a shop window shows them
                content = column(heading, shelf, gap=2 * gap, padding=Insets(margin // 2, margin, gap, margin),
                                 height=flex())
            else:
                content = column(*words, gap=theme.size("gap") * 2, padding=Insets.all(margin), justify="center",
                                 height=flex())
        # the slide above its call to action, on its backdrop (which holds them all, drawn first)
        layout(mount(dock(content, bottom=[action]), backdrop), backdrop.rect)
        return [backdrop]

    def shelf(self, size: tuple[int, int], room: int) -> Box | None:
        """Products shown under a message slide's words, in `room` pixels of height (the shop window's); none
        on a terminal."""
        return None

    def _captions(self, file: str) -> list[Cue]:
        """The film's captions in the display's language (else the store's first), if the pack has them."""
        ctx = self.ctx
        found = captions_for(Path(ctx.shop.image(file)), ctx.lang, ctx.shop.config.store.default_language)
        if found is None:
            return []
        try:
            return read_captions(found)
        except (CaptionsProblem, OSError) as problem:
            log.warning("captions %s not shown: %s", found.name, problem)
            return []

    def _film_ended(self) -> None:
        """The film of a slide that does not loop played to its end: the next slide comes."""
        self._film_done = True

    def status_key(self) -> str:
        """What the call to action depends on besides the slide (the window: open or closed)."""
        return ""

    def call_to_action(self, size: tuple[int, int], ink: str) -> Box:
        """What invites a touch, at the bottom of every slide (which is laid out above it): a "Touch to
        start" pill, and the accessibility button above the pill's left end (the pill may take the width)."""
        ctx, theme = self.ctx, self.ctx.theme
        width = size[0]
        margin = theme.size("margin") * 2
        start_text = ctx.t("Touch to start")
        pill_w = min(width - 2 * margin, ctx.screen.text.width(start_text, theme.size("title"), True) + 2 * margin)
        words = Label((0, 0, 0, 0), start_text, size="title", bold=True, wrap=True, align="center",
                      color="on_primary" if ink == "primary" else "on_accent")
        pill = column(text(words, ctx.screen.text, theme, sizes=("text",), max_lines=2),
                      widget=Panel((0, 0, 0, 0), ink),
                      padding=Insets.all(theme.size("gap")), width=fixed(pill_w),
                      height=fit(min=theme.size("touch_target") + theme.size("gap")), justify="center")
        return column(self.corner(), column(pill, align="center"), gap=theme.size("gap"),
                      padding=Insets(theme.size("gap"), theme.size("margin"), margin, theme.size("margin")))

    def accessibility_button(self) -> Box:
        """In a corner of every slide: start in accessible mode."""
        side = self.ctx.theme.size("touch_target")
        return leaf(Button((0, 0, 0, 0), self.ctx.t("Accessibility"), self.start_accessible, style="secondary",
                           size="title", shown="♿"), width=fixed(side), height=fixed(side))

    def start_accessible(self) -> None:
        """A session in accessible mode."""
        self.ctx.on_start_session()
        self.ctx.toggle_accessible()

    def next_deadline(self, now: float) -> float | None:
        """When the next slide comes."""
        if self.fade_started is not None:
            return now  # fading: draw every frame
        return self.shown_at + self._seconds()

    def _seconds(self) -> float:
        return self.slides[self.index].seconds or self.slide_seconds

    def _slide_over(self, now: float) -> bool:
        """Whether the slide shown has had its time: a film that does not loop, its whole length (its
        poster, when it cannot play, the slide's seconds); any other slide, its seconds."""
        slide, film = self.slides[self.index], self.film
        if slide.kind == "video" and not slide.loop and film is not None and not film.failed:
            return self._film_done
        return now - self.shown_at >= self._seconds()

    def update(self, now: float) -> bool:
        """Dip into the next slide when the one shown has had its time (the schedule's slides then, which
        may have moved on); animate the dip."""
        show = self.show
        if show is None:
            return False
        if self.fade_started is None and self._slide_over(now):
            playing = self._playing()  # the schedule may have moved on (evening slides, a holiday)
            if playing == self.slides and len(playing) == 1:
                self.shown_at = now
                if self.film is not None:  # a film alone in the playlist plays again
                    self._film_done = False
                    self.film.play()
                if self.status_key() != self._shown_status:
                    self.rebuild()
                return False
            self.fade_started, self._coming = now, playing
        if self.fade_started is not None:
            progress = (now - self.fade_started) / FADE_SECONDS
            # all colour now (half-way, to a clock's rounding): the next slide comes under it
            if round(progress, 6) >= 0.5 and self._coming is not None:
                if self._coming != self.slides:
                    self.slides, self.index = self._coming, 0
                else:
                    self.index = (self.index + 1) % len(self.slides)
                self._coming = None
                show.show(self._slide_widgets(self.slides[self.index], self.ctx.size))
                if isinstance(show.parent, Root):
                    self._status_in(show.parent)
                self.shown_at = now
            show.veil = dip(progress)
            show.invalidate()
            if progress >= 1:
                self.fade_started = None
                return False
            return True
        return False

    def on_swipe(self, direction: str) -> bool:
        """A swipe starts, like a touch."""
        self.ctx.on_start_session()
        return True
