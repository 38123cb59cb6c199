"""The one composition root: config -> shop, outputs and displays -> app; then its devices and services.

The command line, the pilot (tests) and the benchmarks all build the kiosk here, so what runs in a
store is what was tested. Nothing else chooses an implementation: a service that is not configured
stays the null object of its port (kiosk/shared/ports.py).
"""

from __future__ import annotations

import logging
import queue
from dataclasses import replace
from datetime import timedelta

from displays import DISPLAY_ROLES, ShopDisplay
from drivers.devices import open_devices
from drivers.nfc.identity import card_secret
from drivers.nfc.sim import SimCardReader
from drivers.scanners import SimScanner
from kiosk.app.display import Display
from kiosk.app.loop import App, init_pygame
from kiosk.app.monitors import choose, monitors, touch_devices
from kiosk.app.outputs import Output, desk_scales, turned
from kiosk.app.power import DisplaySwitch, PowerManager, ScreenPower
from kiosk.automation.commands import AutomationCommands
from kiosk.automation.fleet_commands import FleetCommands
from kiosk.config import KioskConfig
from kiosk.config.settings import DisplayConfig
from kiosk.core.hours.clock import Clock, SystemClock
from kiosk.core.hours.power_schedule import PowerRule, quiet_hours
from kiosk.core.messages import Message, Quit, Redraw
from kiosk.services.screen_power import methods_for
from kiosk.shared.ports import Device
from kiosk.shared.shop import Shop

log = logging.getLogger(__name__)


def build_app(config: KioskConfig, *, display_names: tuple[str, ...] = (), headless: bool = False,
              windowed: bool = False, clock: Clock | None = None, power: bool | None = None) -> App:
    """The kiosk for `config`, its displays (all, or those named) on their outputs; devices not started.
    Screens go off and on by the schedule ([power]) in full screen, unless `power` says otherwise."""
    init_pygame(headless)
    clock = clock or SystemClock()
    messages: queue.Queue[Message] = queue.Queue()
    post = messages.put
    shop = Shop(config, post, clock)
    if config.content.url:  # head office's signed packs, fetched over HTTPS before each import
        from kiosk.services.content_fetch import ContentFetcher
        from kiosk.shared.shop import fetched_packs

        content = config.content
        shop.content_source = ContentFetcher(content.url, content.public_key, fetched_packs(config),
                                             max_bytes=content.max_mb * 1_000_000,
                                             ca_file=str(config.path(content.ca_file)) if content.ca_file else "",
                                             deadline_s=content.download_deadline_s,
                                             min_rate_kb_s=content.min_rate_kb_s, stall_s=content.stall_s,
                                             redirect_hosts=content.redirect_hosts)
    chosen = [d for d in config.displays if not display_names or d.name in display_names]
    if not chosen:
        raise ValueError(f"no display named {', '.join(display_names)} in {config.source}")
    outputs: list[Output] = []
    displays: list[Display] = []
    screens = monitors() if not headless else []
    taken: set[int] = set()
    tile_x, gap = 0, 8
    scales = (desk_scales([turned(d.size, d.rotation) for d in chosen], gap) if windowed and not headless
              else [1.0] * len(chosen))
    for display_config, scale in zip(chosen, scales, strict=True):
        screen = choose(display_config.output, screens, taken)
        if screen is not None:
            taken.add(screen.index)
        output = Output(display_config.name, display_config.size, headless=headless, windowed=windowed,
                        rotation=display_config.rotation, monitor=screen, tile_x=tile_x, desk_scale=scale)
        tile_x += output.window.size[0] + gap  # on a desk, the next window beside this one
        if output.size != display_config.size:  # the screen there is wins: laid out for its real size
            log.info("display %s is %dx%d on its screen (configured %dx%d)", display_config.name, *output.size,
                     *display_config.size)
            display_config = replace(display_config, size=output.size)
        display = ShopDisplay(DISPLAY_ROLES[display_config.role], display_config, shop, output.surface, clock)
        display.screen.images.wake = lambda: post(Redraw())
        display.on_quit = lambda: post(Quit("closed by staff"))
        shop.catalog_listeners.append(display.screen.rebuild_all)
        shop.settings_listeners.append(display.apply_settings)
        outputs.append(output)
        displays.append(display)
    claim_touch_screens(outputs, [d.touch for d in chosen])
    app = App(config, shop, outputs, displays, messages, headless=headless, clock=clock)
    if power if power is not None else not (headless or windowed):  # a desk's screen is not the kiosk's to switch
        app.power = PowerManager(screen_powers(config, chosen), shop.hours, lambda: _shop_open(shop), post)
        for shown in displays:
            shown.screen_switch = DisplaySwitch(app.power, shown.name, app.clock.now, app.clock.monotonic)
    app.automation = AutomationCommands(app).handle
    app.fleet_commands = FleetCommands(app).handle
    return app


