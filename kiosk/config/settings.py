"""The kiosk's configuration, read once from a TOML file into frozen dataclasses.

Relative paths in the file are relative to the file itself, so a config can be moved with its
content pack and theme. The files that ship with the kiosk (interface texts, phone page, themes) are
the installed package's own unless the config names others, so a config needs nothing beside it; what
an earlier version's config says differently is a warning, never a stop (kiosk/config/upgrade.py).
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.config.schema import bounded, convert
from kiosk.config.toml_lines import key_lines, line_of
from kiosk.config.upgrade import KeyPath, Upgraded, old_forms, retire_keys
from kiosk.core.hours.opening_hours import WEEKDAYS, OpeningHours, parse_spans
from kiosk.core.hours.power_schedule import quiet_hours
from kiosk.core.problems import ConfigError, Problem
from kiosk.shipped import shipped, shipped_theme

log = logging.getLogger(__name__)
LANGUAGES = ("fr", "en", "de", "es", "it")
ROLES = ("terminal", "window")
LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
HOST_NAME = re.compile(rf"(?=.{{1,253}}$){LABEL}(\.{LABEL})*")  # a DNS name: no scheme, port or path


@dataclass(frozen=True)
class StoreConfig:
    """The store this device stands in."""

    id: str = bounded(example='"lyon-01"')
    name: str = bounded(example='"Sentier & Cie"')
    currency: str = bounded("EUR", choices=("EUR", "CHF", "GBP", "USD"))
    languages: tuple[str, ...] = bounded(("fr", "en"), choices=LANGUAGES)
    default_language: str = bounded("fr", choices=LANGUAGES)
    timezone: str = "Europe/Paris"
    country: str = "FR"  # phone numbers typed without a country code are read as this country's
    address: str = ""  # as shoppers read it on the take-home page and email ("12 rue de la République, Lyon")
    email_domains: tuple[str, ...] = ()  # the domain keys over the email keyboard; none: the country's common ones


@dataclass(frozen=True)
class ContentConfig:
    """Where the content pack is, and where its catalogue database is built."""

    pack: str = bounded(example='"/srv/kiosk/pack"')
    database: str = ""  # empty: a file in the user's cache folder
    locale: str = ""  # the interface texts (LANG/LC_MESSAGES/kiosk.mo), relative to this file; empty: the kiosk's own
    url: str = ""  # https://...: head office's signed pack, fetched on reload_content (and verified)
    public_key: str = ""  # head office's Ed25519 public key (base64), that the fetched pack must be signed with
    ca_file: str = ""  # a CA bundle the pack's server is checked against (default: the system's)
    max_mb: int = bounded(500, min=1, max=20_000)  # a larger pack is refused before it is downloaded
    check_every_h: float = bounded(6.0, min=0.0, max=168.0)  # look for a new pack this often (0: only when told)
    check_when_open: bool = False  # by default only outside opening hours, when nobody shops
    redirect_hosts: tuple[str, ...] = ()  # other hosts the pack's server may redirect to (https only); none: its own
    download_deadline_s: float = bounded(3600.0, min=1.0, max=86_400.0)  # the whole download, or it is abandoned
    min_rate_kb_s: float = bounded(10.0, min=0.0, max=1_000_000.0)  # a download slower than this (kB a second)...
    stall_s: float = bounded(60.0, min=0.5, max=3600.0)  # ...for this long is stalled: abandoned, and said


@dataclass(frozen=True)
class SessionConfig:
    """How long a shopper's session lasts without a touch."""

    idle_timeout_s: float = bounded(90.0, min=10.0, max=3600.0)
    still_there_countdown_s: float = bounded(20.0, min=3.0, max=120.0)


@dataclass(frozen=True)
class DisplayConfig:
    """One screen and the role it plays."""

    name: str = bounded(example='"terminal"')
    role: str = bounded("terminal", choices=ROLES)
    size: tuple[int, int] = bounded((1080, 1920), min=240, max=7680)
    theme: str = "default"  # a theme that ships ("default", "window", "high-contrast") or a TOML file's path
    attract_slide_s: float = bounded(7.0, min=2.0, max=120.0)
    location: str = ""
    idle_timeout_s: float = bounded(0.0, min=0.0, max=3600.0)  # 0: [session]'s (terminal) or 60 s (window)
    map_position: tuple[float, ...] = ()  # [x, y] on the content pack's map.json: "you are here"
    output: str = ""  # the screen it goes to: a connector name ("HDMI-A-1") or an index ("0"); empty: in order
    rotation: int = bounded(0, choices=(0, 90, 180, 270))  # the picture turned clockwise, for a panel mounted turned
    touch: str = ""  # the touch screen that belongs to this display (its name as the system gives it)
    power: str = bounded("hours", choices=("hours", "lit"))  # off outside opening hours, or lit but in quiet hours
    sound: bool = False  # films play their sound through the machine's audio output (muted by default)
    volume: int = bounded(80, min=0, max=100)  # the films' sound, in percent of the output's own volume


