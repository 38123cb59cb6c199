"""A signed pack's archive (tar; gzip, bzip2 or xz compressed, or not), checked before it is unpacked and
unpacked with the same limits enforced as it streams.

Before anything is written, one pass reads every member's header: only plain files and folders, each
with a name that stays inside the pack (kiosk/core/pack/paths.py), at most `max_members` of them, none
larger than `max_bytes` and all together no larger either. Links (symbolic or hard), devices and sparse
files are refused. The archive is decompressed as it streams, and each step may only read as much as it
needs (a header, or the member it announced), so a compression bomb stops at the limit instead of
filling the memory or the disk. Unpacking counts again what it writes; past a limit it stops, and what
was written is removed by the caller (the staging folder).
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import lzma
import tarfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from kiosk.core.pack.paths import path_problem

HEADER_BYTES = 1 << 20  # a member's headers (long names, pax records) never need more than this
SLACK = 1 << 16  # what tarfile reads ahead of what it asked for
BLOCK = 1 << 16
KEPT_BYTES = 64_000_000  # a file kept in memory while the archive is checked (a 100k-file manifest: ~10 MB)


UNREADABLE = (tarfile.TarError, EOFError, OSError, lzma.LZMAError, zlib.error, ValueError)  # a damaged archive


class ArchiveProblem(Exception):
    """The archive is refused: what is wrong with it."""


@dataclass(frozen=True)
class Limits:
    """How much an archive may hold once unpacked."""

    max_bytes: int  # any one member, and all of them together
    max_members: int

    @classmethod
    def for_max_mb(cls, max_mb: float) -> Limits:
        """The limits of [content] max_mb: that many megabytes unpacked, and a thousand members a megabyte."""
        return cls(int(max_mb * 1_000_000), max(1, int(max_mb * 1000)))


@dataclass(frozen=True)
class Survey:
    """What a checked archive holds: how many members, how many bytes unpacked, its files' names, and
    the data of the small files it was asked to keep (a signed pack's manifest and signature)."""

    members: int
    total_bytes: int
    files: frozenset[str] = frozenset()
    kept: dict[str, bytes] = field(default_factory=dict)


class Readable(Protocol):
    """A stream of bytes (a file, or a decompressor over one)."""

    def read(self, size: int = -1, /) -> bytes:
        """At most `size` bytes; b"" at the end."""
        ...

    def close(self) -> None:
        """Done with it."""
        ...


class _Budgeted:
    """The decompressed archive, read only as far as the step in progress was allowed to read."""

    def __init__(self, stream: Readable) -> None:
        self.stream = stream
        self.allowance = HEADER_BYTES
        self.read_bytes = 0
        self.why = "a header"

    def allow(self, size: int, why: str) -> None:
        """The next step may read `size` bytes (and what tarfile reads ahead)."""
        self.allowance, self.why = size + SLACK, why

    def read(self, size: int = -1) -> bytes:
        """At most `size` bytes, within the allowance; ArchiveProblem past it."""
        if size < 0 or size > self.allowance:
            size = self.allowance + 1
        data = self.stream.read(size)
        self.allowance -= len(data)
        self.read_bytes += len(data)
        if self.allowance < 0:
            raise ArchiveProblem(f"the archive holds more than it announces ({self.why}): a compression bomb?")
        return data


def _decompressed(handle: IO[bytes]) -> Readable:
    """The tar stream inside `handle`, decompressed as it is read (gzip, bzip2, xz, or none)."""
    magic = handle.read(6)
    handle.seek(0)
    if magic.startswith(b"\x1f\x8b"):
        return gzip.GzipFile(fileobj=handle, mode="rb")
    if magic.startswith(b"BZh"):
        return bz2.BZ2File(handle, "rb")
    if magic.startswith(b"\xfd7zXZ\x00"):
        return lzma.LZMAFile(handle, "rb")
    return handle


def _members(archive: Path, limits: Limits) -> Iterator[tuple[tarfile.TarInfo, tarfile.TarFile, _Budgeted]]:
    """Each member of the archive, checked, with the open archive to read its data from."""
    total = count = 0
    seen: set[str] = set()
    try:
        with archive.open("rb") as handle, contextlib.closing(_decompressed(handle)) as stream:
            budget = _Budgeted(stream)
            with tarfile.open(fileobj=budget, mode="r|") as tar:  # type: ignore[call-overload]
                while True:
                    budget.allow(HEADER_BYTES, "a header")
                    member = tar.next()
                    if member is None:
                        return
                    tar.members.clear()  # streamed: tarfile need not remember the members already seen
                    count += 1
                    if count > limits.max_members:
                        raise ArchiveProblem(f"the archive holds more than {limits.max_members} members")
                    _check_member(member, limits)
                    if member.name in seen:
                        raise ArchiveProblem(f"{member.name} is in the archive twice")
                    seen.add(member.name)
                    total += member.size
                    if total > limits.max_bytes:
                        raise ArchiveProblem(f"the archive unpacks to more than the {_mb(limits.max_bytes)} allowed")
                    budget.allow(member.size, member.name)
                    yield member, tar, budget
    except UNREADABLE as error:
        raise ArchiveProblem(f"the archive cannot be read: {error}") from error


def _blocks(source: IO[bytes]) -> Iterator[bytes]:
    """A member's data as it is decompressed, block by block."""
    try:
        while block := source.read(BLOCK):
            yield block
    except UNREADABLE as error:
        raise ArchiveProblem(f"the archive cannot be read: {error}") from error


def _check_member(member: tarfile.TarInfo, limits: Limits) -> None:
    if problem := path_problem(member.name):
        raise ArchiveProblem(f"{member.name!r} in the archive {problem}")
    if member.issym() or member.islnk():
        raise ArchiveProblem(f"{member.name} in the archive is a link (to {member.linkname!r})")
    if member.issparse() or not (member.isreg() or member.isdir()):
        raise ArchiveProblem(f"{member.name} in the archive is not a plain file or folder")
    if member.size > limits.max_bytes:
        raise ArchiveProblem(f"{member.name} unpacks to {_mb(member.size)}, more than the {_mb(limits.max_bytes)} "
                             "allowed")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size < 10**12 else f"{size:.3g} bytes"


def survey(archive: Path, limits: Limits, keep: frozenset[str] = frozenset()) -> Survey:
    """Check every member's header (and read past its data) without writing anything; the data of the
    files named in `keep` (each at most KEPT_BYTES) comes back in `Survey.kept`."""
    members = total = 0
    files: set[str] = set()
    kept: dict[str, bytes] = {}
    for member, tar, _budget in _members(archive, limits):
        members += 1
        total += member.size
        if not member.isreg():
            continue
        files.add(member.name)
        if member.name in keep:
            if member.size > KEPT_BYTES:
                raise ArchiveProblem(f"{member.name} is larger than {_mb(KEPT_BYTES)}")
            kept[member.name] = _read_whole(tar, member)
        else:
            _drain(tar, member)
    return Survey(members, total, frozenset(files), kept)


def _read_whole(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    source = tar.extractfile(member)
    return b"".join(_blocks(source)) if source is not None else b""


def _drain(tar: tarfile.TarFile, member: tarfile.TarInfo) -> None:
    source = tar.extractfile(member)
    if source is not None:
        for _block in _blocks(source):
            pass


def unpack(archive: Path, into: Path, limits: Limits, check: Callable[[Survey], None] = lambda found: None,
           keep: frozenset[str] = frozenset()) -> Survey:
    """Check the archive (`survey`, then `check` on what it found, which raises to refuse it), then write
    its members under `into`, counting again what is written: past a limit it stops (the caller removes
    `into`)."""
    found = survey(archive, limits, keep)
    check(found)
    written = members = 0
    for member, tar, _budget in _members(archive, limits):
        members += 1
        target = into / member.name
        try:
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            out = target.open("xb")  # never through something that was there already
        except (FileExistsError, NotADirectoryError):
            raise ArchiveProblem(f"{member.name} in the archive collides with another member") from None
        source = tar.extractfile(member)
        if source is None:
            raise ArchiveProblem(f"{member.name} cannot be read from the archive")
        with out:
            size = 0
            for block in _blocks(source):
                size += len(block)
                written += len(block)
                if size > member.size or written > limits.max_bytes:
                    raise ArchiveProblem(f"{member.name} unpacks to more than the archive announced")
                out.write(block)
    return Survey(members, written, found.files, found.kept)
