"""In accessible mode the language dialog asks its question in every language the store offers, together in its box:
its title in the session's language, the question in the others under it, over the languages (designer's review,
issue 22: on a portrait screen the question in the other languages stood in the strip above the reach zone, far from
the dialog that asked it in the session's language). The strip says what the screen under the dialog said, dimmed
with it."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.scenes.helpers import started
from tests.test_layout_matrix import SHAPES

CASES = [(display, size, language) for display, size in SHAPES for language in ("de", "fr")]


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language", CASES, ids=[f"{d}-{w}x{h}-{lang}" for d, (w, h), lang in CASES])
def test_the_language_question_is_asked_in_every_language_in_the_dialog_s_box(
        tmp_path: Path, display: str, size: tuple[int, int], language: str) -> None:
    pilot = started(tmp_path, display, size, language, accessible=True)
    try:
        shown = pilot.app.display()
        ctx, screen = shown.ctx, shown.screen
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        under = screen.banner_lines
        ctx.show(ctx.routes.language_picker())
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        title = ctx.t("Choose your language")
        others = [ctx.shop.t(other)("Choose your language") for other in ctx.shop.config.store.languages]
        others = [line for line in dict.fromkeys(others) if line != title]
        assert others, "the store speaks other languages"
        words = {w["label"]: pygame.Rect(w["bounds"]) for w in widgets if w["role"] != "list"}
        languages = [pygame.Rect(w["bounds"]) for w in widgets if w["role"] in ("button", "radio") and w["label"] in
                     ("Français", "English", "Deutsch", "Español", "Italiano")]
        assert len(languages) == 5 and not any(w["clipped"] for w in widgets if w["role"] in ("button", "radio")), \
            "every language whole, none scrolled out of sight under the question"
        box = languages[0].unionall(languages[1:])
        # (as many of them to a line as fit, one after the other)
        said = {line: next((label for label in words if line in label.split(" · ")), "") for line in others}
        for line, holder in said.items():
            assert holder, f"{line!r} in the dialog: {sorted(words)}"
            assert words[title].bottom <= words[holder].top and words[holder].bottom <= box.top, \
                f"{line!r} at {list(words[holder])}: under the title {list(words[title])}, over {list(box)}"
            assert box.left - ctx.theme.size("margin") * 2 <= words[holder].centerx <= box.right, \
                f"{line!r} at {list(words[holder])} over the languages {list(box)}"
            assert line not in " · ".join(screen.banner_lines), f"{line!r} not in the strip: {screen.banner_lines}"
        if screen.offset:
            assert screen.banner_lines == under, "the strip says what the screen under the dialog said"
        picture = pilot.picture()
        for holder in set(said.values()):  # drawn: more than the box's colour in its place
            area = words[holder]
            assert len({tuple(picture.get_at((x, y))) for x in range(area.left, area.right, 3)
                        for y in range(area.top, area.bottom, 3)}) > 2, f"{line!r} drawn"
    finally:
        pilot.close()
