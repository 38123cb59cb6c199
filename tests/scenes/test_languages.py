"""Five languages: picked by name, and the interface, prices, dates and keyboard follow."""

from __future__ import annotations

from kiosk.testing.pilot import Pilot

ROAD_BIKE = "2001000001019"  # Vélo de route Alto 520, 899 €


def test_the_picker_names_each_language_in_its_own_language(shopping: Pilot) -> None:
    shopping.tap("Langue")
    assert shopping.scene == "language"
    labels = shopping.labels()
    assert "Choisissez votre langue" in labels
    assert [name for name in labels if name in ("Français", "English", "Deutsch", "Español", "Italiano")] == \
        ["Français", "English", "Deutsch", "Español", "Italiano"]
    shopping.tap(x=540, y=60)  # outside the dialog: nothing changes
    assert shopping.scene == "home" and shopping.state()["session"]["language"] == "fr"


def test_the_picker_says_how_to_keep_the_language(shopping: Pilot) -> None:
    """A shopper who opened the picker by mistake sees a way out in their language, not only a tap outside."""
    shopping.tap("Langue")
    shopping.tap("Annuler")
    assert shopping.scene == "home" and shopping.state()["session"]["language"] == "fr"


def test_switching_language_translates_texts_and_formats_prices(shopping: Pilot) -> None:
    shopping.scan(ROAD_BIKE)
    expected = {
        "English": ("€899.00", "In the comparison", "Aisle A2: show on the map", "Language"),
        "Deutsch": ("899,00\xa0€", "Im Vergleich", "Gang A2: auf dem Plan zeigen", "Sprache"),
        "Español": ("899,00\xa0€", "En el comparador", "Pasillo A2: ver en el plano", "Idioma"),
        "Italiano": ("899,00\xa0€", "Nel confronto", "Corsia A2: mostra sulla mappa", "Lingua"),
        "Français": ("899,00\xa0€", "Dans le comparateur", "Rayon A2 : voir sur le plan", "Langue"),
    }
    picker = "Langue"
    for name, (price, compare, aisle, language_button) in expected.items():
        shopping.tap(picker)
        shopping.tap(name)
        labels = shopping.labels()
        assert shopping.scene == "product", name
        assert price in labels and compare in labels and aisle in labels, (name, labels)
        picker = language_button


def test_a_language_the_pack_lacks_shows_products_in_english(shopping: Pilot) -> None:
    shopping.scan(ROAD_BIKE)
    shopping.tap("Langue")
    shopping.tap("Deutsch")
    labels = shopping.labels()
    assert "Zurück" in labels
    assert "Road bike Alto 520" in labels or "Rennrad Alto 520" in labels  # the pack's German, else English
    assert "Vélo de route Alto 520" not in labels


def test_each_language_types_on_its_own_keyboard(shopping: Pilot) -> None:
    letters = {"Deutsch": ("ß", "ü", "z"), "Español": ("ñ",), "Italiano": ("ò", "à"), "English": ("q", "w")}
    picker = "Langue"
    for name, keys in letters.items():
        shopping.tap(picker)
        shopping.tap(name)
        picker = {"Deutsch": "Sprache", "Español": "Idioma", "Italiano": "Lingua", "English": "Language"}[name]
        shopping.tap({"Deutsch": "Produkt suchen", "Español": "Buscar un producto", "Italiano": "Cerca un prodotto",
                      "English": "Search for a product"}[name])
        before = shopping.details()["query"]  # the session remembers the last search
        for key in keys:
            shopping.tap(key)
        assert shopping.details()["query"] == before + "".join(keys), name
        shopping.tap({"Deutsch": "Start", "Español": "Inicio", "Italiano": "Home", "English": "Home"}[name])
