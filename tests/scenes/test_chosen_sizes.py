"""The size or colour a shopper chose stays chosen for the session: on the product's page when they come back
to it, and in the comparison, which says it in a first row."""

from __future__ import annotations

from kiosk.testing.pilot import Pilot


def test_a_size_chosen_stays_chosen_when_the_page_opens_again(shopping: Pilot) -> None:
    shopping.scan("2001000001156")  # Racer Carbon Pro
    shopping.tap(label="42")
    shopping.tap(label="Retour")
    shopping.scan("2001000001156")
    assert shopping.details()["variant"] == "RUN-115-42"
    assert shopping.app.display().session.chosen == {"RUN-115": "RUN-115-42"}


def test_the_comparison_says_the_sizes_chosen_first(shopping: Pilot) -> None:
    shopping.scan("2001000001156")  # Racer Carbon Pro, in 42
    shopping.tap(label="42")
    shopping.tap(label="Dans le comparateur")
    shopping.scan("2001000001019")  # a road bike: no size
    shopping.tap(label="Dans le comparateur")
    shopping.tap(label="Comparer (2)")
    assert shopping.details()["rows"][0] == "choice"
    labels = shopping.labels()
    assert "Votre choix" in labels and "Taille 42" in labels


def test_a_comparison_without_choices_has_no_such_row(shopping: Pilot) -> None:
    for code in ("2001000001019", "2001000001026"):
        shopping.scan(code)
        shopping.tap(label="Dans le comparateur")
    shopping.tap(label="Comparer (2)")
    assert "choice" not in shopping.details()["rows"] and "Votre choix" not in shopping.labels()


def test_the_choices_go_with_the_session(shopping: Pilot) -> None:
    shopping.scan("2001000001156")
    shopping.tap(label="43")
    session = shopping.app.display().session
    assert session.chosen == {"RUN-115": "RUN-115-43"}
    session.wipe()
    assert session.chosen == {}