def _shop_open(shop: Shop) -> bool | None:
    """Open or closed as staff or head office said (None: by the hours)."""
    override = shop.local.closed_override
    return None if override is None else not override


def screen_powers(config: KioskConfig, displays: list[DisplayConfig]) -> list[ScreenPower]:
    """Each display's screen power: its rule (the hours, the grace, quiet hours for a shop window) and
    the methods to switch it, as [power] says."""
    power = config.power
    made: list[ScreenPower] = []
    if power.method == "none":  # the screens are someone else's to switch
        return made
    for display in displays:
        rule = PowerRule(display.power, timedelta(minutes=power.grace_before_min),
                         timedelta(minutes=power.grace_after_min),
                         quiet_hours(power.quiet_hours, config.store.country, display.role))
        methods = methods_for(power.method, cec_address=power.cec_address,
                              wayland_output=power.wayland_output or display.output, backlight=power.backlight)
        made.append(ScreenPower(display.name, rule, methods, wake_on_touch=power.wake_on_touch,
                                wake_for=timedelta(minutes=power.wake_minutes)))
    return made


def claim_touch_screens(outputs: list[Output], names: list[str]) -> None:
    """Give each display the touch devices named in its config (`touch`), so that a finger on one
    screen never presses a button on another; unnamed devices go by window, as SDL says."""
    if not any(names):
        return
    devices = touch_devices()
    claimed = []
    for output, name in zip(outputs, names, strict=True):
        output.claimed = frozenset(touch for touch, device in devices.items() if name and name in device)
        if name and not output.claimed:
            log.warning("no touch device named %s (there are: %s)", name, ", ".join(devices.values()) or "none")
        claimed.append(output.claimed)
    everything = frozenset().union(*claimed)
    for output in outputs:
        output.all_claimed = everything


def start_devices(app: App) -> None:
    """Open the config's scanners and card reader, each for its display, plug the configured services
    into the shop's ports (mail, fleet, backend, printer, speech), and start them all."""
    config, shop, post = app.config, app.shop, app.post
    secret = card_secret(config.devices.card_secret, config.store.id)
    opened = open_devices(config.devices.scanners, config.devices.nfc, secret, post, lambda: shop.catalog.gtins(200))
    app.demo_keys = {device.demo_key: device.demo for device in opened
                     if isinstance(device, SimScanner | SimCardReader)}  # the desk demo's F2 and F3
    devices: list[Device] = list(opened)
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
        from kiosk.services.fleet_link import FleetLink

        fleet = FleetLink(config.fleet, config.store.id, app.device, post, app.clock)
        shop.fleet = fleet
        devices.append(fleet)
    if config.backend.base_url:
        from kiosk.services.backend import BackendClient
        from kiosk.services.backend_sender import KINDS, BackendSender

        backend = config.backend
        shop.backend = BackendClient(backend.base_url, backend.token, backend.timeout_s, post)
        for kind in KINDS:
            sender = BackendSender(kind, backend.base_url, backend.token, backend.timeout_s, shop.outbox.path, post,
                                   retry, app.clock)
            shop.senders.append(sender)
            devices.append(sender)
    if config.printer.address:
        from drivers.printer import ReceiptPrinter
        from kiosk.services.printer import PrinterService

        printer = PrinterService(ReceiptPrinter(config.printer.address, config.printer.timeout_s), post)
        shop.printer = printer
        devices.append(printer)
    if config.accessibility.speech:
        from kiosk.services.speech import Speaker

        access = config.accessibility
        speaker = Speaker(access.speech, access.rate, post, config.path(access.render_to) if access.render_to else None)
        shop.speaker = speaker
        devices.append(speaker)
    app.start(devices)
