"""Fetching head office's signed content pack over HTTPS: only when it changed (ETag), resumed after an
interruption (Range), never larger than allowed; then verified against the kiosk's public key, and
swapped in whole (a `current` link that changes in one step), the previous version kept for a roll back.

A pack is served as a tar archive of its folder with manifest.json and manifest.sig
(content/tools/sign_pack.py makes one). Its manifest's signature, paths and version are checked before
anything is unpacked: an archive head office did not sign never writes a byte. Anything wrong refuses
the new pack and says why, naming the URL that was offered; the pack in use keeps serving. The
download's own limits (redirects, deadline, minimum rate, a newer offer replacing a stuck one) are in
pack_download.py; the archive's (members, sizes, links, names) in kiosk/core/pack/archive.py.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import requests

from kiosk.core.pack.archive import ArchiveProblem, Limits, Survey, unpack
from kiosk.core.pack.signature import (
    MANIFEST,
    SIGNATURE,
    SignatureProblem,
    public_key,
    signed_manifest,
    verify,
    version_key,
)
from kiosk.services.pack_download import DownloadLimits, FetchProblem, Line, Watch, blocks, open_download

__all__ = ["ContentFetcher", "FetchProblem", "Fetched"]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fetched:
    """What a fetch did: the version now current, and whether it changed."""

    version: str
    changed: bool


class ContentFetcher:
    """Downloads, checks and installs signed packs into `folder` (folder/current is the pack in use)."""

    def __init__(self, url: str, key: str, folder: Path, *, max_bytes: int, ca_file: str = "",
                 deadline_s: float = 3600.0, min_rate_kb_s: float = 10.0, stall_s: float = 60.0,
                 redirect_hosts: tuple[str, ...] = ()) -> None:
        self.url = url
        self.key = public_key(key)
        self.folder = folder
        self.max_bytes = max_bytes
        self.limits = DownloadLimits(max_bytes, deadline_s, min_rate_kb_s * 1000, stall_s, redirect_hosts)
        self.verify_tls: str | bool = ca_file or True
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._lines: dict[int, Line] = {}  # the fetch in progress, by its job number
        self._cancelled: dict[int, FetchProblem] = {}  # jobs cancelled before their fetch began

    @property
    def current(self) -> Path:
        """The link to the pack in use."""
        return self.folder / "current"

    def _state(self) -> dict[str, str]:
        try:
            loaded: dict[str, str] = json.loads((self.folder / "download.json").read_text(encoding="utf-8"))
            return loaded
        except (OSError, ValueError):
            return {}

    def _save_state(self, state: dict[str, str]) -> None:
        temporary = self.folder / "download.json.tmp"
        temporary.write_text(json.dumps(state), encoding="utf-8")
        os.replace(temporary, self.folder / "download.json")

    def running_version(self) -> str:
        """The version of the pack in use, "" when none was fetched yet."""
        return self._state().get("version", "") if self.current.exists() else ""

    def cancel(self, job: int, why: str) -> None:
        """Abandon job `job`'s fetch at once, wherever it is blocked (a newer offer replaces it); its
        fetch raises FetchProblem saying `why`. A job whose fetch has not begun yet never begins it."""
        problem = FetchProblem("replaced", f"abandoned: {why}")
        with self._lock:
            line = self._lines.get(job)
            if line is None:
                self._cancelled[job] = problem
        if line is not None:
            line.cut(problem)

    def fetch(self, *, allow_older: bool = False, url: str = "", version: str = "", job: int = 0) -> Fetched:
        """Fetch the pack if it changed, verify it and make it current; FetchProblem (naming the URL) when
        refused. `url` and `version`: the pack head office offered (its archive, and the version it must
        carry); `job`: a number for `cancel`."""
        if version and version == self.running_version():
            return Fetched(version, False)
        url = url or self.url
        line = Line()
        with self._lock:
            self._lines[job] = line
            cancelled = self._cancelled.pop(job, None)
        try:
            if cancelled is not None:
                raise cancelled
            return self._fetch(line, allow_older, url, version)
        except FetchProblem as problem:
            raise problem.at(url) from problem.__cause__
        finally:
            with self._lock:
                self._lines.pop(job, None)

    def _fetch(self, line: Line, allow_older: bool, url: str, version: str) -> Fetched:
        state = self._state()
        part = self.folder / "download.part"
        headers = {}
        if state.get("etag") and self.current.exists():
            headers["If-None-Match"] = state["etag"]
        if part.exists() and state.get("part_etag"):
            headers["Range"] = f"bytes={part.stat().st_size}-"  # resume, if the file is still the same one
            headers["If-Range"] = state["part_etag"]
        with Watch(line, self.limits) as watch, \
                open_download(line, url, headers, self.limits, self.verify_tls) as response:
            if response.status_code == 304:
                return Fetched(state.get("version", ""), False)
            if response.status_code not in (200, 206):
                raise FetchProblem("status", f"the server answered {response.status_code}")
            etag = response.headers.get("ETag", "")
            appending = response.status_code == 206 and part.exists()
            expected = int(response.headers.get("Content-Length", "0") or 0) + (part.stat().st_size if appending
                                                                               else 0)
            if expected > self.max_bytes:
                raise FetchProblem("too_large", f"refused: the pack is {expected} bytes, more than the "
                                                f"{self.max_bytes} allowed")
            self._save_state({**state, "part_etag": etag})
            self._download(line, watch, response, part, appending)
        size = part.stat().st_size
        if expected and size < expected:
            raise FetchProblem("cut_off", f"the download stopped at {size} of {expected} bytes; the next fetch "
                                          "resumes it")
        try:
            installed = self._install(part, allow_older, state.get("version", ""), version)
        finally:
            part.unlink(missing_ok=True)
            self._save_state({key: value for key, value in {**self._state(), "part_etag": ""}.items() if value})
        self._save_state({**self._state(), "etag": etag, "version": installed})
        return Fetched(installed, True)

    def _download(self, line: Line, watch: Watch, response: requests.Response, part: Path, appending: bool) -> None:
        written = part.stat().st_size if appending else 0
        with part.open("ab" if appending else "wb") as out:  # cut off: what came is kept, to resume
            for block in blocks(line, response, lambda error: f"the download was cut off at {out.tell()} bytes: "
                                                              f"{type(error).__name__}"):
                written += len(block)
                watch.received += len(block)
                if written > self.max_bytes:
                    raise FetchProblem("too_large", f"refused: the pack is larger than the {self.max_bytes} bytes "
                                                    "allowed")
                out.write(block)

    def _install(self, archive: Path, allow_older: bool, running: str, expected: str) -> str:
        """Check the archive and its signed manifest (and the version it holds) before anything is unpacked,
        then unpack it beside the packs, check every file against the manifest and make it current."""

        def signed(found: Survey) -> None:  # the archive surveyed, nothing written yet
            data, signature = found.kept.get(MANIFEST), found.kept.get(SIGNATURE)
            if data is None or signature is None:
                raise SignatureProblem("the pack is not signed (no manifest.json and manifest.sig)")
            _listed, version = signed_manifest(data, signature, self.key, found.files - {MANIFEST, SIGNATURE})
            self._check_version(version, allow_older, running, expected)

        staging = Path(tempfile.mkdtemp(prefix="staging-", dir=self.folder))
        try:
            try:
                unpack(archive, staging, Limits.for_max_mb(self.max_bytes / 1_000_000), signed,
                       keep=frozenset({MANIFEST, SIGNATURE}))
                version = verify(staging, self.key)
            except ArchiveProblem as problem:
                raise FetchProblem("archive", f"refused: {problem}") from problem
            except SignatureProblem as problem:
                raise FetchProblem("signature", f"refused: {problem}") from problem
            except OSError as error:
                raise FetchProblem("archive", f"refused: the archive could not be unpacked: {error}") from error
            target = self.folder / version
            if target.exists():
                shutil.rmtree(target)
            staging.rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        link = self.folder / "current.new"
        link.unlink(missing_ok=True)
        link.symlink_to(version)
        previous = os.readlink(self.current) if self.current.is_symlink() else ""
        os.replace(link, self.current)  # one step: the pack in use is the old one, then the new one
        self._keep(version, previous)
        log.info("content pack %s fetched, verified and made current (the previous: %s)", version, previous or "none")
        return version

    @staticmethod
    def _check_version(version: str, allow_older: bool, running: str, expected: str) -> None:
        """FetchProblem unless `version` is the one offered, can name a folder, and is not older than the
        one running (unless a roll back was asked for)."""
        if expected and version != expected:
            raise FetchProblem("version", f"refused: the archive holds version {version}, not the {expected} offered")
        if not version or "/" in version or version.startswith("."):
            raise FetchProblem("version", f"refused: the manifest's version {version!r} cannot name a folder")
        if running and version_key(version) < version_key(running) and not allow_older:
            raise FetchProblem("older", f"refused: version {version} is older than {running}, which runs (a roll "
                                        "back must be asked for)")

    def _keep(self, current: str, previous: str) -> None:
        """Keep the pack in use and the one before it (for a roll back); drop older ones."""
        for path in self.folder.iterdir():
            if path.is_dir() and not path.is_symlink() and path.name not in (current, previous) and \
                    not path.name.startswith("staging-"):
                shutil.rmtree(path, ignore_errors=True)

