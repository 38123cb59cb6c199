"""The main loop (DESIGN §3): one thread owns pygame; other threads post messages and wake it.

wait for input or a message (sleeping when nothing animates) -> route it to the display ->
let scenes update -> draw what changed -> present -> answer automation requests.
"""

from __future__ import annotations

import gc
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

import pygame

from kiosk.app.display import Display
from kiosk.app.faults import Faults
from kiosk.app.keys import press_key
from kiosk.app.memory import release_free_memory, tune_malloc
from kiosk.app.outputs import Output
from kiosk.app.power import PowerManager
from kiosk.app.router import handler, handler_name, offer
from kiosk.app.telemetry import Telemetry
from kiosk.config import KioskConfig
from kiosk.core.hours.clock import Clock, SystemClock
from kiosk.core.messages import (
    AutomationRequest,
    CatalogChanged,
    CatalogReady,
    CommandReceived,
    ContentOffered,
    DeviceStatusChanged,
    Message,
    Quit,
    Redraw,
    ScreenPowerApplied,
)
from kiosk.services.watchdog import SystemdNotifier
from kiosk.shared import recent_log
from kiosk.shared.ports import Device
from kiosk.shared.shop import Shop
from kiosk.ui.frame_gate import frame_being_drawn
from kiosk.ui.gestures import Pinch

log = logging.getLogger(__name__)
FRAME_SECONDS = 1 / 60
MAX_SLEEP_SECONDS = 5.0
INPUT_POLL_BUSY = 0.004  # s between looks at SDL input while someone is using the screen
INPUT_POLL_IDLE = 0.050  # ... once still for INPUT_BUSY_SECONDS (each wake-up costs ~0.2 ms: 0.5% of a core)
INPUT_BUSY_SECONDS = 3.0
QUIET_FOR_S = 0.1  # what is done after a still frame waits for a turn with at least this long to sleep
GIVE_BACK_EVERY_S = 10.0  # at most this often, free heap goes back to the system (0.5-2 ms, up to 10 ms busy)
NOT_WIRED = {"ok": False, "error": "this kiosk takes no requests"}
STOP_WITHIN_S = 0.6  # devices get this long to stop: under systemd the whole stop takes under a second


class NoScreen(RuntimeError):
    """There is no screen to show the kiosk on (and it was not started --headless)."""


