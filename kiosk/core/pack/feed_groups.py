"""A group of feed rows (one `item_group_id`) as one product: named after what its variants share, with a
variant of each good row, its own size, colour, stock and GTIN.

"Lumen Alpin route 7 noir 42" and "Lumen Alpin route 7 bleu 44" are "Lumen Alpin route 7": each title
without the size and colour its row differs by, as a feed writes them ("... noir 42", "... – Noir –
Taille 42", "..., noir, 42"). The feed's own `item_group_title` wins where there is one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kiosk.core.models import Variant
from kiosk.core.pack.feed_rows import FeedItem
from kiosk.core.pack.product_rows import ProductRow

# Words a feed puts before a size or a colour in a title ("Taille 42", "Colour: blue"), in the packs' languages
LABELS = ("taille", "pointure", "size", "größe", "grösse", "gr.", "talla", "taglia", "couleur", "coloris", "colour",
          "color", "farbe", "colore")
SEPARATORS = "-–—,/|:;"
_LABEL = "(?:(?:" + "|".join(re.escape(label) for label in LABELS) + r")\s*:?\s*)?"
_SEPARATOR_RUN = re.compile(r"\s*[" + re.escape(SEPARATORS) + r"](?:\s*[" + re.escape(SEPARATORS) + r"])+\s*")
_ENDS = " \t" + SEPARATORS


def without_variant(title: str, words: tuple[str, ...]) -> str:
    """`title` without the last mention of each of `words` (a size, a colour), with the label before it
    ("Taille 42") and the separators left dangling."""
    for word in words:
        if not word.strip():
            continue
        pattern = re.compile(rf"(?i){_LABEL}(?<!\w){re.escape(word.strip())}(?!\w)")
        found = list(pattern.finditer(title))
        if found:
            last = found[-1]
            title = title[:last.start()] + " " + title[last.end():]
    title = _SEPARATOR_RUN.sub(lambda run: " " + run.group().strip()[0] + " ", title)
    return " ".join(title.split()).strip(_ENDS)


def shared_title(titles: list[tuple[str, tuple[str, ...]]]) -> str:
    """What the titles of a group's rows share, each given with the size and colour of its row: the title
    they all come to without those, else the words they all start with, else the first one's."""
    bare = [without_variant(title, words) for title, words in titles]
    if not bare:
        return ""
    if all(title == bare[0] for title in bare):
        return bare[0]
    common: list[str] = []
    for words in zip(*(title.split() for title in bare), strict=False):
        if any(word != words[0] for word in words):
            break
        common.append(words[0])
    return " ".join(common).strip(_ENDS) or bare[0]


def group_product(key: str, rows: list[tuple[FeedItem, ProductRow]], languages: tuple[str, ...]) -> ProductRow:
    """The product of a group's good rows (at least one): the first row's brand, department, price,
    description and specs, the group's name, and a variant of each row with its size or colour, stock,
    GTIN and price."""
    first_item, first = rows[0]
    name = {}
    for language in languages:
        given = next((item.group_title.get(language, "") for item, _ in rows if item.group_title), "")
        name[language] = given or shared_title([
            (product.name.get(language, ""), (item.size, (item.colour or {}).get(language, "")))
            for item, product in rows])
    if len(rows) == 1 and not first_item.size and not first_item.colour:
        return replace(first, sku=key, name=name)
    variants = tuple(Variant(item.id, item.size, item.colour, product.stock, product.gtin, product.price_cents)
                     for item, product in rows)
    return replace(first, sku=key, name=name, stock=sum(v.stock for v in variants), variants=variants)


def variant_problems(rows: list[tuple[FeedItem, ProductRow]]) -> dict[int, tuple[str, str]]:
    """A group's good rows that are no variant of its product, by their index: (field, message). A row that
    cannot be told from an earlier one (the same size and colour, or neither in a group of several), or
    that names another brand or department than the group's first row (the product shows the first's)."""
    problems: dict[int, tuple[str, str]] = {}
    seen: dict[tuple[str, str], int] = {}
    first: tuple[FeedItem, ProductRow] | None = None
    for index, (item, product) in enumerate(rows):
        colour = next(iter((item.colour or {}).values()), "").casefold()
        choice = (item.size.casefold(), colour)
        group = item.group
        if not any(choice) and len(rows) > 1:
            problems[index] = ("size", f"has no size or color, so it cannot be told from the other rows of its "
                                       f"group {group!r}")
        elif choice in seen:
            problems[index] = ("size" if item.size else "color",
                               f"has the same size and color as line {seen[choice]} of its group {group!r}")
        elif first is not None and product.brand != first[1].brand:
            problems[index] = ("brand", f"{product.brand!r} is not the brand of its group {group!r}: "
                                        f"{first[1].brand!r} (line {first[0].line})")
        elif first is not None and product.category != first[1].category:
            problems[index] = ("product_type", f"is in department {product.category!r}; its group {group!r} is in "
                                               f"{first[1].category!r} (line {first[0].line})")
        else:
            seen[choice] = item.line
            first = first or (item, product)
    return problems
