"""Downloading head office's pack archive over HTTPS, with the limits a store's line needs.

- Redirects are followed by hand, one hop at a time: never from https to anything else, and never to
  another host than the offered URL's unless the config names it (`[content] redirect_hosts`).
- A watchdog abandons a download that passes its deadline, or that brings less than the minimum rate
  for `stall_s` (a server that says nothing at all included). It cuts the connection's socket, so the
  thread that reads gets its answer at once, whatever it was blocked in.
- The same cut lets a newer offer replace a download that is stuck (`Line.cut`).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

MAX_REDIRECTS = 5
BLOCK = 1 << 16


class FetchProblem(Exception):
    """The new pack could not be fetched or was refused; the current one keeps serving.

    `kind` says what went wrong in one word, for head office (see `KINDS`); `url` is the URL that was
    offered, exactly, once the fetch knows it."""

    def __init__(self, kind: str, reason: str, url: str = "") -> None:
        self.kind, self.reason, self.url = kind, reason, url
        super().__init__(f"{url}: {reason}" if url else reason)

    def copy(self) -> FetchProblem:
        """The same problem, to raise where the one kept (a download cut from another thread) is not raised:
        a problem raised holds its traceback, whose frames hold the kiosk's Shop, and the download's `Line`,
        which keeps its problem, outlived the download (a test process found a whole kiosk kept that way)."""
        return FetchProblem(self.kind, self.reason, self.url)

    def at(self, url: str) -> FetchProblem:
        """The same problem, naming the URL that was offered."""
        return self if self.url else FetchProblem(self.kind, self.reason, url)


KINDS = ("not_https", "redirect", "unreachable", "status", "too_large", "cut_off", "stalled", "deadline",
         "replaced", "archive", "signature", "version", "older")


@dataclass(frozen=True)
class DownloadLimits:
    """How long, how slow and how large a download may be, and where it may be redirected."""

    max_bytes: int
    deadline_s: float = 3600.0
    min_rate_bytes_s: float = 10_000.0
    stall_s: float = 60.0
    redirect_hosts: tuple[str, ...] = ()


class Line:
    """The connections of one download, which a watchdog or a newer offer may cut from another thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.cut_by: FetchProblem | None = None

    def attach(self, sock: socket.socket) -> None:
        """A connection of this download (cut at once if the download was cut meanwhile)."""
        with self._lock:
            self._sockets.append(sock)
            if self.cut_by is not None:
                _shut(sock)

    def cut(self, problem: FetchProblem) -> None:
        """Abandon the download: its sockets are shut down, and the reading thread raises `problem`."""
        with self._lock:
            if self.cut_by is None:
                self.cut_by = problem
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # closed already
        # the plain socket's shutdown, under TLS too: a blocked read returns, and the TLS state is left alone
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _LineAdapter(HTTPAdapter):
    """requests' adapter whose HTTPS connections are attached to a `Line` once connected."""

    def __init__(self, line: Line) -> None:
        self.line = line
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        """The pool manager, making connections that the line can cut."""
        super().init_poolmanager(*args, **kwargs)
        line = self.line

        class Connection(HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                line.attach(self.sock)

        class Pool(HTTPSConnectionPool):
            ConnectionCls = Connection

        self.poolmanager.pool_classes_by_scheme = {"http": HTTPConnectionPool, "https": Pool}


class Watch:
    """Cuts `line` when the download passes its deadline, or brings less than the minimum rate for
    `stall_s` (no byte at all for that long is a stall too, whatever the minimum)."""

    def __init__(self, line: Line, limits: DownloadLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.line, self.limits, self.clock = line, limits, clock
        self.received = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pack download watch", daemon=True)

    def __enter__(self) -> Watch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        limits = self.limits
        start = self.clock()
        samples: deque[tuple[float, int]] = deque([(start, 0)])
        least = max(1.0, limits.min_rate_bytes_s * limits.stall_s)
        while not self._stop.wait(min(0.25, limits.stall_s / 5)):
            now, received = self.clock(), self.received
            samples.append((now, received))
            while len(samples) > 1 and samples[1][0] <= now - limits.stall_s:
                samples.popleft()  # the oldest kept is the last one at least stall_s old
            if now - start >= limits.deadline_s:
                self.line.cut(FetchProblem("deadline", f"abandoned: the download took longer than its deadline of "
                                                       f"{limits.deadline_s:g} s ({received} bytes had come)"))
                return
            then, before = samples[0]
            if now - then >= limits.stall_s and received - before < least:
                self.line.cut(FetchProblem("stalled", f"abandoned: the download stalled ({received - before} bytes "
                                                      f"in the last {now - then:.1f} s, less than "
                                                      f"{limits.min_rate_bytes_s / 1000:g} kB/s)"))
                return


def _redirect_problem(offered: str, target: str, limits: DownloadLimits) -> str:
    if not target.startswith("https://"):
        return f"refused: the server redirected to {target}, which is not https"
    host, offered_host = urlsplit(target).hostname or "", urlsplit(offered).hostname or ""
    if host != offered_host and host not in limits.redirect_hosts:
        return (f"refused: the server redirected to another host, {host} ([content] redirect_hosts may allow it)")
    return ""


@contextlib.contextmanager
def open_download(line: Line, url: str, headers: dict[str, str], limits: DownloadLimits,
                  verify: str | bool) -> Iterator[requests.Response]:
    """GET `url` (https only), following only the redirects `limits` allow; the response streams, and its
    connection is closed after the block. FetchProblem when refused or unreachable (or cut: see `Reading`)."""
    if not url.startswith("https://"):
        raise FetchProblem("not_https", "refused: a pack is only fetched over https")
    with requests.Session() as session:
        session.mount("https://", _LineAdapter(line))
        with _follow(session, line, url, headers, limits, verify) as response:
            yield response


def _follow(session: requests.Session, line: Line, url: str, headers: dict[str, str], limits: DownloadLimits,
            verify: str | bool) -> requests.Response:
    current = url
    with Reading(line, "unreachable", lambda error: f"could not be reached: {type(error).__name__}"):
        for _hop in range(MAX_REDIRECTS + 1):
            response = session.get(current, headers=headers, stream=True, allow_redirects=False, verify=verify,
                                   timeout=(limits.stall_s + 1, limits.stall_s + 1))
            if not response.is_redirect:
                return response
            target = urljoin(current, response.headers.get("Location", ""))
            response.close()
            if problem := _redirect_problem(url, target, limits):
                raise FetchProblem("redirect", problem)
            current = target
    raise FetchProblem("redirect", f"refused: more than {MAX_REDIRECTS} redirects")


class Reading:
    """Inside: a cut line makes the reading thread raise the line's own FetchProblem (the deadline, the
    stall, the newer offer), and a timeout is a stall; any other error is raised as `kind` with `words`."""

    def __init__(self, line: Line, kind: str, words: Callable[[BaseException], str]) -> None:
        self.line, self.kind, self.words = line, kind, words

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if error is None:
            return
        if self.line.cut_by is not None:
            raise self.line.cut_by.copy() from error
        if isinstance(error, FetchProblem):
            return
        if isinstance(error, requests.Timeout | urllib3.exceptions.TimeoutError):
            raise FetchProblem("stalled", f"abandoned: the server sent nothing more ({type(error).__name__})") \
                from error
        if isinstance(error, requests.RequestException | urllib3.exceptions.HTTPError | OSError | ValueError):
            raise FetchProblem(self.kind, self.words(error)) from error


def blocks(line: Line, response: requests.Response, words: Callable[[BaseException], str]) -> Iterator[bytes]:
    """The body as it comes, in blocks of at most 64 KiB, each as soon as it arrives; cut off: `words`."""
    with Reading(line, "cut_off", words):
        while block := response.raw.read1(BLOCK):
            yield block
    if line.cut_by is not None:
        raise line.cut_by.copy()