@dataclass(frozen=True)
class HoursException:
    """A day that differs from the week: a holiday (no hours) or a special opening."""

    date: str = bounded(example='"2026-12-25"')
    hours: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class HoursConfig:
    """Opening hours in the store's time zone: "09:30-19:00" ranges per weekday; none at all: always open."""

    mon: tuple[str, ...] = ()
    tue: tuple[str, ...] = ()
    wed: tuple[str, ...] = ()
    thu: tuple[str, ...] = ()
    fri: tuple[str, ...] = ()
    sat: tuple[str, ...] = ()
    sun: tuple[str, ...] = ()
    exceptions: tuple[HoursException, ...] = ()


@dataclass(frozen=True)
class OrdersConfig:
    """Ordering at the kiosk: collection at the store or delivery, and who hears of a new order."""

    enabled: bool = True
    delivery: bool = True  # offer delivery to an address as well as collection
    preparation_min: int = bounded(60, min=0, max=7 * 24 * 60)  # from order to ready for collection
    store_email: str = ""  # "new order" emails go here (needs [mail])
    follow_url: str = ""  # the page to follow an order, "{order}" replaced by its number; empty: no QR code


@dataclass(frozen=True)
class ScannerConfig:
    """One barcode scanner: its address (sim:, hid:PATH, or any pySerial URL) and line settings."""

    address: str = bounded(example='"/dev/ttyACM0"')
    baudrate: int = bounded(9600, choices=(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200))
    terminator: str = bounded("CR", choices=("CR", "LF", "CRLF", "TAB", "NONE"))
    prefix: str = ""
    suffix: str = ""
    display: str = ""  # the display it stands at; empty: the first display that takes scans


@dataclass(frozen=True)
class DevicesConfig:
    """Scanners and the card reader, each as one address string (see the README), and what codes mean."""

    scanners: tuple[ScannerConfig, ...] = (ScannerConfig("sim:"),)
    nfc: str = "sim:"
    nfc_display: str = ""  # the display the card reader stands at; empty: the first display that takes cards
    loyalty_pattern: str = r"^LOYALTY-(\d{4,16})$"  # a scanned or NDEF code that names a loyalty member
    staff_pattern: str = r"^STAFF-(\d{3,8})$"  # a staff badge: opens the maintenance PIN pad
    card_secret: str = ""  # per-store secret that card UIDs are hashed with; empty: the store id


@dataclass(frozen=True)
class ShareConfig:
    """Where the phone page lives, and whether this kiosk serves it itself (a one-store setup)."""

    base_url: str = "http://127.0.0.1:8765/"  # the phone page; the comparison goes in its #fragment
    serve: str = ""  # "ADDRESS:PORT" to serve the phone page from this kiosk; empty: another host serves it
    web: str = ""  # the phone page's folder, relative to this file (served with `serve`); empty: the kiosk's own
    product_url: str = ""  # "https://shop.example/p/{sku}": a "buy online" link per product; empty: none


@dataclass(frozen=True)
class MailConfig:
    """The SMTP server emails go out through; no host: the kiosk offers no email."""

    host: str = ""
    port: int = bounded(587, min=1, max=65535)
    security: str = bounded("starttls", choices=("starttls", "ssl", "none"))
    username: str = ""
    password: str = ""
    sender: str = "kiosk@localhost"
    timeout_s: float = bounded(10.0, min=1.0, max=120.0)


@dataclass(frozen=True)
class PrinterConfig:
    """The receipt printer: tcp:HOST:PORT, usb:VID:PID or serial:DEVICE; empty: no printing."""

    address: str = ""
    timeout_s: float = bounded(5.0, min=0.5, max=60.0)


