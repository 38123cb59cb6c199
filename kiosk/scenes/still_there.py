""""Are you still there?": a countdown before the session is wiped."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.ui.countdown import CountdownBar
from kiosk.ui.layout import Box, fixed, flex, leaf
from kiosk.ui.scene import Modal
from kiosk.ui.widgets import Label, Panel, Root


class StillThereDialog(ShopScene, Modal[bool]):
    """A modal dialog with the seconds left; a touch anywhere keeps the session. Its answer: True to
    keep the session, False to finish it."""

    name = "still_there"
    modal = True

    def __init__(self, ctx: SceneContext, seconds_left: Callable[[], float]) -> None:
        super().__init__(ctx)
        self.seconds_left = seconds_left
        self.countdown: Label | None = None
        self.number: Label | None = None  # the seconds, large
        self.bar: CountdownBar | None = None  # and a bar that empties with them
        self.total = max(1.0, ctx.shop.config.session.still_there_countdown_s, seconds_left())
        self.shown_seconds = -1

    def details(self) -> dict[str, Any]:
        """Seconds left."""
        return {"seconds_left": math.ceil(self.seconds_left())}

    def build(self, size: tuple[int, int]) -> Root:
        """The dialog in the middle of the dimmed screen."""
        t, kit = self.ctx.t, self.kit

        def body(box: Panel) -> list[Box]:
            left = self.seconds_left()
            number = kit.words(str(math.ceil(left)), size="headline", bold=True, color="accent", align="center",
                               max_lines=1)
            words = kit.words(self._countdown_text(left), align="center", color="muted")
            assert isinstance(words.widget, Label) and isinstance(number.widget, Label)
            self.countdown, self.number = words.widget, number.widget
            self.bar = CountdownBar((0, 0, 0, 0), left / self.total, label=self._countdown_text(left))
            self.shown_seconds = math.ceil(left)
            height = max(self.ctx.theme.size("gap"), self.ctx.theme.size("touch_target") // 4)
            return [number, leaf(self.bar, height=fixed(height)), words]

        root = self.dialog(size, t("Are you still there?"), body,
                           lambda box: [kit.button(t("Finish"), self.finish, style="secondary", width=flex()),
                                        kit.button(t("I'm still here"), self.keep, style="accent",
                                                   width=flex())])
        root.on_tap = self.keep  # a touch outside the dialog also means "I am here"
        root.label = t("I'm still here")
        return root

    def keep(self) -> None:
        """"I'm still here"."""
        self.dismiss(True)

    def finish(self) -> None:
        """"Finish": the session ends now."""
        self.dismiss(False)

    def _update_countdown(self) -> None:
        left = self.seconds_left()
        seconds = math.ceil(left)
        if seconds != self.shown_seconds and self.countdown is not None:
            self.shown_seconds = seconds
            said = self._countdown_text(seconds)
            self.countdown.set_text(said)
            if self.number is not None and self.bar is not None:
                self.number.set_text(str(seconds))
                self.bar.set_left(left / self.total, said)

    def _countdown_text(self, seconds: float) -> str:
        return self.ctx.t("For your privacy, your session ends in {seconds} s and what you chose is forgotten.",
                          seconds=math.ceil(seconds))

    def update(self, now: float) -> bool:
        """Count down, once a second."""
        self._update_countdown()
        return False

    def next_deadline(self, now: float) -> float | None:
        """The next whole second."""
        left = self.seconds_left()
        return now + (left - math.floor(left) or 1.0)
