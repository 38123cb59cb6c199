"""Customers' own photos and videos next to the product: a review's thumbnails, the testimonials of a
product or a collection, and a photo seen large. Only what the store's moderation approved reaches the
catalogue (kiosk/core/pack/customer_media.py); each item says whose it is, as the customer agreed."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from kiosk.core.language.i18n import N_
from kiosk.core.models import Media, Review, Testimonial, pick
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.scenes.product_video import film_sound_button, films_muted
from kiosk.ui.gallery import Gallery, GalleryState
from kiosk.ui.kit import Kit
from kiosk.ui.layout import Box, Insets, column, fit, fixed, flow, leaf, row, scroll, square
from kiosk.ui.video_view import VideoView
from kiosk.ui.widgets import Panel, Picture, Root

# The language a customer spoke or wrote in, said when it is not the shopper's
LANGUAGE_NAMES = {"fr": N_("in French"), "en": N_("in English"), "de": N_("in German"), "es": N_("in Spanish"),
                  "it": N_("in Italian")}


def media_thumbnails(ctx: SceneContext, kit: Kit, review: Review) -> Box | None:
    """A review's photos and videos as small pictures (a video by its poster); a photo tapped opens large."""
    if not review.media:
        return None
    side = ctx.theme.size("thumb") * 2 // 3
    photos = [m for m in review.media if m.kind == "photo"]
    who = review.author or ctx.t("A customer")
    tiles: list[Box] = []
    for media in review.media:
        if media.kind == "photo":
            index = photos.index(media)
            label = ctx.t("Photo by {author}", author=who)
            frame = Panel((0, 0, 0, 0), "surface_alt", on_tap=partial(_open_photos, ctx, photos, who, index),
                          label=label, role="button")
            tiles.append(row(leaf(Picture((0, 0, 0, 0), ctx.shop.image(media.file)), width=fixed(side),
                                  height=fixed(side * 3 // 4)), widget=frame, width=fixed(side),
                             height=fixed(side * 3 // 4)))
        else:
            tiles.append(video_tile(ctx, kit, media, who, side, with_sound=False))
    tiles_box = flow(*tiles, gap=ctx.theme.size("gap") // 2)
    videos = [m.file for m in review.media if m.kind != "photo"]
    sound = film_sound_button(ctx, kit, videos) if videos else None
    return tiles_box if sound is None else column(tiles_box, sound, gap=ctx.theme.size("gap") // 2, align="start")


def video_tile(ctx: SceneContext, kit: Kit, media: Media | Testimonial, author: str, side: int, *,
               with_sound: bool = True) -> Box:
    """A customer's video, `side` pixels wide (16:9): its poster with a play button, played in place by a tap
    and stopped by another; muted, with the button that turns the sound on under it (`with_sound`) where
    the display enables sound and the video has a sound track."""
    film = media.file if isinstance(media, Media) else media.video
    view = VideoView((0, 0, 0, 0), ctx.shop.film(film), ctx.clock,
                     label=ctx.t("Play the video: {title}", title=author),
                     stop_label=ctx.t("Stop the video: {title}", title=author),
                     poster=ctx.shop.image(media.poster) if media.poster else "", backdrop="surface_alt",
                     volume=ctx.film_volume, muted=lambda: films_muted(ctx))
    tile = leaf(view, width=fixed(side), height=fixed(side * 9 // 16))
    sound = film_sound_button(ctx, kit, [film]) if with_sound else None
    return tile if sound is None else column(tile, sound, gap=ctx.theme.size("gap") // 2, align="start",
                                             width=fit())


def testimonials_section(scene: ShopScene, testimonials: Sequence[Testimonial], room: int) -> list[Box]:
    """"What customers say about it": each customer's video with their name, the date and what they say."""
    if not testimonials:
        return []
    ctx, kit, theme = scene.ctx, scene.kit, scene.ctx.theme
    gap = theme.size("gap")
    side = min(room, theme.size("thumb") * 2)
    cards: list[Box] = [scene.section(ctx.t("What customers say about it"))]
    for testimonial in testimonials:
        quote = pick(testimonial.quote, ctx.lang) if testimonial.quote else ""
        spoken = LANGUAGE_NAMES.get(testimonial.language) if testimonial.language not in ("", ctx.lang) else None
        said = f"{testimonial.author} · {ctx.fmt.date(testimonial.date)}" + (" · " + ctx.t(spoken) if spoken else "")
        words = [kit.words(said, bold=True, max_lines=2)]
        if quote:
            words.append(kit.words(f"« {quote} »" if ctx.lang == "fr" else f"“{quote}”", color="muted"))
        cards.append(row(video_tile(ctx, kit, testimonial, testimonial.author, side),
                         column(*words, gap=gap // 2), gap=gap, fold=True, padding=Insets.all(gap),
                         widget=kit.panel("surface")))
    return cards


def _open_photos(ctx: SceneContext, photos: list[Media], author: str, index: int) -> None:
    ctx.show(PhotoScene(ctx, [ctx.shop.image(m.file) for m in photos], author, index))


class PhotoScene(ShopScene):
    """A customer's photos seen large: swiped through, zoomed with a double tap or a pinch."""

    name = "customer_photo"

    def __init__(self, ctx: SceneContext, paths: list[str], author: str, index: int = 0) -> None:
        super().__init__(ctx)
        self.author = author
        self.gallery = GalleryState(tuple(paths), index)

    def details(self) -> dict[str, Any]:
        """Whose photo, which one, and how zoomed."""
        return {"author": self.author, "picture": self.gallery.index, "pictures": len(self.gallery.paths),
                "zoom": round(self.gallery.zoom, 2)}

    def build(self, size: tuple[int, int]) -> Root:
        """The photo as large as the screen allows, under a header that says whose it is."""
        ctx, theme = self.ctx, self.ctx.theme
        margin = theme.size("margin")
        title = ctx.t("Photo by {author}", author=self.author)
        side = min(size[0], size[1] - theme.size("header")) - 2 * margin
        picture = square(Gallery(self.gallery, title, self.rebuild), side)
        return self.screen(size, title, scroll(column(picture, align="center", padding=Insets.all(margin)), title))