@dataclass(frozen=True)
class BackendConfig:
    """The store's backend (docs/backend-openapi.yaml); no base_url: the kiosk works without one."""

    base_url: str = ""
    token: str = ""
    timeout_s: float = bounded(3.0, min=0.5, max=60.0)


@dataclass(frozen=True)
class FleetConfig:
    """The MQTT broker of the fleet; no host: no fleet link."""

    host: str = ""
    port: int = bounded(1883, min=1, max=65535)
    prefix: str = "kiosk"
    device: str = ""  # this device's id in the topics; empty: the first display's name
    protocol: str = bounded("5", choices=("5", "3.1.1"))  # 5 falls back to 3.1.1 when the broker refuses it
    username: str = ""
    password: str = ""
    ca_file: str = ""  # TLS: the CA, and a client certificate and key when the broker asks for one
    cert_file: str = ""
    key_file: str = ""
    keepalive_s: int = bounded(15, min=5, max=600)
    telemetry_s: float = bounded(60.0, min=1.0, max=3600.0)


@dataclass(frozen=True)
class AccessibilityConfig:
    """Accessible mode: speech through a headset, the theme it switches to, and how long sessions last."""

    speech: str = "espeak-ng"  # the speech engine's command; empty: no speech
    rate: int = bounded(160, min=80, max=400)  # words a minute
    render_to: str = ""  # a folder: utterances are written there as WAV files instead of played
    theme: str = "high-contrast"  # a theme that ships, or a TOML file's path
    timeout_factor: float = bounded(2.0, min=1.0, max=5.0)  # sessions last this many times longer
    reach: float = bounded(0.62, min=0.4, max=1.0)  # portrait: controls in this lower part of the screen


@dataclass(frozen=True)
class OutboxConfig:
    """Where confirmed orders, emails and reviews wait until delivered."""

    path: str = ""  # empty: a file in the user's data folder
    first_retry_s: float = bounded(5.0, min=0.1, max=3600.0)  # after a failed delivery; doubles each time
    max_retry_s: float = bounded(900.0, min=1.0, max=86400.0)  # ... up to this


@dataclass(frozen=True)
class StaffConfig:
    """Store staff: the PIN of the maintenance pad, as a scrypt hash (`run_kiosk.py --hash-pin`)."""

    pin_hash: str = ""


POWER_METHODS = ("auto", "cec", "wayland", "dpms", "backlight", "black", "none")


@dataclass(frozen=True)
class PowerConfig:
    """When the screens go dark, and how. Outside opening hours (with a grace period on each side) a
    display with power = "hours" goes off; one with power = "lit" (a window that takes orders at
    night) stays on. In quiet hours every shop-window display goes dark unless the shop is open: by
    default 01:00-06:00 in France (décret 2022-1294 on lit advertising), none elsewhere."""

    method: str = bounded("auto", choices=POWER_METHODS)  # auto: CEC, then Wayland, DPMS, backlight, black
    grace_before_min: int = bounded(15, min=0, max=240)
    grace_after_min: int = bounded(15, min=0, max=240)
    quiet_hours: tuple[str, ...] = ("default",)  # ["01:00", "06:00"], [] for none; "default": by country
    wake_on_touch: bool = True  # in quiet hours, a touch on a window lights it for an order
    wake_minutes: int = bounded(5, min=1, max=60)
    cec_address: str = "0"  # the TV's logical address for cec-client
    backlight: str = ""  # a sysfs folder such as /sys/class/backlight/intel_backlight; empty: the first one
    wayland_output: str = ""  # the output to power under a Wayland compositor; empty: the display's output


@dataclass(frozen=True)
class KioskConfig:
    """Everything read from one config file."""

    store: StoreConfig
    content: ContentConfig
    displays: tuple[DisplayConfig, ...]
    session: SessionConfig = field(default_factory=SessionConfig)
    devices: DevicesConfig = field(default_factory=DevicesConfig)
    staff: StaffConfig = field(default_factory=StaffConfig)
    share: ShareConfig = field(default_factory=ShareConfig)
    mail: MailConfig = field(default_factory=MailConfig)
    outbox: OutboxConfig = field(default_factory=OutboxConfig)
    printer: PrinterConfig = field(default_factory=PrinterConfig)
    backend: BackendConfig = field(default_factory=BackendConfig)
    fleet: FleetConfig = field(default_factory=FleetConfig)
    hours: HoursConfig = field(default_factory=HoursConfig)
    orders: OrdersConfig = field(default_factory=OrdersConfig)
    accessibility: AccessibilityConfig = field(default_factory=AccessibilityConfig)
    power: PowerConfig = field(default_factory=PowerConfig)
    source: Path = Path("config/default.toml")

    def path(self, relative: str) -> Path:
        """A path written in the config, resolved against the config file's folder."""
        return (self.source.parent / relative).resolve()

    def display(self, name: str) -> DisplayConfig:
        """The display called `name`; KeyError if there is none."""
        for display in self.displays:
            if display.name == name:
                return display
        raise KeyError(name)


