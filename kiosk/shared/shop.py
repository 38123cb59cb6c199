"""What every display of one process shares: config, catalogue, translations and formatters."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Protocol

from platformdirs import user_cache_dir, user_data_dir

from kiosk.config import KioskConfig
from kiosk.config.settings import opening_hours
from kiosk.core.catalog.build import ensure_catalog, previous_catalog, stored_fingerprint
from kiosk.core.catalog.database import Catalog
from kiosk.core.catalog.popular_searches import PopularSearches
from kiosk.core.hours.clock import Clock
from kiosk.core.language.i18n import Translations, Translator
from kiosk.core.language.locale_format import Formatter
from kiosk.core.language.text import fold
from kiosk.core.messages import CatalogReady, ContentOffered, Message, OfferRefused
from kiosk.core.orders.outbox import Outbox, outbox_csv
from kiosk.core.pack.reader import PackRejected
from kiosk.core.problems import Problem
from kiosk.shared.film_copies import FilmCopies, copies_folder
from kiosk.shared.local_settings import load_local_settings, save_local_settings
from kiosk.shared.ports import Backend, Fleet, NoBackend, NoFleet, NoPrinter, NoSpeaker, Printer, Sender, Speaker

log = logging.getLogger(__name__)


def outbox_path(config: KioskConfig) -> Path:
    """Where the outbox database of this config lives."""
    if config.outbox.path:
        return config.path(config.outbox.path)
    return Path(user_data_dir("store-kiosk")) / f"outbox-{config.store.id}.db"


def catalog_path(config: KioskConfig) -> Path:
    """Where the catalogue database of this config lives."""
    if config.content.database:
        return config.path(config.content.database)
    return Path(user_cache_dir("store-kiosk")) / f"catalog-{config.store.id}.db"


def fetched_packs(config: KioskConfig) -> Path:
    """Where the packs fetched from head office live (`current` is the one in use): beside the outbox."""
    return outbox_path(config).with_name(f"packs-{config.store.id}")


def pack_folder(config: KioskConfig) -> Path:
    """The pack to import: the last one fetched and verified, when the kiosk fetches its packs and has
    one, else the config's folder."""
    current = fetched_packs(config) / "current"
    if config.content.url and current.is_dir():
        return current.resolve()
    return config.path(config.content.pack)


class ContentSource(Protocol):
    """Where new content comes from before an import (kiosk/services/content_fetch.py plugs in here)."""

    def fetch(self, *, allow_older: bool = False, url: str = "", version: str = "", job: int = 0) -> object:
        """Bring the newest (or the offered) signed pack in; raises an Exception saying why not (with a
        `kind` attribute in one word, when it has one)."""
        ...

    def cancel(self, job: int, why: str) -> None:
        """Abandon job `job`'s fetch at once (it raises, saying `why`), even one blocked on a stalled server."""
        ...


