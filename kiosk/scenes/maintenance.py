"""The maintenance menu behind the staff PIN: devices and their tests, outbox and orders, content,
settings, screen test and log, exit."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pygame

from kiosk.core.language.i18n import N_
from kiosk.scenes.base import ShopScene
from kiosk.scenes.context import SceneContext
from kiosk.shared.ports import NoScreenSwitch, ScreenSwitch
from kiosk.shared.recent_log import RECENT
from kiosk.ui.layout import Box, Insets, column, fit, grid, leaf, row, scroll, text
from kiosk.ui.widgets import Button, Label, Panel, Root, Widget

POWER_REASONS = {"open": N_("the shop is open"), "opening soon": N_("the shop opens soon"),
                 "just closed": N_("the shop just closed"), "after hours": N_("lit after hours"),
                 "quiet hours": N_("quiet hours"), "closed": N_("the shop is closed"),
                 "woken by a touch": N_("woken by a touch"), "staff": N_("staff's choice"),
                 "turned off by staff": N_("staff's choice")}


class MaintenanceScene(ShopScene):
    """What staff can see and do on the spot."""

    name = "maintenance"

    def __init__(self, ctx: SceneContext, open_devices: Callable[[], None], quit_kiosk: Callable[[], None],
                 screen_switch: ScreenSwitch | None = None) -> None:
        super().__init__(ctx)
        self.open_devices = open_devices
        self.quit_kiosk = quit_kiosk
        self.screen_switch = screen_switch or NoScreenSwitch()
        self.message = self._refused_text(ctx.shop.content_refused)

    def _refused_text(self, problems: list[Any]) -> str:
        if not problems:
            return ""
        return self.ctx.t.plural("The new content was refused ({count} problem); the previous one stays.",
                                 "The new content was refused ({count} problems); the previous one stays.",
                                 len(problems)) + f" {problems[0]}"

    def details(self) -> dict[str, Any]:
        """Outbox counts and content version."""
        return {"outbox": self.ctx.shop.outbox.counts(), "content_version": self.ctx.shop.catalog.version,
                "content_refused": len(self.ctx.shop.content_refused), "message": self.message}

    def build(self, size: tuple[int, int]) -> Root:
        """A column of sections, scrolled when the screen is short (a landscape window)."""
        ctx, theme, t = self.ctx, self.ctx.theme, self.ctx.t
        margin, gap = theme.size("margin"), theme.size("gap")
        cache, target = ctx.screen.text, theme.size("touch_target")

        def section(title: str, text_: str, actions: list[tuple[str, Callable[[], None]]]) -> Box:
            panel = Panel((0, 0, 0, 0), "surface")
            heading = Label((0, 0, 0, 0), title, size="title", bold=True, heading=True, wrap=True)
            about = Label((0, 0, 0, 0), text_, color="muted", wrap=True)
            buttons = [Button((0, 0, 0, 0), label, action, style="secondary",
                              size="small" if len(actions) > 2 else "text") for label, action in actions]
            return column(text(heading, cache, theme, sizes=("text",), max_lines=2), text(about, cache, theme),
                          row(*(leaf(button, height=fit(min=target)) for button in buttons), gap=gap),
                          gap=gap, padding=Insets.all(margin // 2), widget=panel)

        counts = ctx.shop.outbox.counts()
        orders = len(ctx.shop.outbox.waiting("order"))
        sections = [
            section(t("Devices"), t("Scanners, card reader, printer, broker, backend, mail"),
                    [(t("Show devices"), self.open_devices), (t("Scan test"), self.scan_test),
                     (t("Card test"), self.card_test)]),
            section(t("Outbox"), t("{pending} waiting, {held} held for staff, {sent} sent", **counts),
                    [(t("Orders ({count})", count=orders), self.show_orders), (t("Retry now"), self.retry),
                     (t("Export as CSV"), self.export)]),
            section(t("Content"), self._content_text(),
                    [(t("Reload"), self.reload), (t("Roll back"), self.roll_back)]),
            section(t("Settings"), t("Language, session length, shop window open or closed"),
                    [(t("Change settings"), self.settings)]),
            *([section(t("Screen power"), self._power_text(),
                       [(t("Turn off"), partial(self.switch, "off")), (t("Turn on"), partial(self.switch, "on")),
                        (t("Follow the schedule"), partial(self.switch, "schedule"))])]
              if self.screen_switch.available else []),
            section(t("Screen and log"), t("Colour bars, the touch grid, the last lines the kiosk wrote"),
                    [(t("Show test page"), self.test_page), (t("Show the log"), self.show_log)]),
            section(t("Exit"), t("Close the kiosk and go back to the system"),
                    [(t("Exit the kiosk"), self.quit_kiosk)]),
        ]
        if self.message:  # what the last action did, first: staff look for it where they tapped
            sections.insert(0, text(Label((0, 0, 0, 0), self.message, wrap=True, color="best", valign="top"),
                                    cache, theme))
        columns = 2 if self.wide(size) else 1  # a landscape screen: sections side by side
        message = [sections.pop(0)] if self.message else []
        content = column(*message, grid(*sections, columns=columns, gap=gap), gap=gap, padding=Insets.all(margin))
        return self.screen(size, t("Maintenance"), scroll(content, t("Maintenance")))

    def _content_text(self) -> str:
        """The content running, and the feed rows its import left out (within the pack's allowance)."""
        t, catalog = self.ctx.t, self.ctx.shop.catalog
        said = t.plural("Version {version}, {count} product", "Version {version}, {count} products",
                        catalog.product_count(), version=catalog.version)
        offered = self.ctx.shop.content_offered
        if offered is not None and offered.version != catalog.version:
            said += " · " + t("offered: {version}", version=offered.version)
        if catalog.left_out:
            said += " · " + t.plural("{count} feed row left out (see the log)",
                                     "{count} feed rows left out (see the log)", catalog.left_out)
        return said

    def _power_text(self) -> str:
        """The screen's power as staff read it: on or off on purpose (and why, by which method), or the
        error when no method could switch it."""
        t, state = self.ctx.t, self.screen_switch.state()
        if not state:
            return t("Not switched yet")
        why = t(POWER_REASONS.get(str(state.get("reason", "")), "")) if state.get("reason") else ""
        said = (t("On ({why})", why=why) if state.get("on") else t("Off on purpose ({why})", why=why)) if why \
            else (t("On") if state.get("on") else t("Off"))
        if state.get("method"):
            said += " · " + t("by {method}", method=str(state["method"]))
        if state.get("error"):
            said += " · " + t("problem: {error}", error=str(state["error"])[:120])
        return said

    def switch(self, power: str) -> None:
        """Staff turn the screen off or on, or give it back to the schedule."""
        self.screen_switch.ask(power)
        self.message = {"off": self.ctx.t("The screen turns off; a tap on it does nothing until it is on again."),
                        "on": self.ctx.t("The screen stays on until you give it back to the schedule."),
                        "schedule": self.ctx.t("The screen follows the opening hours again.")}[power]
        self.rebuild()

    def retry(self) -> None:
        """Try waiting items again now, those held for staff included (staff fixed the cause)."""
        kinds = ("email", "order", "review")
        outbox = self.ctx.shop.outbox
        outbox.release_held(kinds)
        outbox.retry_now(kinds)
        self.ctx.shop.outbox_added()
        self.message = self.ctx.t("Waiting items will be tried again now.")
        self.rebuild()

    def show_orders(self) -> None:
        """The orders staff still have to see to."""
        self.ctx.show(self.ctx.routes.staff_orders())

    def settings(self) -> None:
        """Staff's settings."""
        self.ctx.show(self.ctx.routes.staff_settings())

    def scan_test(self) -> None:
        """Every scan shows raw, with its meaning."""
        self.ctx.show(self.ctx.routes.device_test("scan"))

    def card_test(self) -> None:
        """Every card shows, with its meaning."""
        self.ctx.show(self.ctx.routes.device_test("card"))

    def roll_back(self) -> None:
        """Back to the content before the last import."""
        t = self.ctx.t
        if self.ctx.shop.roll_back():
            self.message = t("Rolled back to version {version}; a reload brings the newest again.",
                             version=self.ctx.shop.catalog.version)
        else:
            self.message = t("There is no previous content to go back to.")
        self.rebuild()

    def export(self) -> None:
        """Write the outbox (without personal data) as CSV for staff."""
        path = self.ctx.shop.export_outbox()
        self.message = self.ctx.t("Exported to {path}", path=str(path))
        self.rebuild()

    def reload(self) -> None:
        """Import the content pack again if it changed, in a worker: the menu says so, and then how it went."""
        started = self.ctx.shop.import_catalog(self._reloaded)
        if started:
            self.message = self.ctx.t("Importing the new content…")
        self.rebuild()

    def _reloaded(self, problems: list[Any]) -> None:
        self.message = (self.ctx.t("Content reloaded: version {version}", version=self.ctx.shop.catalog.version)
                        if not problems else self._refused_text(problems))
        if not problems:
            return  # the swap rebuilds every scene, this one with its new message
        if self.ctx.screen.stack.top is self:
            self.rebuild()

    def show_log(self) -> None:
        """The last log lines."""
        self.ctx.show(LogScene(self.ctx))

    def test_page(self) -> None:
        """Colour bars and a touch grid."""
        self.ctx.show(TestPageScene(self.ctx))


class ColourBars(Widget):
    """Eight colour bars and, on black, a grid of lines every 10% of the screen."""

    def paint(self, painter: Any, rect: pygame.Rect) -> None:
        """Draw them over the whole screen (the menu under the page must not show through the grid)."""
        painter.surface.fill((0, 0, 0), rect)
        colours = [(255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0), (255, 0, 255), (255, 0, 0),
                   (0, 0, 255), (0, 0, 0)]
        bar = rect.width / len(colours)
        for index, colour in enumerate(colours):
            painter.surface.fill(colour, (rect.x + round(index * bar), rect.y, round(bar) + 1, rect.height // 2))
        for step in range(11):
            x = rect.x + rect.width * step // 10
            y = rect.y + rect.height * step // 10
            pygame.draw.line(painter.surface, (128, 128, 128), (x, rect.centery), (x, rect.bottom))
            if y >= rect.centery:
                pygame.draw.line(painter.surface, (128, 128, 128), (rect.x, y), (rect.right, y))


class TestPageScene(ShopScene):
    """The screen test; any tap closes it."""

    name = "test_page"

    def build(self, size: tuple[int, int]) -> Root:
        """Bars above, grid below, and in the grid's middle how to leave (a tap anywhere)."""
        width, height = size
        theme, kit = self.ctx.theme, self.kit
        root = Root((0, 0, *size), color="")
        root.add(ColourBars(pygame.Rect((0, 0), size)))
        root.on_tap = self.ctx.back
        root.label = self.ctx.t("Close the test page")
        note = kit.panel("toast")
        said = column(kit.words(self.ctx.t("Touch anywhere to close the test page"), color="on_toast",
                                bold=True, align="center", max_lines=3),
                      padding=Insets.all(theme.size("gap")), widget=note)
        note_w = min(width - 2 * theme.size("margin"), theme.size("dialog"))
        note_h = said.natural(note_w)[1]
        kit.place(root, said, pygame.Rect((width - note_w) // 2, height * 3 // 4 - note_h // 2, note_w, note_h))
        return root


class LogScene(ShopScene):
    """The last log lines, newest at the bottom, for staff."""

    name = "log"

    def details(self) -> dict[str, Any]:
        """How many lines are shown."""
        return {"lines": len(RECENT.lines)}

    def build(self, size: tuple[int, int]) -> Root:
        """One small line per entry, as many as fit."""
        theme, t = self.ctx.theme, self.ctx.t
        width, height = size
        margin = theme.size("margin")
        line_h = self.ctx.screen.text.line_height(theme.size("small"))
        room = height - self.header(t("Log")).natural(width)[1] - 3 * margin // 2
        shown = list(RECENT.lines)[-max(1, room // line_h):]  # the newest that fit, one line each
        lines = [self.kit.words(line, size="small", max_lines=1,
                                color="danger" if " WARNING " in line or " ERROR " in line else "text")
                 for line in shown]
        return self.screen(size, t("Log"), column(*lines, padding=Insets(margin // 2, margin, margin, margin)))
