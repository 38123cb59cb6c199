"""A product's films on its page: each a poster with a play button, played in place by a tap.

The box has the film's own shape (probed at import), as wide as the page's column and at most about
half the screen's height, so the page does not jump when the film starts. Muted; on a display whose
config enables sound, a button under each film that has a sound track turns the sound on for the
shopper's session (and off again). Captions from the pack's WebVTT file over the film, in the shopper's
language, when it has one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from kiosk.core.models import ProductVideo, pick
from kiosk.core.pack.captions import CaptionsProblem, Cue, captions_for, read_captions
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.kit import Kit
from kiosk.ui.layout import Box, fit, flex, row
from kiosk.ui.sound_button import SoundButton, sound_button
from kiosk.ui.video_view import VideoView

log = logging.getLogger(__name__)


def film_box(view: VideoView, shape: tuple[int, int], tallest: int) -> Box:
    """`view` as wide as its room and as tall as the film's shape makes it, at most `tallest` (then
    narrower, centred)."""
    width, height = shape if shape[0] > 0 and shape[1] > 0 else (16, 9)

    def measure(available: int) -> tuple[int, int]:
        shown_h = min(tallest, available * height // width)
        return min(available, shown_h * width // height), shown_h

    return Box("leaf", [], view, fit(), fit(), measure=measure)


def film_captions(ctx: SceneContext, file: Path) -> list[Cue]:
    """The film's captions in the shopper's language (else the store's), if the pack has them."""
    found = captions_for(file, ctx.lang, ctx.shop.config.store.default_language)
    if found is None:
        return []
    try:
        return read_captions(found)
    except (CaptionsProblem, OSError) as problem:
        log.warning("captions %s not shown: %s", found.name, problem)
        return []


def film_sound_button(ctx: SceneContext, kit: Kit, films: Sequence[str]) -> Box | None:
    """The shopper's sound control for films (one choice for the session, muted by default), on a display
    whose config enables sound, under `films` (their paths in the pack) when one of them may have sound;
    None on other displays and under films the import found silent (a button there would promise a sound
    that never comes; a film the catalogue says nothing of keeps it)."""
    if ctx.film_volume is None or all(ctx.shop.catalog.film_has_sound(film) is False for film in films):
        return None
    session = ctx.session

    def flip() -> None:
        session.film_sound = not session.film_sound

    widget = SoundButton((0, 0, 0, 0), lambda: session.film_sound, flip,
                         (ctx.t("Turn sound on"), ctx.t("Turn sound off")), ctx.screen.on_focus)
    return sound_button(widget, kit.cache, kit.theme)


def films_muted(ctx: SceneContext) -> bool:
    """Whether the shopper keeps films muted (the default)."""
    return not ctx.session.film_sound


def product_films(scene: ShopScene, sku: str, name: str) -> list[Box]:
    """The section title and a box per film of the product `sku` called `name` (nothing when it has none)."""
    ctx = scene.ctx
    videos: list[ProductVideo] = ctx.shop.catalog.videos(sku)
    if not videos:
        return []
    t = ctx.t
    boxes: list[Box] = [scene.section(t.plural("Video", "Videos", len(videos)))]
    for video in videos:
        title = pick(video.title, ctx.lang) if video.title else name
        file = Path(ctx.shop.image(video.file))  # its captions lie beside it in the pack
        view = VideoView((0, 0, 0, 0), ctx.shop.film(video.file), ctx.clock,
                         label=t("Play the video: {title}", title=title),
                         stop_label=t("Stop the video: {title}", title=title),
                         poster=ctx.shop.image(video.poster) if video.poster else "",
                         captions=film_captions(ctx, file), volume=ctx.film_volume, muted=lambda: films_muted(ctx))
        boxes.append(film_box(view, (video.width, video.height), ctx.size[1] * 9 // 20))
        words = scene.kit.words(title, color="muted", max_lines=2, width=flex()) if video.title else None
        sound = film_sound_button(ctx, scene.kit, [video.file])
        if sound is not None:
            boxes.append(row(*([words] if words else []), sound, gap=ctx.theme.size("gap"), align="start",
                             justify="end", fold=True))
        elif words is not None:
            boxes.append(words)
    return boxes
