"""The landscape comparison's legend, beside the products' heads, says its two things in few lines (designer's
review of normal mode, issue 22): in a names' column a fifth of the width, the French 1920x1080 screen said
"Différences seulement" on two lines and "Ligne colorée : ils diffèrent" on two more. The column is now as wide as
either needs on one line, up to a quarter of the width: the switch's words on one line, three lines in all at most,
two in French at 1920x1080."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Label, Toggle, Widget
from tests.scenes.helpers import comparing, session

CASES = [(display, size, language) for display, size in (("terminal", (1920, 1080)), ("window", (3840, 2160)))
         for language in ("fr", "de")]


def shown(pilot: Pilot) -> list[Widget]:
    """The widgets of the screen shown."""
    screen = pilot.app.display().screen
    return list(screen.stack.top.tree(screen.size).walk())


def switch_lines(pilot: Pilot) -> int:
    """On how many lines the "differences only" switch says its words, in its box (as it paints them)."""
    ctx = pilot.app.display().ctx
    theme, cache = ctx.theme, ctx.screen.text
    switch = next(widget for widget in shown(pilot)
                  if isinstance(widget, Toggle) and widget.switch)
    size = theme.size(switch.size_name)
    step = cache.line_height(size, True)
    mark = Toggle.mark_width(theme, cache, switch.size_name, True)
    room = switch.rect.width - 2 * (theme.size("gap") // 2 + theme.px(8)) - mark - Toggle.label_gap(step)
    return len(cache.wrap(switch.label, size, room, True, 3))


def legend_lines(pilot: Pilot) -> int:
    """On how many lines the legend says what a shaded row means."""
    ctx = pilot.app.display().ctx
    said = next(widget for widget in shown(pilot)
                if isinstance(widget, Label) and widget.label == ctx.t("Shaded row: they differ"))
    return round(said.rect.height / ctx.screen.text.line_height(ctx.theme.size("small"), True))


@pytest.mark.parametrize("display, size, language", CASES, ids=[f"{d}-{w}x{h}-{lang}" for d, (w, h), lang in CASES])
@pytest.mark.quick_first(1)  # the French 1920x1080 screen; the rest in CI
def test_the_landscape_legend_says_its_two_things_in_few_lines(tmp_path: Path, display: str,
                                                                 size: tuple[int, int], language: str) -> None:
    with session(tmp_path, display, size, language) as pilot:
        comparing(pilot, ("RUN-115", "RUN-112", "RUN-113", "RUN-114"))
        switch, legend = switch_lines(pilot), legend_lines(pilot)
        assert switch == 1, f"'{pilot.app.display().ctx.t('Differences only')}' on {switch} lines"
        assert switch + legend <= (2 if (size, language) == ((1920, 1080), "fr") else 3), \
            f"the legend beside the heads on {switch} + {legend} lines"
