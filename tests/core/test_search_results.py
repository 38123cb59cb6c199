"""All the results of a search, as a department is browsed: sorted, filtered, by department, typos forgiven."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.core.catalog.build import ensure_catalog
from kiosk.core.catalog.database import BrowseFilter, Catalog
from tests.conftest import REPO


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    opened = Catalog(ensure_catalog(REPO / "content" / "demo", tmp_path_factory.mktemp("catalog") / "catalog.db"))
    yield opened
    opened.close()


def test_every_product_a_search_finds_is_listed_not_only_the_first_page(catalog: Catalog) -> None:
    every = catalog.browse(None, "relevance", query="runing", limit=1000)
    assert len(every) == catalog.count(None, query="runing") > len(catalog.search("runing", 5))
    assert {p.sku for p in catalog.search("runing", 1000)} <= {p.sku for p in every}


def test_relevance_lists_the_department_the_query_names_first(catalog: Catalog) -> None:
    found = [p.category for p in catalog.browse(None, "relevance", query="running", limit=1000)]
    shoes = catalog.count("running")
    assert set(found[:shoes]) == {"running"} and "headlamps" in found[shoes:], "a headlamp called Run comes after"


def test_results_sort_by_price_and_rating(catalog: Catalog) -> None:
    prices = [p.price_cents for p in catalog.browse(None, "price_asc", query="tente", limit=1000)]
    assert prices == sorted(prices) and len(prices) > 3
    ratings = [p.rating for p in catalog.browse(None, "rating", query="tente", limit=1000)]
    assert ratings == sorted(ratings, reverse=True)


def test_the_departments_of_the_results_with_how_many_each(catalog: Catalog) -> None:
    departments = catalog.departments_found("run")
    assert departments[0] == ("running", catalog.count("running"))
    assert sum(count for _, count in departments) == catalog.count(None, query="run")
    assert catalog.departments_found("qwxyz") == []


def test_a_department_of_the_results_has_its_own_filters(catalog: Catalog) -> None:
    facets = catalog.facets("headlamps", query="run")
    assert facets.count == catalog.count("headlamps", query="run") == 2 and facets.brands
    cheap = BrowseFilter(price_max_cents=facets.price_bands[0][1])
    assert 0 < catalog.count("headlamps", cheap, query="run") < facets.count
    assert all(p.category == "headlamps" and p.price_cents < (cheap.price_max_cents or 0)
               for p in catalog.browse("headlamps", "popular", cheap, query="run"))


def test_a_search_that_finds_nothing_lists_nothing(catalog: Catalog) -> None:
    assert catalog.browse(None, "relevance", query="qwxyz") == [] and catalog.count(None, query="qwxyz") == 0
    assert catalog.facets(None, query="qwxyz").count == 0
