"""Catalogue values shared by the importer, the catalogue and the scenes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

Localized = Mapping[str, str]
SpecValue = float | int | bool | str | Localized


def pick(text: Localized, language: str) -> str:
    """The text in `language`, else in English (the pack may have only some languages), else in any
    language the pack has, else an empty string."""
    found = text.get(language) or text.get("en")
    if found:
        return found
    return next(iter(text.values()), "")


@dataclass(frozen=True)
class SpecDef:
    """One specification a category compares its products on."""

    key: str
    label: Localized
    unit: str = ""
    kind: str = "number"  # number | text | bool
    better: str = ""  # higher | lower | "" (neither is better)


@dataclass(frozen=True)
class Category:
    """A shelf of the store."""

    id: str
    name: Localized
    color: str
    icon: str
    specs: tuple[SpecDef, ...] = ()
    # other words shoppers use for it, by language ("baskets" for running shoes): search finds it by them
    keywords: Localized = field(default_factory=dict)


@dataclass(frozen=True)
class ProductSummary:
    """What a product card shows."""

    sku: str
    brand: str
    name: Localized
    category: str
    price_cents: int
    stock: int
    rating: float
    review_count: int
    image: str

    def title(self, language: str) -> str:
        """The product's name in `language`."""
        return pick(self.name, language)


@dataclass(frozen=True, kw_only=True)
class Product(ProductSummary):
    """Everything a product page shows."""

    gtin: str
    description: Localized
    aisle: str
    specs: Mapping[str, SpecValue]


@dataclass(frozen=True)
class Variant:
    """One size or colour of a product, with its own SKU and stock, and its own GTIN and price if it has them."""

    sku: str
    size: str = ""
    colour: Localized | None = None
    stock: int = 0
    gtin: str = ""
    price_cents: int = 0  # its own price (a feed's XL may cost more); 0: the product's
    images: tuple[str, ...] = ()  # its own pictures (a colour's), the main one first; none: the product's

    def price(self, product_price_cents: int) -> int:
        """What this variant costs, its product costing `product_price_cents`."""
        return self.price_cents or product_price_cents

    def label(self, language: str) -> str:
        """"42 · blue": what the shopper picks."""
        parts = [self.size, pick(self.colour, language) if self.colour else ""]
        return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class Media:
    """A customer's photo or short video with their review, approved by the store's moderation."""

    kind: str  # photo | video
    file: str  # in the pack
    poster: str = ""  # a video's still before it plays (in the pack); none: its first frame


@dataclass(frozen=True)
class Review:
    """A shopper's review of a product."""

    id: str
    sku: str
    stars: int
    author: str
    language: str
    text: str
    date: date
    helpful: int
    in_store: bool = False  # written at one of the store's kiosks (then moderated)
    media: tuple[Media, ...] = ()  # its approved photos and videos


@dataclass(frozen=True)
class Testimonial:
    """A customer's short video about a product or a collection ("what runners say about it"), approved by
    the store's moderation; `author` is the name the customer agreed to be shown by."""

    id: str
    author: str
    date: date
    video: str  # in the pack
    poster: str = ""
    quote: Localized = field(default_factory=dict)  # what they say, in words (read when the video is muted)
    language: str = ""
    sku: str = ""  # the product it is about, or
    collection: str = ""  # the collection


@dataclass(frozen=True)
class Member:
    """A loyalty member, as the welcome screen needs them (personal data: never logged)."""

    loyalty_id: str
    first_name: str
    tier: str  # bronze | silver | gold
    points: int
    favourite_categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Offer:
    """A loyalty offer, for some tiers, on the products of some categories and some SKUs (neither: every
    product); a member price (a discount in percent, or a fixed price) or only words; valid from `starts`
    to `ends` inclusive (the store's days; None: open)."""

    id: str
    title: Localized
    text: Localized
    tiers: tuple[str, ...]
    categories: tuple[str, ...] = ()
    skus: tuple[str, ...] = ()
    discount_percent: int = 0
    price_cents: int = 0  # a fixed member price for each product it covers; 0: none
    starts: date | None = None
    ends: date | None = None


@dataclass(frozen=True)
class ProductVideo:
    """A film about a product, shown on its page (pack file videos.json); its size and length as probed."""

    sku: str
    file: str  # in the pack: "videos/BIK-102.webm"
    title: Localized | None = None  # what it shows ("The wheel, close up"); none: the product's name
    poster: str = ""  # a picture shown before it plays; none: its first frame
    width: int = 0
    height: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Slide:
    """One item of the attract playlist."""

    kind: str  # message | product | video
    seconds: float  # a video that does not loop: how long its poster stays if the film cannot play
    sku: str = ""
    file: str = ""  # a video slide's film, in the pack ("videos/trail.mp4")
    loop: bool = False  # a video slide: plays again from the start until `seconds` are up
    poster: str = ""  # a video slide: the picture shown before (and instead of) the film; none: its first frame
    title: Localized | None = None
    subtitle: Localized | None = None
    color: str = "#1F4E46"
    roles: tuple[str, ...] = ()  # the display roles it plays on; none: every role
    days: tuple[int, ...] = ()  # scheduled: weekdays (0 = Monday) it plays on; none: every day
    start: str = ""  # "HH:MM" local time it starts and ends playing; empty: all day
    end: str = ""
    first_date: str = ""  # "YYYY-MM-DD" dates it plays from and until; empty: no limit
    last_date: str = ""
    fallback: bool = False  # plays only when nothing else is scheduled

    @property
    def scheduled(self) -> bool:
        """Whether the slide plays only at some times."""
        return bool(self.days or self.start or self.end or self.first_date or self.last_date)
