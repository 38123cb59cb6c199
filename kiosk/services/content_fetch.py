"""Fetching head office's signed content pack over HTTPS: only when it changed (ETag), resumed after an
interruption (Range), never larger than allowed; then verified against the kiosk's public key, and
swapped in whole (a `current` link that changes in one step), the previous version kept for a roll back.

A pack is served as a tar archive of its folder with manifest.json and manifest.sig
(content/tools/sign_pack.py makes one). Anything wrong refuses the new pack and says why; the pack in
use keeps serving.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import requests

from kiosk.core.pack.signature import SignatureProblem, public_key, verify, version_key

log = logging.getLogger(__name__)
CHUNK = 1 << 16


class FetchProblem(Exception):
    """The new pack could not be fetched or was refused; the current one keeps serving."""


@dataclass(frozen=True)
class Fetched:
    """What a fetch did: the version now current, and whether it changed."""

    version: str
    changed: bool


class ContentFetcher:
    """Downloads, checks and installs signed packs into `folder` (folder/current is the pack in use)."""

    def __init__(self, url: str, key: str, folder: Path, *, max_bytes: int, ca_file: str = "",
                 timeout_s: float = 30.0) -> None:
        self.url = url
        self.key = public_key(key)
        self.folder = folder
        self.max_bytes = max_bytes
        self.verify_tls: str | bool = ca_file or True
        self.timeout_s = timeout_s
        self.folder.mkdir(parents=True, exist_ok=True)

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

    def fetch(self, *, allow_older: bool = False, url: str = "", version: str = "") -> Fetched:
        """Fetch the pack if it changed, verify it and make it current; FetchProblem when refused. `url`
        and `version`: the pack head office offered (its archive, and the version it must carry)."""
        if version and version == self.running_version():
            return Fetched(version, False)
        url = url or self.url
        state = self._state()
        part = self.folder / "download.part"
        headers = {}
        if state.get("etag") and self.current.exists():
            headers["If-None-Match"] = state["etag"]
        if part.exists() and state.get("part_etag"):
            headers["Range"] = f"bytes={part.stat().st_size}-"  # resume, if the file is still the same one
            headers["If-Range"] = state["part_etag"]
        try:
            response = requests.get(url, headers=headers, stream=True, timeout=self.timeout_s,
                                    verify=self.verify_tls)
        except requests.RequestException as error:
            raise FetchProblem(f"{url} could not be reached: {type(error).__name__}") from error
        with response:
            if response.status_code == 304:
                return Fetched(state.get("version", ""), False)
            if response.status_code not in (200, 206):
                raise FetchProblem(f"{url} answered {response.status_code}")
            etag = response.headers.get("ETag", "")
            appending = response.status_code == 206
            expected = int(response.headers.get("Content-Length", "0") or 0) + (part.stat().st_size if appending
                                                                               else 0)
            if expected > self.max_bytes:
                raise FetchProblem(f"the pack is {expected} bytes, more than the {self.max_bytes} allowed")
            self._save_state({**state, "part_etag": etag})
            self._download(response, part, appending)
        size = part.stat().st_size
        if expected and size < expected:
            raise FetchProblem(f"the download stopped at {size} of {expected} bytes; the next fetch resumes it")
        try:
            installed = self._install(part, allow_older, state.get("version", ""), version)
        finally:
            part.unlink(missing_ok=True)
            self._save_state({key: value for key, value in {**self._state(), "part_etag": ""}.items() if value})
        self._save_state({**self._state(), "etag": etag, "version": installed})
        return Fetched(installed, True)

    def _download(self, response: requests.Response, part: Path, appending: bool) -> None:
        written = part.stat().st_size if appending and part.exists() else 0
        with part.open("ab" if appending else "wb") as out:
            try:
                for block in response.iter_content(CHUNK):
                    written += len(block)
                    if written > self.max_bytes:
                        raise FetchProblem(f"the pack is larger than the {self.max_bytes} bytes allowed")
                    out.write(block)
            except requests.RequestException as error:  # cut off: what came is kept, to resume
                raise FetchProblem(f"the download was cut off at {written} bytes: {type(error).__name__}") from error

    def _install(self, archive: Path, allow_older: bool, running: str, expected: str) -> str:
        staging = Path(tempfile.mkdtemp(prefix="staging-", dir=self.folder))
        try:
            _extract(archive, staging)
            try:
                version = verify(staging, self.key)
            except SignatureProblem as problem:
                raise FetchProblem(f"refused: {problem}") from problem
            if expected and version != expected:
                raise FetchProblem(f"refused: the archive holds version {version}, not the {expected} offered")
            if not version or "/" in version or version.startswith("."):
                raise FetchProblem(f"refused: the manifest's version {version!r} cannot name a folder")
            if running and version_key(version) < version_key(running) and not allow_older:
                raise FetchProblem(f"refused: version {version} is older than {running}, which runs (a roll back "
                                   "must be asked for)")
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

    def _keep(self, current: str, previous: str) -> None:
        """Keep the pack in use and the one before it (for a roll back); drop older ones."""
        for path in self.folder.iterdir():
            if path.is_dir() and not path.is_symlink() and path.name not in (current, previous) and \
                    not path.name.startswith("staging-"):
                shutil.rmtree(path, ignore_errors=True)


def _extract(archive: Path, into: Path) -> None:
    """Unpack a pack's tar archive, refusing links, devices and paths that leave the folder."""
    root = into.resolve()
    try:
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                target = (root / member.name).resolve()
                if member.name.startswith("/") or not target.is_relative_to(root):
                    raise FetchProblem(f"refused: {member.name} in the archive lies outside the pack")
                if member.isdir():
                    target.mkdir(parents=True, exist_ok=True)
                elif member.isfile():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    source = tar.extractfile(member)
                    if source is None:
                        raise FetchProblem(f"refused: {member.name} cannot be read from the archive")
                    with source, target.open("wb") as out:
                        shutil.copyfileobj(source, out)
                else:
                    raise FetchProblem(f"refused: {member.name} in the archive is not a plain file")
    except (tarfile.TarError, OSError) as error:
        raise FetchProblem(f"refused: the archive cannot be unpacked: {error}") from error
