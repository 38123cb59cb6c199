"""The store's popular searches: counted when a search led to a product, kept across restarts, no personal data."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.catalog.popular_searches import PopularSearches


def test_the_searches_that_led_to_products_most_often_come_first_and_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "searches.json"
    searches = PopularSearches(path)
    for query in ("tente", "running", "Vélo", "running", " velo ", "running", "vélo"):
        searches.led_to_a_product(query)
    assert searches.top(2) == ["running", "vélo"]  # "Vélo", "velo" and "vélo" are one search
    assert PopularSearches(path).top(5) == ["running", "vélo", "tente"], "the counts survive a restart"


def test_personal_details_and_long_texts_are_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "searches.json"
    searches = PopularSearches(path)
    for query in ("jean.dupont@example.org", "06 12 34 56 78", "", "x" * 41):
        searches.led_to_a_product(query)
    assert searches.top(5) == []
    assert not path.exists() or "dupont" not in path.read_text(encoding="utf-8")


def test_an_unreadable_file_starts_the_counts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "searches.json"
    path.write_text("{not json", encoding="utf-8")
    searches = PopularSearches(path)
    assert searches.top(3) == []
    searches.led_to_a_product("tente")
    assert PopularSearches(path).top(3) == ["tente"]