def init_pygame(headless: bool) -> None:
    """Start only what the kiosk uses (no audio: it needs no sound card); NoScreen if it could show nothing."""
    tune_malloc()  # before SDL and the picture thread allocate anything
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    asked = os.environ.get("SDL_VIDEODRIVER", "")
    if headless:
        os.environ["SDL_VIDEODRIVER"] = asked = "dummy"
    elif not (asked or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise NoScreen("no screen to show the kiosk on: neither DISPLAY (X11) nor WAYLAND_DISPLAY (Wayland) is set. "
                       "Run it in a desktop session or under a compositor (cage or sway, as config/install/install.sh "
                       "sets up), or with --headless to run without a screen")
    try:
        pygame.display.init()
    except pygame.error as error:  # the driver named in SDL_VIDEODRIVER could not start ("x11 not available")
        raise NoScreen(f"no screen to show the kiosk on: SDL's {asked} video driver could not start ({error}); "
                       "is the display server running, and may this user open it? (--headless runs without a "
                       "screen)") from error
    driver = pygame.display.get_driver()
    if driver in ("offscreen", "dummy") and driver != asked:
        # SDL falls back on a driver that shows nothing when it cannot open the display server it was given
        pygame.display.quit()
        given = ", ".join(f"{key}={os.environ[key]}" for key in ("DISPLAY", "WAYLAND_DISPLAY") if os.environ.get(key))
        raise NoScreen(f"no screen to show the kiosk on: SDL could not open the display server ({given or asked}); "
                       "is it running, and may this user open it? (--headless runs without a screen)")
    if pygame.display.get_driver() == "x11":
        # Without a GPU, SDL's X11 window framebuffer otherwise goes through a software GL renderer, 3-6x
        # slower and 4x bigger. Only there: Wayland's driver has no window framebuffer without a renderer
        # ("Window framebuffer support not available"). SDL reads the hint when a window is made.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    pygame.font.init()


class App:
    """The kiosk: its displays, the message queue and the loop."""

    def __init__(self, config: KioskConfig, shop: Shop, outputs: list[Output], displays: list[Display],
                 messages: queue.Queue[Message], *, headless: bool = False, clock: Clock | None = None) -> None:
        """The loop over what wiring.py built: the shop, one output and one display per screen."""
        self.pygame = pygame
        self.headless = headless
        self.config = config
        self.clock: Clock = clock or SystemClock()
        self.messages = messages
        self.running = True
        self.shop = shop
        # this device's id in the fleet's topics: the one set, else its first display's name
        self.device = config.fleet.device or displays[0].name
        # one marker per device: two kiosks of one store under one user must not take each other's run for a crash
        self.faults = Faults(shop.local_path.with_name(f"running-{config.store.id}-{self.device}"))
        self.outputs = outputs
        self.displays = displays
        # what answers automation requests and fleet commands (kiosk/automation, plugged in by wiring.py)
        self.automation: Callable[[dict[str, Any]], dict[str, Any]] = lambda request: NOT_WIRED
        self.fleet_commands: Callable[[CommandReceived], dict[str, Any] | None] = lambda command: NOT_WIRED
        self._telemetry = Telemetry()
        # screens on and off on the schedule (kiosk/app/power.py; wiring.py gives it the displays' screens)
        self.power = PowerManager([], shop.hours, lambda: None, self.post)
        self._blanked: set[str] = set()  # displays showing black with their loop asleep
        self._next_content_check = self.clock.monotonic() + config.content.check_every_h * 3600
        self.systemd = SystemdNotifier()
        recent_log.install()
        self._next_telemetry = 0.0
        self.devices: list[Device] = []  # started with the app, stopped with it (wiring.start_devices)
        # the desk demo's keys (F2 scans, F3 taps a card): the simulated devices', wired in wiring.py
        self.demo_keys: dict[str, Callable[[], None]] = {}
        self.device_owners: dict[str, Display] = {}  # a device's address -> the display its input goes to
        self.device_states: dict[str, tuple[bool, str]] = {}  # what the log last said of each device
        self._pending_replies: list[tuple[Callable[[dict[str, Any]], None], dict[str, Any]]] = []
        self._last_update = self.clock.monotonic()
        self._last_input = time.monotonic()
        self._gave_back = time.monotonic()
        self.frame_times: list[float] = []  # ms per drawn frame (update, draw, present), the last 600
        # the same frames' CPU time on this thread: on a shared machine, what an idle one's wall time nears
        self.frame_cpu_times: list[float] = []
        # What start-up made (modules, Babel's locale data, the shop's texts) lives as long as the
        # process: keep it out of the cycle collector's full passes, which then walk only the rest.
        # Unless the process froze what it holds already (the test session, starting hundreds of apps):
        # this app's objects then stay where the collector frees them once it is closed.
        self._fonts_readied = False  # every display's fonts made ready once, after start-up (see _warm_up)
        self._froze = gc.get_freeze_count() == 0
        if self._froze:
            gc.freeze()

    # --- messages from other threads ------------------------------------------------------------
    def post(self, message: Message) -> None:
        """Thread-safe: queue a message; the loop wakes up for it."""
        self.messages.put(message)

    def display(self, name: str | None = None) -> Display:
        """A display by name, or the first one."""
        if name is None:
            return self.displays[0]
        for display in self.displays:
            if display.name == name:
                return display
        raise KeyError(name)

    # --- the crash boundary -----------------------------------------------------------------------
    def recover(self, display: Display | None, where: str, error: BaseException) -> None:
        """An exception escaped while `display` handled `where`: log and count it, tell head office (its
        type and place only), and bring that display back to a clean state: session wiped, attract shown."""
        self.faults.caught(where, error)
        if display is None:
            self.shop.event("fault", where=where, error=type(error).__name__)
            return
        try:
            display.end_session()
        except Exception as again:  # the attract scene itself fails: the bare minimum, then keep going
            self.faults.caught(f"reset of {display.name}", again)
            display.session.wipe()
        display.screen.redraw_all()
        self.faults.reset(display.name)
        self.shop.event("fault", display=display.name, where=where, error=type(error).__name__, reset=True)

    def deliver(self, display: Display, message: Message) -> None:
        """Offer a message to one display (its scenes from the top down, then its parts), behind the
        crash boundary: what it raises resets that display only."""
        try:
            offer(message, display.screen.stack.scenes, display.parts)
        except Exception as error:
            self.recover(display, handler_name(type(message)).removeprefix("on_").replace("_", " "), error)

    def handle_message(self, message: Message) -> None:
        """Act on one message, on the main loop (automation requests use it to take effect at once).

        The app's own `on_<message>` takes it if it has one; a device's input goes to the display the
        device belongs to; anything else is offered to every display. Nothing raised while one message
        is handled leaves this method: see `recover`."""
        own = handler(self, message)
        if own is not None:
            try:
                own(message)
            except Exception as error:
                self.recover(None, type(message).__name__, error)
            return
        source = getattr(message, "source", None)
        if source is not None:
            owner = self.device_owners.get(source)
            if owner is not None:
                self.deliver(owner, message)
            return
        if isinstance(message, DeviceStatusChanged):
            self.log_device_change(message)
        for display in self.displays:
            self.deliver(display, message)

    def log_device_change(self, message: DeviceStatusChanged) -> None:
        """Say a device's change in the log once for the kiosk (every display keeps the state for its
        staff screen), with its technical detail when there is one."""
        state = (message.connected, message.detail)
        if self.device_states.get(message.device) == state:
            return
        self.device_states[message.device] = state
        said = "connected" if message.connected else "disconnected"
        detail = f" ({message.detail})" if message.detail else ""
        (log.info if message.connected else log.warning)("device %s %s%s", message.device, said, detail)

    def owner_of(self, kind: str, display_name: str) -> Display | None:
        """The display a device of `kind` ("scan", "card") belongs to: the one it names, else the first
        display that takes that kind of input; None when no display takes it."""
        if display_name:
            named = next((d for d in self.displays if d.name == display_name), None)
            if named is not None and kind not in named.accepts:
                log.warning("a device is set to display %s, which takes no %s input: it is ignored", display_name, kind)
                return None
            return named
        return next((d for d in self.displays if kind in d.accepts), None)

    # --- the app's own messages ----------------------------------------------------------------------
    def on_automation_request(self, message: AutomationRequest) -> None:
        """Carry out a request now; the reply goes once the next frame is drawn."""
        reply = self._automation_reply(message.request)  # first: a screenshot draws a frame, which
        self._pending_replies.append((message.reply, reply))  # sends and replaces the pending list

    def on_command_received(self, message: CommandReceived) -> None:
        """A fleet command: carried out and answered (or answered later by itself)."""
        answer = self._fleet_reply(message)
        if answer is not None:
            self.shop.fleet.reply(message, answer)

    def on_catalog_changed(self, message: CatalogChanged) -> None:
        """A live price or stock change from head office."""
        self.shop.apply_change(message.sku, message.price_cents, message.stock)

    def _maybe_check_content(self, now: float) -> None:
        """On [content]'s schedule (outside opening hours by default), look for a new pack from head office."""
        every = self.config.content.check_every_h * 3600
        if self.shop.content_source is None or not every or now < self._next_content_check:
            return
        if not self.config.content.check_when_open and self.shop.hours.is_open(self.clock.now()):
            self._next_content_check = now + 600  # while open: look again in ten minutes
            return
        self._next_content_check = now + every
        if self.shop.import_catalog():
            log.info("looking for a new content pack (every %g h)", self.config.content.check_every_h)

    def on_content_offered(self, message: ContentOffered) -> None:
        """Head office's retained word on the version to run: fetched and imported if it is not running."""
        if self.shop.offer_content(message):
            log.info("content %s offered by head office: fetching it", message.version)

    def on_catalog_ready(self, message: CatalogReady) -> None:
        """The import worker finished: swap the catalogue in (or keep the old one)."""
        self.shop.catalog_ready(message)

    def on_quit(self, message: Quit) -> None:
        """Stop after this turn of the loop."""
        self.running = False

    def on_redraw(self, message: Redraw) -> None:
        """Work finished off the loop (a picture): the frame that follows shows it."""

    def _automation_reply(self, request: dict[str, Any]) -> dict[str, Any]:
        """The reply to an automation request; one that fails inside the kiosk resets its display."""
        try:
            return self.automation(request)
        except Exception as error:
            name = request.get("display") if isinstance(request, dict) else None
            display = next((d for d in self.displays if d.name == name), self.displays[0])
            self.recover(display, "an automation request", error)
            return {"ok": False, "error": f"the request failed inside the kiosk ({type(error).__name__}); "
                                          f"display {display.name} was reset"}

    def _fleet_reply(self, command: CommandReceived) -> dict[str, Any] | None:
        """The reply to a fleet command; one that fails inside the kiosk is answered with the failure."""
        try:
            return self.fleet_commands(command)
        except Exception as error:
            self.recover(None, f"the fleet command {command.name!r}", error)
            return {"ok": False, "error": f"the command failed inside the kiosk ({type(error).__name__})"}

    # --- devices ----------------------------------------------------------------------------------
    def start(self, devices: list[Device]) -> None:
        """Start the devices and services wiring.py made; each has its own thread."""
        self.devices = devices
        for device in devices:
            device.start()
        refused = self.shop.content_refused
        if refused:  # said once the fleet link is there (the event waits in its buffer until connected)
            self.shop.event("content_refused", problems=len(refused), first=str(refused[0]))

    # --- SDL input ------------------------------------------------------------------------------
    def _input(self, event: pygame.event.Event) -> None:
        pg = self.pygame
        if event.type == pg.QUIT:
            self.running = False
            return
        if event.type in (pg.WINDOWSIZECHANGED, pg.WINDOWEXPOSED):
            for output, display in zip(self.outputs, self.displays):
                if getattr(event, "window", None) == output.window:
                    if output.resized():
                        display.screen.surface = output.surface
                    display.screen.redraw_all()  # the compositor resized it, or shows it again: draw it whole
            return
        for output, display in zip(self.outputs, self.displays):
            if not output.owns(event):
                continue
            try:
                self._input_for(output, display, event)
            except Exception as error:
                self.recover(display, "a touch or a key", error)
            return

    def _input_for(self, output: Output, display: Display, event: pygame.event.Event) -> None:
        """One SDL event for the display whose window it belongs to."""
        pg = self.pygame
        now = self.clock.monotonic()
        pointer = output.pointer(event)
        if isinstance(pointer, Pinch):
            display.pinch(pointer.center, pointer.factor, pointer.moved)
        elif pointer is not None:
            kind, pos = pointer
            if kind == "down" and self.power.touched(display.name, self.clock.now(), now):
                return  # the screen was dark: the touch wakes it (in quiet hours) and presses nothing
            display.pointer(kind, pos, now)
        elif event.type == pg.KEYDOWN and pg.key.name(event.key) in self.demo_keys:
            self.demo_keys[pg.key.name(event.key)]()
        elif event.type == pg.KEYDOWN:
            display.activity()
            press_key(display, pg.key.name(event.key))
        elif event.type == pg.TEXTINPUT:
            display.activity()
            display.screen.stack.top.on_text(event.text)
        elif event.type in (pg.WINDOWEXPOSED, pg.WINDOWRESTORED):
            display.screen.redraw_all()

    # --- the loop -------------------------------------------------------------------------------
    def _timeout(self, animating: bool) -> float:
        if animating:
            return FRAME_SECONDS
        now = self.clock.monotonic()
        # a dark display is not ticked, so its timers stay due until it comes back on: counted, they woke the
        # loop at once, turn after turn (a core spun while a screen was off by a black picture)
        deadlines = [d for d in (display.next_deadline(now) for display in self.displays
                                 if not self.power.dark(display.name)) if d is not None]
        if self.shop.fleet.available:
            deadlines.append(now + max(0.0, self._next_telemetry - time.monotonic()))
        power = self.power.seconds_to_next_check(now)
        if power is not None:
            deadlines.append(now + power)
        watchdog = self.systemd.next_ping()
        if watchdog is not None:
            deadlines.append(now + watchdog)
        if not deadlines:
            return MAX_SLEEP_SECONDS
        return float(max(0.0, min(MAX_SLEEP_SECONDS, min(deadlines) - now)))

    def _wait(self, timeout: float) -> list[pygame.event.Event]:
        """Sleep until input, a message or the timeout, and return the input events.

        pygame's event.wait() polls every millisecond (1-2% of a core on a still screen), so the loop
        sleeps on its own message queue and looks at SDL's input between naps: every 4 ms while
        someone is using the screen, every 50 ms once it has been still for a while. Headless, no input
        comes from SDL, so it sleeps on the queue for the whole timeout.
        """
        pg = self.pygame
        end = time.monotonic() + timeout
        while True:
            events: list[pygame.event.Event] = pg.event.get()
            if events:
                self._last_input = time.monotonic()
                return events
            remaining = end - time.monotonic()
            if remaining <= 0:
                return []
            if not self.headless:
                busy = time.monotonic() - self._last_input < INPUT_BUSY_SECONDS
                remaining = min(remaining, INPUT_POLL_BUSY if busy else INPUT_POLL_IDLE)
            try:
                self.handle_message(self.messages.get(timeout=remaining))
                return [*pg.event.get()]
            except queue.Empty:
                continue

    def step(self, block: bool = True, animating: bool = False) -> bool:
        """One turn of the loop; returns whether something animates (then the next turn comes soon)."""
        pg = self.pygame
        events = self._wait(self._timeout(animating)) if block else pg.event.get()
        for event in events:
            self._input(event)
        while True:
            try:
                self.handle_message(self.messages.get_nowait())
            except queue.Empty:
                break
        animating = self.frame()
        if not animating and self._timeout(False) >= QUIET_FOR_S:  # not just before a film's next frame
            self._maybe_give_back_memory()
            self._warm_up()
        return animating

    def _warm_up(self) -> None:
        """After a still frame (the screen shows, no one waits for it): one font of one display made ready (see
        `Theme.warm_up`), so that the first search's results and the first product page do not pay for it on
        the shopper's tap (nothing to do once each is). The first time, right after start-up's first frames,
        every display's at once (20-40 ms; a shopper who taps within the first second, or a kiosk restarted
        in front of one, found the first department's fonts still to load: 2 ms more on its frame)."""
        for display in self.displays:
            while display.screen.theme.warm_up():
                if self._fonts_readied:
                    return
        self._fonts_readied = True

    def _maybe_give_back_memory(self) -> None:
        """After a frame that left the screen still (presented, nothing moving), at most every
        GIVE_BACK_EVERY_S: the heap a busy shopper freed (2-7 MB in the soak) goes back to the system
        instead of staying resident until the session ends."""
        if time.monotonic() - self._gave_back < GIVE_BACK_EVERY_S:
            return
        self._gave_back = time.monotonic()
        release_free_memory()

    def frame(self) -> bool:
        """Update timers and animations, draw what changed, present, answer waiting requests."""
        now = self.clock.monotonic()
        dt = min(0.1, max(0.0, now - self._last_update))
        self._last_update = now
        animating = False
        self.power.check(self.clock.now(), now)
        self._maybe_check_content(now)
        for output, display in zip(self.outputs, self.displays):
            if self._dark(output, display):
                continue
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                with frame_being_drawn():
                    display.tick(now)
                    animating = display.screen.update(now, dt) or animating
                    drawn = display.screen.render()
            except Exception as error:
                self.recover(display, "a frame", error)
                continue
            if drawn:
                output.present()
                self.frame_times.append((time.perf_counter() - started) * 1000)
                self.frame_cpu_times.append((time.thread_time() - cpu) * 1000)
                del self.frame_times[:-600], self.frame_cpu_times[:-600]
        self.shop.fleet.watch(time.monotonic())
        self._maybe_telemetry()
        self.systemd.ping()
        replies, self._pending_replies = self._pending_replies, []
        for send, reply in replies:
            send(reply)
        return animating

    def _dark(self, output: Output, display: Display) -> bool:
        """Whether this display is off with no other way than a black picture: shown black once, then
        nothing is drawn until it comes back on."""
        if not self.power.dark(display.name):
            if display.name in self._blanked:
                self._blanked.discard(display.name)
                display.screen.redraw_all()
            return False
        if display.name not in self._blanked:
            self._blanked.add(display.name)
            output.blank()
        return True

    def on_screen_power_applied(self, message: ScreenPowerApplied) -> None:
        """A screen was switched (or could not be): remembered for staff, telemetry and the next frame."""
        self.power.applied(message)

    def _maybe_telemetry(self) -> None:
        fleet = self.shop.fleet
        if not fleet.available or time.monotonic() < self._next_telemetry:
            return
        self._next_telemetry = time.monotonic() + self.config.fleet.telemetry_s
        fleet.telemetry(self.telemetry())

    def telemetry(self) -> dict[str, Any]:
        """A telemetry sample (kiosk/app/telemetry.py)."""
        sample = self._telemetry.sample(self.shop, self.displays, self.frame_times, self.faults)
        sample["screens"] = self.power.states()  # off on purpose is "on": false with its reason, not a fault
        return sample

    def run(self) -> None:
        """Run until asked to stop."""
        animating = self.step(block=False)
        self.systemd.ready()  # the first frame is on screen
        while self.running:
            animating = self.step(animating=animating)
        self.systemd.send("STOPPING=1")
        self.close()

    def close(self) -> None:
        """Release the screens and the catalogue."""
        for send, _ in self._pending_replies:
            send({"ok": False, "error": "the kiosk is stopping"})
        self._pending_replies = []
        stop_all(self.devices, STOP_WITHIN_S)
        self.power.close()
        self.shop.close()
        for display in self.displays:
            display.screen.stack.close()
            display.screen.images.close()
        for output in self.outputs:
            output.close()
        self.outputs = []
        self.pygame.display.quit()
        self.faults.stopped()
        if self._froze:
            gc.unfreeze()  # what start-up made may go now (tests and the pilot start many apps in one process)


def stop_all(devices: list[Device], within_s: float) -> None:
    """Stop every device at once, each in its own thread, waiting at most `within_s` for all of them:
    a stop under systemd must finish within a second, and one slow device must not hold up the rest
    (a device thread still busy then is a daemon and ends with the process)."""
    stoppers = [threading.Thread(target=device.stop, name=f"stop {getattr(device, 'name', device)}", daemon=True)
                for device in devices]
    for stopper in stoppers:
        stopper.start()
    deadline = time.monotonic() + within_s
    for stopper in stoppers:
        stopper.join(max(0.0, deadline - time.monotonic()))
    late = [stopper.name for stopper in stoppers if stopper.is_alive()]
    if late:
        log.warning("still stopping after %.1f s, left behind: %s", within_s, ", ".join(late))
