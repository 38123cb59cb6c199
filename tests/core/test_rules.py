"""Comparison, session, idle timeouts and locale formatting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import Catalog
from kiosk.core.codes.scan import CodeRules
from kiosk.core.language.i18n import Translations
from kiosk.core.language.locale_format import Formatter
from kiosk.core.shopper.compare import build_comparison
from kiosk.core.shopper.session import CompareResult, IdleState, IdleWatcher, ShopperSession
from tests.conftest import REPO


def test_comparison_marks_rows_that_differ_and_the_best_value(tmp_path: Path) -> None:
    catalog = Catalog(ensure_catalog(REPO / "content" / "demo", tmp_path / "c.db"))
    products = catalog.products(["BIK-101", "BIK-102", "BIK-103"])
    fmt = Formatter("fr")
    table = build_comparison(products, catalog.categories, "fr", Translations(REPO / "kiosk" / "shipped" / "locale",
                                                                              ("fr",))["fr"], fmt.price, fmt.number)
    rows = {row.key: row for row in table.rows}
    cheapest = min(range(3), key=lambda i: products[i].price_cents)
    lightest = min(range(3), key=lambda i: float(products[i].specs["weight"]))  # type: ignore[arg-type]
    assert rows["price"].best == {cheapest} and rows["price"].differs
    assert rows["spec.weight"].best == {lightest}
    assert rows["spec.weight"].values[0].endswith("\u00a0kg") and "," in rows["spec.weight"].values[0]
    assert not rows["spec.wheel"].best  # neither bigger nor smaller wheels are "better"
    assert rows["spec.electric"].values == ("Non", "Non", "Non") and not rows["spec.electric"].differs
    assert not rows["aisle"].differs, "each product has its own place: not a difference between them"
    assert rows["stock"].differs == (len({p.stock > 0 for p in products}) > 1), "in stock or not, not how many"
    catalog.close()


def test_compare_holds_at_most_four_products() -> None:
    session = ShopperSession("fr")
    assert [session.add_to_compare(s) for s in "abcd"] == [CompareResult.ADDED] * 4
    assert session.add_to_compare("e") is CompareResult.FULL
    assert session.add_to_compare("a") is CompareResult.ALREADY


def test_wipe_forgets_the_shopper() -> None:
    session = ShopperSession("fr")
    session.language, session.started = "en", True
    session.add_to_compare("x")
    session.wipe()
    assert (session.language, session.compare, session.started) == ("fr", [], False)


def test_idle_watcher_warns_then_expires() -> None:
    watcher = IdleWatcher(idle_timeout_s=60, countdown_s=15)
    watcher.touch(100.0)
    assert watcher.state(159.9) is IdleState.ACTIVE
    assert watcher.state(160.0) is IdleState.WARNING and watcher.seconds_left(165.0) == 10.0
    assert watcher.state(175.0) is IdleState.EXPIRED
    watcher.touch(170.0)
    assert watcher.state(175.0) is IdleState.ACTIVE and watcher.next_change(175.0) == 230.0


def test_prices_dates_and_numbers_follow_the_locale() -> None:
    assert Formatter("fr").price(129900) == "1\u202f299,00\xa0€"
    assert Formatter("en").price(129900) == "€1,299.00"
    assert Formatter("fr").number(9.5) == "9,5"
    assert Formatter("fr").date(date(2026, 11, 22)) == "22 nov. 2026"


def test_codes_mean_products_members_or_staff_badges() -> None:
    rules = CodeRules(r"^LOYALTY-(\d{4,16})$", r"^STAFF-(\d{3,8})$")
    assert (rules.meaning("gtin", "2001000001019").kind, rules.meaning("gtin", "2001000001019").value) == (
        "product", "2001000001019")
    assert rules.meaning("text", "LOYALTY-1234").value == "1234" and rules.meaning("text", "LOYALTY-1234").kind == (
        "loyalty")
    assert rules.meaning("text", "STAFF-0042").kind == "staff"
    assert rules.meaning("text", "hello").kind == "unknown"


def test_a_comparison_across_departments_names_them_and_keeps_only_what_they_share(tmp_path: Path) -> None:
    catalog = Catalog(ensure_catalog(REPO / "content" / "demo", tmp_path / "c.db"))
    products = catalog.products(["BIK-101", "TEN-126", "BIK-102"])  # two bikes and a tent
    fmt = Formatter("fr")
    table = build_comparison(products, catalog.categories, "fr", Translations(REPO / "kiosk" / "shipped" / "locale",
                                                                              ("fr",))["fr"], fmt.price, fmt.number)
    assert table.departments == ("Vélos", "Tentes")
    rows = {row.key: row for row in table.rows}
    assert {"price", "rating", "stock", "aisle", "spec.wheel"} <= set(rows), "what the bikes share stays"
    assert all(sum(value != "—" for value in row.values) >= 2 for row in table.rows), "no row of one value"
    same = build_comparison(products[::2], catalog.categories, "fr", Translations(REPO / "kiosk" / "shipped" / "locale",
                                                                                  ("fr",))["fr"], fmt.price, fmt.number)
    assert same.departments == ("Vélos",), "two bikes: one department, nothing to say"
    catalog.close()


def test_a_property_is_compared_in_its_own_unit_only(tmp_path: Path) -> None:
    catalog = Catalog(ensure_catalog(REPO / "content" / "demo", tmp_path / "c.db"))
    products = catalog.products(["BIK-101", "RUN-115", "BIK-102"])  # a bike's weight in kg, a shoe's in g
    fmt = Formatter("fr")
    table = build_comparison(products, catalog.categories, "fr", Translations(REPO / "kiosk" / "shipped" / "locale",
                                                                              ("fr",))["fr"], fmt.price, fmt.number)
    weights = [row for row in table.rows if row.key == "spec.weight"]
    assert weights and all(not value.endswith("\u00a0kg") for row in weights for value in row.values[1:2]), \
        "a shoe's 255 g is never shown as 255 kg"
    catalog.close()
