"""The one composition root: config -> shop, outputs and displays -> app; then its devices and services.

The command line, the pilot (tests) and the benchmarks all build the kiosk here, so what runs in a
store is what was tested. Nothing else chooses an implementation: a service that is not configured
stays the null object of its port (kiosk/store/ports.py).
"""

from __future__ import annotations

import queue

from displays import DISPLAY_ROLES
from drivers.devices import open_devices
from kiosk.app.display import Display
from kiosk.app.loop import App, init_pygame
from kiosk.app.outputs import Output
from kiosk.automation.commands import AutomationCommands
from kiosk.automation.fleet_commands import FleetCommands
from kiosk.config import KioskConfig
from kiosk.core.clock import Clock, SystemClock
from kiosk.core.messages import Message, Quit, Redraw
from kiosk.store.ports import Device
from kiosk.store.shop import Shop


def build_app(config: KioskConfig, *, display_names: tuple[str, ...] = (), headless: bool = False,
              windowed: bool = False, clock: Clock | None = None) -> App:
    """The kiosk for `config`, its displays (all, or those named) on their outputs; devices not started."""
    init_pygame(headless)
    clock = clock or SystemClock()
    messages: queue.Queue[Message] = queue.Queue()
    post = messages.put
    shop = Shop(config, post, clock)
    chosen = [d for d in config.displays if not display_names or d.name in display_names]
    if not chosen:
        raise ValueError(f"no display named {', '.join(display_names)} in {config.source}")
    outputs: list[Output] = []
    displays: list[Display] = []
    for display_config in chosen:
        output = Output(display_config.name, display_config.size, headless=headless, windowed=windowed)
        display = DISPLAY_ROLES[display_config.role](display_config, shop, output.surface, clock)
        display.screen.images.wake = lambda: post(Redraw())
        display.on_quit = lambda: post(Quit("closed by staff"))
        shop.catalog_listeners.append(display.screen.rebuild_all)
        shop.settings_listeners.append(display.apply_settings)
        outputs.append(output)
        displays.append(display)
    app = App(config, shop, outputs, displays, messages, headless=headless, clock=clock)
    app.automation = AutomationCommands(app).handle
    app.fleet_commands = FleetCommands(app).handle
    return app


def start_devices(app: App) -> None:
    """Open the config's scanners and card reader, each for its display, plug the configured services
    into the shop's ports (mail, fleet, backend, printer, speech), and start them all."""
    config, shop, post = app.config, app.shop, app.post
    devices: list[Device] = list(open_devices(config, post, app.product_codes))
    for scanner in config.devices.scanners:
        owner = app.owner_of("scan", scanner.display)
        if owner is not None:
            app.device_owners[scanner.address] = owner
    card_owner = app.owner_of("card", config.devices.nfc_display)
    if config.devices.nfc and card_owner is not None:
        app.device_owners[config.devices.nfc] = card_owner
    retry = (config.outbox.first_retry_s, config.outbox.max_retry_s)
    if shop.mail_enabled:
        from kiosk.services.mail import MailSender

        mail = MailSender(config.mail, shop.outbox.path, post, retry, app.clock)
        shop.senders.append(mail)
        devices.append(mail)
    if config.fleet.host:
        from kiosk.services.fleet import FleetLink

        fleet = FleetLink(config.fleet, config.store.id, config.fleet.device or app.displays[0].name, post, app.clock)
        shop.fleet = fleet
        devices.append(fleet)
    if config.backend.base_url:
        from kiosk.services.backend import BackendClient
        from kiosk.services.backend_sender import BackendSender

        backend = config.backend
        shop.backend = BackendClient(backend.base_url, backend.token, backend.timeout_s, post)
        for kind in ("order", "review"):
            sender = BackendSender(kind, backend.base_url, backend.token, backend.timeout_s, shop.outbox.path, post,
                                   retry, app.clock)
            shop.senders.append(sender)
            devices.append(sender)
    if config.printer.address:
        from kiosk.services.printer import PrinterService

        printer = PrinterService(config.printer.address, post, config.printer.timeout_s)
        shop.printer = printer
        devices.append(printer)
    if config.accessibility.speech:
        from kiosk.services.speech import Speaker

        access = config.accessibility
        speaker = Speaker(access.speech, access.rate, post, config.path(access.render_to) if access.render_to else None)
        shop.speaker = speaker
        devices.append(speaker)
    app.start(devices)