def _cross_checks(config: KioskConfig) -> list[tuple[tuple[str | int, ...], str]]:
    issues: list[tuple[tuple[str | int, ...], str]] = []
    if config.store.default_language not in config.store.languages:
        issues.append((("store", "default_language"), "must be one of store.languages"))
    if not config.displays:
        issues.append((("displays",), "at least one [[displays]] table is needed"))
    names = [d.name for d in config.displays]
    for index, name in enumerate(names):
        if names.index(name) != index:
            issues.append((("displays", index, "name"), f"display name {name!r} is used twice"))
    for index, display in enumerate(config.displays):
        if not config.path(display.theme).is_file():
            issues.append((("displays", index, "theme"), f"theme file not found: {config.path(display.theme)}"))
    for index, display in enumerate(config.displays):
        if display.map_position and len(display.map_position) != 2:
            issues.append((("displays", index, "map_position"), "must be [x, y] on the store's map"))
    for index, scanner in enumerate(config.devices.scanners):
        if scanner.display and scanner.display not in names:
            issues.append((("devices", "scanners", index, "display"),
                           f"no display named {scanner.display!r} (the config has {', '.join(names)})"))
    if config.devices.nfc_display and config.devices.nfc_display not in names:
        issues.append((("devices", "nfc_display"),
                       f"no display named {config.devices.nfc_display!r} (the config has {', '.join(names)})"))
    for key in ("loyalty_pattern", "staff_pattern"):
        try:
            re.compile(getattr(config.devices, key))
        except re.error as error:
            issues.append((("devices", key), f"is not a valid regular expression: {error}"))
    issues.extend(hours_problems(config))
    try:
        quiet_hours(config.power.quiet_hours, config.store.country, "window")
    except ValueError as error:
        issues.append((("power", "quiet_hours"), str(error)))
    if not config.path(config.accessibility.theme).is_file():
        issues.append((("accessibility", "theme"), f"theme file not found: {config.path(config.accessibility.theme)}"))
    if config.share.serve and not (config.path(config.share.web) / "index.html").is_file():
        issues.append((("share", "web"), f"no index.html in {config.path(config.share.web)}"))
    if config.content.url and not config.content.url.startswith("https://"):
        issues.append((("content", "url"), "must be an https:// address (the pack travels signed, over TLS)"))
    for index, host in enumerate(config.content.redirect_hosts):
        if not HOST_NAME.fullmatch(host):
            issues.append((("content", "redirect_hosts", index),
                           f'{host!r} must be a host name alone, such as "cdn.example.com" (no scheme, port or path)'))
    for index, domain in enumerate(config.store.email_domains):
        if not HOST_NAME.fullmatch(domain) or "." not in domain:
            issues.append((("store", "email_domains", index),
                           f'{domain!r} must be an email domain alone, such as "orange.fr" (no @)'))
    if config.content.url and not config.content.public_key:
        issues.append((("content", "public_key"), "is required with url: a fetched pack must be signed"))
    if not config.path(config.content.pack).is_dir():
        issues.append((("content", "pack"), f"content pack folder not found: {config.path(config.content.pack)}"))
    return issues


SHIPPED_FOLDERS = {"locale": "interface texts", "web": "phone page's files"}


