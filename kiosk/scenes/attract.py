"""The attract loop: slides from the content pack's playlist, cross-faded; any touch starts."""

from __future__ import annotations

from typing import Any

import pygame

from kiosk.core.models import Slide, pick
from kiosk.core.schedule import active_slides
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.widgets import Button, Label, Painter, Panel, Picture, Point, Root, Widget

FADE_SECONDS = 0.6


class SlideShow(Widget):
    """Shows one slide's widgets; while fading, the previous slide is blended on top and fades out."""

    def __init__(self, rect: pygame.Rect, label: str, on_tap: Any) -> None:
        super().__init__(rect, label=label, on_tap=on_tap)
        self.role = "button"
        self.fade_from: list[Widget] = []
        self.fade_image: pygame.Surface | None = None
        self.fade_alpha = 0

    def draw(self, painter: Painter, origin: Point) -> None:
        """The slide, then the fading picture of the previous one."""
        if self.fade_from and self.fade_image is None:
            self.fade_image = pygame.Surface(self.rect.size).convert() if pygame.display.get_surface() else \
                pygame.Surface(self.rect.size)
            still = Painter(self.fade_image, painter.theme, painter.text, painter.images,
                            pygame.Rect((0, 0), self.rect.size))
            for child in self.fade_from:
                child.draw(still, (0, 0))
                child.dispose()  # only its picture fades out now
            self.fade_from = []
        super().draw(painter, origin)
        if self.fade_image is not None and self.fade_alpha > 0:
            self.fade_image.set_alpha(self.fade_alpha)
            painter.surface.blit(self.fade_image, self.rect.move(origin).topleft)


class AttractScene(ShopScene):
    """Full-screen slides until someone touches the screen or scans a product."""

    name = "attract"

    def __init__(self, ctx: SceneContext, slide_seconds: float) -> None:
        super().__init__(ctx)
        self.slide_seconds = slide_seconds
        self.slides = self._playing()
        self.index = 0
        self.shown_at = ctx.clock.monotonic()
        self.fade_started: float | None = None
        self.show: SlideShow | None = None
        self._shown_status = ""

    def details(self) -> dict[str, Any]:
        """Which slide is shown."""
        return {"slide": self.index, "slides": len(self.slides)}

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
        self.rebuild()

    def build(self, size: tuple[int, int]) -> Root:
        """The current slide, filling the screen."""
        root = Root((0, 0, *size))
        self.show = root.add(SlideShow(pygame.Rect((0, 0), size), self.ctx.t("Touch to start"),
                                       self.ctx.on_start_session))
        for widget in self._slide_widgets(self.slides[self.index], size):
            self.show.add(widget)
        return root

    def _slide_widgets(self, slide: Slide, size: tuple[int, int]) -> list[Widget]:
        ctx, theme = self.ctx, self.ctx.theme
        width, height = size
        margin = theme.size("margin") * 2
        widgets: list[Widget] = []
        product = ctx.shop.catalog.product(slide.sku) if slide.kind == "product" else None
        if product is not None:
            widgets.append(Panel((0, 0, width, height), "background", radius=False))
            picture = min(width - 2 * margin, height // 2)
            widgets.append(Picture(((width - picture) // 2, height // 10, picture, picture),
                                   ctx.shop.image(product.image), label=product.title(ctx.lang)))
            y = height // 10 + picture + theme.px(60)
            widgets.append(Label((margin, y, width - 2 * margin, theme.px(50)), product.brand.upper(), color="muted",
                                 bold=True, align="center"))
            widgets.append(Label((margin, y + theme.px(60), width - 2 * margin, theme.px(180)),
                                 product.title(ctx.lang), size="headline", bold=True, align="center", wrap=True,
                                 max_lines=2))
            widgets.append(Label((margin, y + theme.px(260), width - 2 * margin, theme.px(100)),
                                 ctx.fmt.price(product.price_cents), size="headline", color="primary", bold=True,
                                 align="center"))
            ink = "primary"
        else:
            color_name = "primary"
            widgets.append(Panel((0, 0, width, height), color_name, radius=False))
            widgets.append(Label((margin, height // 3, width - 2 * margin, theme.px(260)),
                                 pick(slide.title or {}, ctx.lang), size="headline", bold=True, color="on_primary",
                                 align="center", wrap=True, max_lines=3))
            widgets.append(Label((margin, height // 3 + theme.px(300), width - 2 * margin, theme.px(200)),
                                 pick(slide.subtitle or {}, ctx.lang), size="title", color="on_primary",
                                 align="center", wrap=True, max_lines=4, valign="top"))
            ink = "accent"
        self._shown_status = self.status_key()
        widgets.extend(self.call_to_action(size, ink))
        return widgets

    def status_key(self) -> str:
        """What the call to action depends on besides the slide (the window: open or closed)."""
        return ""

    def call_to_action(self, size: tuple[int, int], ink: str) -> list[Widget]:
        """What invites a touch, over every slide: a "Touch to start" pill."""
        ctx, theme = self.ctx, self.ctx.theme
        width, height = size
        margin = theme.size("margin") * 2
        start_text = ctx.t("Touch to start")
        pill_w = min(width - 2 * margin, ctx.screen.text.width(start_text, theme.size("title"), True) + theme.px(120))
        pill_h = theme.px(120)
        pill = Panel(((width - pill_w) // 2, height - theme.px(260), pill_w, pill_h), ink)
        pill.add(Label(pill.rect, start_text, size="title", bold=True,
                       color="on_primary" if ink == "primary" else "on_accent", align="center"))
        return [pill, self.accessibility_button(size)]

    def accessibility_button(self, size: tuple[int, int]) -> Widget:
        """In a corner of every slide: start in accessible mode."""
        theme = self.ctx.theme
        side = theme.size("touch_target")
        margin = theme.size("margin")
        return Button((margin, size[1] - side - margin, side, side), self.ctx.t("Accessibility"),
                      self.start_accessible, style="secondary", size="title", shown="♿")

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

    def update(self, now: float) -> bool:
        """Move to the next slide when its time is up; animate the fade."""
        show = self.show
        if show is None:
            return False
        if self.fade_started is None and now - self.shown_at >= self._seconds():
            playing = self._playing()  # the schedule may have moved on (evening slides, a holiday)
            if playing == self.slides and len(playing) == 1:
                self.shown_at = now
                if self.status_key() != self._shown_status:
                    self.rebuild()
                return False
            if playing != self.slides:
                self.slides, self.index = playing, -1
            show.fade_from = list(show.children)
            show.children.clear()
            self.index = (self.index + 1) % len(self.slides)
            for widget in self._slide_widgets(self.slides[self.index], self.ctx.size):
                show.add(widget)
            self.fade_started = now
            self.shown_at = now
        if self.fade_started is not None:
            progress = (now - self.fade_started) / FADE_SECONDS
            show.fade_alpha = max(0, round(255 * (1 - progress)))
            show.invalidate()
            if progress >= 1:
                self.fade_started = None
                show.fade_image = None
                show.fade_from = []
                return False
            return True
        return False

    def on_swipe(self, direction: str) -> bool:
        """A swipe starts, like a touch."""
        self.ctx.on_start_session()
        return True
