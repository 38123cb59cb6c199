"""How a member's benefits read on screen: a member price beside the normal one, an offer's end in
words ("Today only", "Until Sunday"), and an offer as a card that leads to its products."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.core.language.i18n import N_
from kiosk.core.models import Offer, pick
from kiosk.core.pack.map_and_collections import Collection
from kiosk.core.shopper.member_offers import MemberPrice, member_price, validity
from kiosk.core.shopper.saved_lists import SavedList
from kiosk.core.shopper.session import MAX_COMPARE
from kiosk.scenes.context import SceneContext
from kiosk.ui.kit import Kit
from kiosk.ui.layout import Box, Insets, column, fit, row
from kiosk.ui.widgets import Panel

TIER_NAMES = {"bronze": N_("Bronze"), "silver": N_("Silver"), "gold": N_("Gold")}


def price_for_member(ctx: SceneContext, sku: str, category: str, normal_cents: int) -> MemberPrice | None:
    """The member price of a product for the member in front (None: no member, or no offer on it)."""
    return member_price(ctx.session.cart.offers, sku, category, normal_cents)


def price_box(ctx: SceneContext, sku: str, category: str, normal_cents: int, *, size: str = "title",
              note: str = "small", compact: bool = True) -> Box:
    """The price on one line: for a member with an offer on it, the member price (accent) and beside it
    the normal one, crossed out (`compact`, on cards) or "instead of €189.00"; else the price."""
    kit, fmt = Kit(ctx.theme, ctx.screen.text), ctx.fmt
    found = price_for_member(ctx, sku, category, normal_cents)
    if found is None:
        return kit.words(fmt.price(normal_cents), size=size, bold=True, color="primary", max_lines=1)
    gap = ctx.theme.size("gap")
    normal = (kit.words(fmt.price(normal_cents), size=note, color="muted", max_lines=1, valign="center",
                        struck=True) if compact else
              kit.words(ctx.t("instead of {price}", price=fmt.price(normal_cents)), size=note, color="muted",
                        max_lines=1, valign="center"))
    return row(kit.words(fmt.price(found.cents), size=size, bold=True, color="accent", max_lines=1, width=fit()),
               normal, gap=gap // 2, align="center")


def validity_text(ctx: SceneContext, offer: Offer) -> str:
    """When the offer ends, against today: "Today only", "Until tomorrow", "Until Sunday", "Until 24
    December"; "" when it has no end."""
    said = validity(offer, ctx.local_now().date())
    if said.until is None:
        return ""
    if said.kind == "today":
        return ctx.t("Today only")
    if said.kind == "tomorrow":
        return ctx.t("Until tomorrow")
    if said.kind == "weekday":
        return ctx.t("Until {day}", day=ctx.fmt.weekday(said.until))
    return ctx.t("Until {date}", date=ctx.fmt.day_month(said.until))


def offer_card(ctx: SceneContext, offer: Offer, on_tap: Callable[[], None]) -> Box:
    """An offer as a tappable card: its title, its words, when it ends, and where it leads."""
    kit, theme, t = Kit(ctx.theme, ctx.screen.text), ctx.theme, ctx.t
    margin, gap = theme.size("margin"), theme.size("gap")
    title = pick(offer.title, ctx.lang)
    card = Panel((0, 0, 0, 0), "highlight", on_tap=on_tap, label=title, role="button")
    ends = validity_text(ctx, offer)
    parts = [kit.words(title, size="title", bold=True, color="accent", max_lines=2),
             kit.words(pick(offer.text, ctx.lang), max_lines=3)]
    foot = [kit.words(ends, size="small", bold=True, color="danger" if ends == t("Today only") else "text",
                      max_lines=1)] if ends else []
    foot.append(kit.words(t("See the products ›"), size="small", bold=True, color="primary", align="right",
                          max_lines=1))
    parts.append(row(*foot, gap=gap, align="center"))
    return column(*parts, gap=gap // 2, padding=Insets.all(margin), widget=card)


def saved_list_title(ctx: SceneContext, saved: SavedList) -> str:
    """"Your comparison of 12 November", "Your list of 12 November" (without a day: "Your comparison")."""
    t = ctx.t
    if saved.saved_on is None:
        return t("Your comparison") if saved.kind == "compare" else t("Your list")
    day = ctx.fmt.day_month(saved.saved_on)
    return t("Your comparison of {date}", date=day) if saved.kind == "compare" else t("Your list of {date}", date=day)


def saved_list_card(ctx: SceneContext, saved: SavedList) -> Box:
    """A list from the member's account as a card: its title and its products' names; a tap opens it."""
    kit, theme = Kit(ctx.theme, ctx.screen.text), ctx.theme
    margin, gap = theme.size("margin"), theme.size("gap")
    title = saved_list_title(ctx, saved)
    names = [product.title(ctx.lang) for product in ctx.shop.catalog.products(list(saved.skus[:3]))]
    more = len(saved.skus) - len(names)
    said = " · ".join(names) + (" " + ctx.t("and {count} more", count=more) if more > 0 else "")
    card = Panel((0, 0, 0, 0), "surface", on_tap=lambda: open_saved_list(ctx, saved), label=title, role="button")
    return column(kit.words(title, size="title", bold=True, color="primary", max_lines=2),
                  kit.words(said, color="muted", max_lines=2), gap=gap // 2, padding=Insets.all(margin),
                  widget=card)


def open_saved_list(ctx: SceneContext, saved: SavedList) -> None:
    """A comparison is compared again; any other list shows as a list with each product's aisle."""
    if saved.kind == "compare" and len(saved.skus) <= MAX_COMPARE:
        ctx.session.compare[:] = list(saved.skus)
        ctx.show(ctx.routes.compare())
        return
    title = saved_list_title(ctx, saved)
    ctx.show(ctx.routes.collection(Collection(saved.id, {ctx.lang: title}, {ctx.lang: ""}, saved.skus)))