def shipped_files(config: KioskConfig) -> tuple[KioskConfig, list[Upgraded]]:
    """`config` with its interface texts, phone page and themes resolved to absolute paths: the ones it
    names, or, when it names none or one that is not there, the installed package's own (with a warning)."""
    warnings: list[Upgraded] = []

    def folder(value: str, key: KeyPath, name: str) -> str:
        if not value:
            return str(shipped(name))
        if config.path(value).is_dir():
            return str(config.path(value))
        own = SHIPPED_FOLDERS[name]
        warnings.append(Upgraded(key, f"folder not found: {config.path(value)}; the kiosk's own {own} are used "
                                      "(remove the key to say so, or name a folder that exists)"))
        return str(shipped(name))

    def theme(value: str, key: KeyPath) -> str:
        own = shipped_theme(value) if "/" not in value and not value.endswith(".toml") else None
        if own is not None:  # a shipped theme by its name: "window"
            return str(own)
        if config.path(value).is_file():
            return str(config.path(value))
        own = shipped_theme(Path(value).name)
        if own is None:
            return value  # not a theme that ships: the config's checks name the missing file
        warnings.append(Upgraded(key, f"theme file not found: {config.path(value)}; the kiosk's own "
                                      f"{own.stem!r} theme is used (write theme = \"{own.stem}\")"))
        return str(own)

    content = replace(config.content, locale=folder(config.content.locale, ("content", "locale"), "locale"))
    share = replace(config.share, web=folder(config.share.web, ("share", "web"), "web"))
    displays = tuple(replace(d, theme=theme(d.theme, ("displays", i, "theme"))) for i, d in enumerate(config.displays))
    access = replace(config.accessibility, theme=theme(config.accessibility.theme, ("accessibility", "theme")))
    return replace(config, content=content, share=share, displays=displays, accessibility=access), warnings


def opening_hours(config: KioskConfig) -> OpeningHours:
    """The store's opening hours from a checked config."""
    zone = ZoneInfo(config.store.timezone)
    hours = config.hours
    weekly = {day: parse_spans(getattr(hours, name)) for day, name in enumerate(WEEKDAYS)}
    if not any(weekly.values()) and not hours.exceptions:
        return OpeningHours.always_open(zone)
    exceptions = {date.fromisoformat(e.date): parse_spans(e.hours) for e in hours.exceptions}
    return OpeningHours(zone, weekly, exceptions)


def hours_problems(config: KioskConfig) -> list[tuple[tuple[str | int, ...], str]]:
    """Every time zone, range and date of the hours that cannot be read."""
    issues: list[tuple[tuple[str | int, ...], str]] = []
    try:
        ZoneInfo(config.store.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        issues.append((("store", "timezone"), f"{config.store.timezone!r} is not a time zone like \"Europe/Paris\""))
    for name in WEEKDAYS:
        try:
            parse_spans(getattr(config.hours, name))
        except ValueError as error:
            issues.append((("hours", name), str(error)))
    for index, exception in enumerate(config.hours.exceptions):
        try:
            date.fromisoformat(exception.date)
        except ValueError:
            issues.append((("hours", "exceptions", index, "date"), f"{exception.date!r} is not a date like 2026-12-25"))
        try:
            parse_spans(exception.hours)
        except ValueError as error:
            issues.append((("hours", "exceptions", index, "hours"), str(error)))
    return issues


def toml_error_line(error: tomllib.TOMLDecodeError) -> int | None:
    """The line tomllib complains about (Python 3.11 only puts it in the message)."""
    line = getattr(error, "lineno", None)
    if line is None:
        found = re.search(r"at line (\d+)", str(error))
        line = int(found.group(1)) if found else None
    return line


def read_config(path: Path) -> tuple[KioskConfig, list[Problem]]:
    """Read and check a config file: the config and the warnings about what an earlier version's config
    says differently; raise ConfigError listing every problem with its line."""
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError([Problem(path, "", f"cannot be read: {error.strerror}")]) from error
    try:
        data: dict[str, Any] = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([Problem(path, "", f"is not valid TOML: {error}", toml_error_line(error))]) from error
    lines = key_lines(source)

    def problem(key_path: tuple[str | int, ...], message: str) -> Problem:
        return Problem(path, ".".join(str(p) for p in key_path), message, line_of(lines, key_path))

    upgraded: list[Upgraded] = retire_keys(data) + old_forms(data)
    config, issues = convert(KioskConfig, data)
    problems = [problem(issue.path, issue.message) for issue in issues]
    if config is not None:
        config, resolved = shipped_files(replace(config, source=path.resolve()))
        upgraded += resolved
        problems += [problem(key_path, message) for key_path, message in _cross_checks(config)]
    if problems or config is None:
        raise ConfigError(problems)
    return config, [problem(u.path, u.message) for u in upgraded]


def load_config(path: Path) -> KioskConfig:
    """Read and check a config file (its warnings are logged); raise ConfigError listing every problem."""
    config, warnings = read_config(path)
    for warning in warnings:
        log.warning("%s", warning)
    return config
