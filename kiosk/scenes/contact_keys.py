"""The typing aids of a contact field: the address or number typed before in this session (one tap to use
it again), and keys for the email domains most people use in the store's country and those of the session's
language: the country's first where its language is spoken there (a German speaker in a Swiss store), the
language's first for a visitor (a German speaker in a French store finds @gmx.de, @web.de, not @orange.fr)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from kiosk.config.countries import country_typing, language_domains
from kiosk.scenes.context import SceneContext
from kiosk.ui.keyboard import Shortcut


def with_domain(address: str, domain: str) -> str:
    """`address` ending with `domain`: what was typed before "@" (or all of it), then "@" and the domain."""
    return f"{address.split('@', 1)[0]}@{domain}"


def email_domains(ctx: SceneContext) -> tuple[str, ...]:
    """The store's own domain keys, else its country's most used ones."""
    store = ctx.shop.config.store
    return store.email_domains or country_typing(store.country).email_domains


def domain_keys(ctx: SceneContext) -> list[tuple[str, int]]:
    """The email domains for keys, each with its rank for the row's room. Where the store gives its own list, or
    the session's language is spoken in the store's country: the store's (or its country's), then the session
    language's not among them, the row giving its room to the two lists in turn (the country's first), so that
    each shows its most used whatever the length of the other. For a visitor (a language not spoken there, one
    with domains of its own): the language's, then the country's not among them, after all of the language's (a
    German shopper offered @orange.fr between @gmail.com and @gmx.de in a French store: designer's review)."""
    store = ctx.shop.config.store
    country = list(dict.fromkeys(email_domains(ctx)))
    spoken = ctx.lang.lower() in country_typing(store.country).languages
    own = list(dict.fromkeys(language_domains(ctx.lang)))
    if own and not spoken and not store.email_domains:  # a visitor: their language's first
        visited = [domain for domain in country if domain not in own]
        return [(domain, rank) for rank, domain in enumerate([*own, *visited], start=1)]
    language = [domain for domain in own if domain not in country]
    return [*((domain, 2 * index + 1) for index, domain in enumerate(country)),
            *((domain, 2 * index + 2) for index, domain in enumerate(language))]


def contact_shortcuts(ctx: SceneContext, kind: str, typed: str, fill: Callable[[str], None]) -> list[Shortcut]:
    """The keys over an email keyboard or a phone keypad: the session's address (or number), greyed while the
    field holds it, then (email) the domains of `domain_keys`; `fill` puts a text in the field."""
    session = ctx.session
    known = session.contact_phone if kind == "phone" else session.contact_email
    keys = []
    if known:  # personal data: shown to the shopper who typed it, in this session only; greyed while the field
        # holds it (gone, it let the domains spread over its room: every key of the row moved)
        keys.append(Shortcut(ctx.t("Use {contact}", contact=known), known, partial(fill, known), 0, style="accent",
                             enabled=typed != known))
    if kind == "email":
        keys += [Shortcut("@" + domain, "@" + domain, partial(_fill_domain, typed, domain, fill), 0, rank=rank)
                 for domain, rank in domain_keys(ctx)]
    return keys


def _fill_domain(typed: str, domain: str, fill: Callable[[str], None]) -> None:
    fill(with_domain(typed, domain))