class Shop:
    """The store as the displays see it."""

    def __init__(self, config: KioskConfig, post: Callable[[Message], None], clock: Clock) -> None:
        self.config = config
        self.clock = clock
        self.post = post  # messages to the loop, from the import worker
        self._importing = False
        self._fetching = False  # the import running is still fetching head office's pack
        self._job = 0  # the number of the last import started (for cancelling its fetch)
        self._import_done: list[Callable[[list[Problem]], None]] = []
        self._rerun = False  # a newer offer or reload came while an import ran: import again after it
        self._rerun_done: list[Callable[[list[Problem]], None]] = []
        self.local_path = outbox_path(config).with_name(f"settings-{config.store.id}.json")
        self.local = load_local_settings(self.local_path)
        self.searches = PopularSearches(self.local_path.with_name(f"searches-{config.store.id}.json"))
        self.content_refused: list[Problem] = []  # the problems of the pack on disk, when the last good catalogue runs
        self.content_source: ContentSource | None = None  # plugged in by wiring.py with [content] url
        self.content_offered: ContentOffered | None = None  # head office's last word on the version to run
        self.catalog = Catalog(self._catalog_file())
        # films whose decoder would keep far more than it must get a kiosk-ready copy, made in a process of its own
        self.films = FilmCopies(copies_folder(catalog_path(config)), [d.size for d in config.displays])
        self.films.refresh(self.catalog.folder, self.catalog.path)
        self.translations = Translations(config.path(config.content.locale), config.store.languages)
        self.outbox = Outbox(outbox_path(config), config.outbox.first_retry_s, config.outbox.max_retry_s)
        self.hours = opening_hours(config)
        self.settings_listeners: list[Callable[[], None]] = []  # displays apply staff's settings
        self.senders: list[Sender] = []  # the outbox's senders (mail, orders), woken when something is added
        self.printer: Printer = NoPrinter()  # the services wiring.py plugs in; null ones until then
        self.backend: Backend = NoBackend()
        self.fleet: Fleet = NoFleet()
        self.speaker: Speaker = NoSpeaker()
        self.catalog_listeners: list[Callable[[], None]] = []  # each display rebuilds its scenes
        self._formatters: dict[str, Formatter] = {}
        # A language's formats are a small table (locale_format.py), read once: the default one now, not
        # mid-frame; another when a shopper first picks it, then kept for the next ones.
        self.formatter(self.local.default_language or config.store.default_language).price(100)

    def t(self, language: str) -> Translator:
        """Interface texts in `language`."""
        return self.translations[language]

    def formatter(self, language: str) -> Formatter:
        """Prices, numbers and dates in `language`."""
        formatter = self._formatters.get(language)
        if formatter is None:
            formatter = Formatter(language, self.catalog.currency)
            self._formatters[language] = formatter
        return formatter

    def popular_searches(self, language: str, count: int = 6) -> list[str]:
        """What to offer before the first letter: the searches that most often led shoppers to a product
        at this kiosk, then the departments' names in `language` until there are `count`."""
        offered = self.searches.top(count)
        seen = {" ".join(fold(text).split()) for text in offered}
        for category in self.catalog.categories:
            name = category.name.get(language) or next(iter(category.name.values()), "")
            if name and " ".join(fold(name).split()) not in seen:
                offered.append(name)
                seen.add(" ".join(fold(name).split()))
        return offered[:count]

    def image(self, relative: str) -> str:
        """The path of a picture of the content pack."""
        return f"{self.catalog.folder}/{relative}"

    def film(self, relative: str) -> str:
        """The file a film of the content pack plays from: its kiosk-ready copy once made, else the pack's."""
        return self.films.path(relative, self.image(relative))

    @property
    def mail_enabled(self) -> bool:
        """Whether the kiosk can send emails."""
        return bool(self.config.mail.host)

    def export_outbox(self) -> Path:
        """The outbox as CSV for staff (ids, states, errors: no personal data), beside the outbox, where
        staff look for it; returns the file."""
        folder = self.outbox.path.parent / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"outbox-{self.clock.now().astimezone():%Y%m%d-%H%M%S}.csv"
        path.write_text(outbox_csv(self.outbox.items()), encoding="utf-8")
        return path

    def outbox_added(self) -> None:
        """Wake the senders: something waits in the outbox."""
        for sender in self.senders:
            sender.wake()

    @property
    def closed_override(self) -> bool | None:
        """Staff or head office: True closed, False open whatever the hours; None: the hours say."""
        return self.local.closed_override

    def set_closed_override(self, closed: bool | None) -> None:
        """Closed (True) or open (False) whatever the hours, or the hours again (None); kept across restarts."""
        self.change_settings(closed_override=closed)
        log.info("opening hours override: %s", {None: "follow the hours", True: "closed", False: "open"}[closed])

    def change_settings(self, **changes: str | float | bool | None) -> None:
        """Staff changed a setting on the device: keep it, and let every display apply it."""
        for key, value in changes.items():
            setattr(self.local, key, value)
        save_local_settings(self.local_path, self.local)
        for listener in self.settings_listeners:
            listener()
        self._catalog_changed()  # every display builds its scenes again, with the new state

    def _catalog_file(self) -> Path:
        """The catalogue to open: the rolled-back one while staff keep it, else the pack's (imported if new)."""
        database = catalog_path(self.config)
        if self.local.pinned_catalog and stored_fingerprint(database) == self.local.pinned_catalog:
            return database
        try:
            return ensure_catalog(pack_folder(self.config), database, self.config.store.id)
        except PackRejected as error:
            if stored_fingerprint(database) is None:
                raise  # no good catalogue to fall back on: nothing to show
            self.content_refused = list(error.problems)
            log.error("the content pack on disk was refused (%d problems, the first: %s); running on the last good "
                      "catalogue", len(error.problems), error.problems[0])
            return database

    def offer_content(self, offer: ContentOffered) -> bool:
        """Head office named the version this store should run: fetch and import it, unless it runs
        already (False then, or when no pack is fetched from head office here). An offer never waits on
        an older one: a fetch in progress is abandoned for it, an import in progress is followed by it."""
        self.content_offered = offer
        if self.content_source is None or offer.version == self.catalog.version:
            return False
        if self._importing and not self._fetching:
            self._rerun = True
            return True
        return self.import_catalog(why=f"head office offered version {offer.version} meanwhile")

    def import_catalog(self, done: Callable[[list[Problem]], None] = lambda problems: None,
                       why: str = "a newer reload replaced it") -> bool:
        """Import the pack again (if it changed) in a worker, while the screens keep drawing; the old
        catalogue serves until `CatalogReady` swaps the new one in between frames, then `done(problems)`
        runs on the loop ([] when it was swapped in). While head office's pack is being fetched, a new
        request abandons that fetch (stuck, perhaps: the `done` waiting for it hears `why`) and starts
        again once it ended; while the catalogue itself is imported, False: one import at a time."""
        if not self._importing:
            self._start([done])
            return True
        if not self._fetching or self.content_source is None:
            return False
        self._rerun = True
        self._rerun_done.append(done)
        self.content_source.cancel(self._job, why)
        return True

    def _start(self, done: list[Callable[[list[Problem]], None]]) -> None:
        self._importing = True
        self._fetching = self.content_source is not None
        self._job += 1
        self._import_done.extend(done)
        threading.Thread(target=self._import, args=(self._job,), name="catalogue import", daemon=True).start()

    @property
    def importing(self) -> bool:
        """Whether a catalogue import runs."""
        return self._importing

    @property
    def fetching(self) -> bool:
        """Whether the import running is still fetching head office's pack (then the catalogue is built)."""
        return self._importing and self._fetching

    def _import(self, job: int) -> None:
        """The worker: build the new database beside the one in use (never touching it), then tell the loop.

        The import itself runs in a process of its own: in a thread it shared the interpreter's lock with
        the loop, whose turns then waited up to ~0.3 s now and then during a 100k import."""
        if self.content_source is not None:  # head office's pack, over HTTPS: fetched and verified first
            offer = self.content_offered
            url, version = (offer.url or self.config.content.url, offer.version) if offer else (self.config.content.url,
                                                                                                "")
            try:
                self.content_source.fetch(allow_older=bool(offer and offer.rollback), url=url, version=version,
                                          job=job)
            except Exception as error:  # unreachable, tampered, too old, stalled: said, and the current pack stays
                message = str(error) if url in str(error) else f"{url}: {error}"
                refused = OfferRefused(url, version, str(getattr(error, "kind", type(error).__name__)), message)
                if refused.reason != "replaced":  # (replaced: the newer request follows; catalog_ready says so)
                    log.warning("the new content pack was not taken: %s", message)
                self.post(CatalogReady("", (Problem(fetched_packs(self.config), "", message),), refused))
                return
            finally:
                self._fetching = False
        # imported here, in the worker thread: the process machinery (0.6 MB) waits for the first import
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pack = pack_folder(self.config)
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as worker:
                path = worker.submit(ensure_catalog, pack, catalog_path(self.config), self.config.store.id).result()
        except PackRejected as error:
            self.post(CatalogReady("", tuple(error.problems)))
        except Exception as error:  # a disk full, a file that vanished: refused, said, and the old one stays
            log.exception("the catalogue import failed")
            self.post(CatalogReady("", (Problem(pack, "", f"the import failed: {type(error).__name__}: {error}"),)))
        else:
            self.post(CatalogReady(str(path)))

    def catalog_ready(self, ready: CatalogReady) -> None:
        """On the loop: swap the imported catalogue in, or keep the old one and say why (to head office too);
        then tell who asked, and start again if a newer request came meanwhile."""
        self._importing = False
        problems = list(ready.problems)
        refused = ready.refused_offer
        if refused is not None and refused.reason == "replaced":
            log.info("%s", refused.message)  # not a refusal: the newer request follows
        elif problems:
            self.content_refused = problems
            offer = {"url": refused.url, "version": refused.version, "reason": refused.reason} if refused else {}
            self.event("content_refused", problems=len(problems), first=str(problems[0]), **offer)
        else:
            self.content_refused = []
            if self.local.pinned_catalog:
                self.local.pinned_catalog = ""
                save_local_settings(self.local_path, self.local)
            self._swap_catalog(Path(ready.path))
        waiting, self._import_done = self._import_done, []
        for done in waiting:
            done(problems)
        if self._rerun:
            self._rerun, queued, self._rerun_done = False, self._rerun_done, []
            self._start(queued)

    def roll_back(self) -> bool:
        """Go back to the catalogue the last import replaced (kept until the next reload); False if none."""
        current = catalog_path(self.config)
        previous = previous_catalog(current)
        if not previous.is_file() or self._importing:
            return False
        self.catalog.close()
        os.replace(current, current.with_name(current.name + ".rolled-back"))
        os.replace(previous, current)
        self.local.pinned_catalog = stored_fingerprint(current) or ""
        save_local_settings(self.local_path, self.local)
        self._swap_catalog(current)
        log.info("content rolled back to version %s", self.catalog.version)
        return True

    def _swap_catalog(self, path: Path) -> None:
        old, self.catalog = self.catalog, Catalog(path)
        old.close()
        self.films.refresh(self.catalog.folder, self.catalog.path)
        self._catalog_changed()

    def apply_change(self, sku: str, price_cents: int | None, stock: int | None) -> None:
        """A live price or stock change from head office; the screens show it on their next frame."""
        if self.catalog.apply_change(sku, price_cents, stock):
            self._catalog_changed()

    def _catalog_changed(self) -> None:
        for listener in self.catalog_listeners:
            listener()

    def event(self, name: str, **fields: object) -> None:
        """An analytics event for head office (no personal data in `fields`)."""
        self.fleet.event(name, **fields)

    def call_adviser(self, display: str, location: str, reason: str) -> bool:
        """Ask for a member of staff to come; False when there is no one to ask."""
        if not self.fleet.available:
            return False
        self.fleet.staff_call({"type": "adviser", "display": display, "location": location, "reason": reason,
                               "time": self.clock.now().astimezone(UTC).isoformat(timespec="seconds")})
        return True

    def close(self) -> None:
        """Release the catalogue and the outbox, and stop making films' copies."""
        self.films.close()
        self.catalog.close()
        self.outbox.close()
