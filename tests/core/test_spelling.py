""""Did you mean" writes a corrected word as the catalogue writes it: accents, and the case its texts give it."""

from __future__ import annotations

from kiosk.core.catalog.spelling import spellings, usual_spelling


def test_the_spelling_written_most_wins_accents_and_all() -> None:
    texts = ["Tente dôme 4 places", "Une tente légère. Tenté par le bivouac ?", "La tente se monte seule."]
    assert usual_spelling(spellings("tente", texts), "fr") == "tente"
    assert usual_spelling(spellings("tente", ["Il a tenté le sommet.", "tenté", "Tente 2"]), "fr") == "tenté"


def test_a_word_that_opens_a_name_or_a_sentence_is_shown_in_lower_case() -> None:
    assert usual_spelling(spellings("velo", ["Vélo de route Alto 900", "Vélo électrique. Vélo pliant"]), "fr") \
        == "vélo"
    assert usual_spelling(spellings("velo", ["Vélo de route", "Un vélo léger"]), "fr") == "vélo"


def test_the_case_a_sentence_or_a_brand_gives_a_word_is_kept() -> None:
    assert usual_spelling(spellings("gps", ["Montre GPS Trail", "GPS"]), "fr") == "GPS"
    assert usual_spelling(spellings("alpenrad", ["Vélo Alpenrad"], ["Alpenrad"]), "fr") == "Alpenrad"
    assert usual_spelling(spellings("uhren", ["Die Uhren für den Berg"]), "de") == "Uhren"


def test_german_nouns_keep_their_capital_even_opening_a_name() -> None:
    assert usual_spelling(spellings("laufschuhe", ["Laufschuhe Trail 500"]), "de") == "Laufschuhe"
    assert usual_spelling(spellings("laufschuhe", ["Laufschuhe Trail 500"]), "fr") == "laufschuhe"


def test_a_word_no_text_has_has_no_spelling() -> None:
    assert usual_spelling(spellings("zzz", ["Tente dôme"]), "fr") is None
