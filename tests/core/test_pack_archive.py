"""A pack's archive is checked before it is unpacked, and unpacked within the same limits: real archives,
bombs included, made at test time with tarfile and gzip."""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.core.pack.archive import ArchiveProblem, Limits, Survey, survey, unpack
from kiosk.core.pack.paths import path_problem

ONE_MB = Limits.for_max_mb(1)  # 1,000,000 bytes unpacked, 1,000 members


def _archive(path: Path, members: list[tarfile.TarInfo], data: dict[str, bytes] | None = None,
             compress: bool = True) -> Path:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for member in members:
            body = (data or {}).get(member.name)
            tar.addfile(member, io.BytesIO(body) if body is not None else None)
    path.write_bytes(gzip.compress(raw.getvalue(), compresslevel=1) if compress else raw.getvalue())
    return path


def _file(name: str, size: int = 0) -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.size = size
    return member


def _zeros_member(name: str, size: int) -> tuple[tarfile.TarInfo, bytes]:
    return _file(name, size), bytes(size)


def test_a_good_archive_unpacks_compressed_or_not(tmp_path: Path) -> None:
    folder = tarfile.TarInfo("images")
    folder.type = tarfile.DIRTYPE
    members = [_file("pack.json", 12), folder, _file("images/a.png", 3)]
    data = {"pack.json": b'{"id": "x"} ', "images/a.png": b"png"}
    for compress in (True, False):
        into = tmp_path / f"into-{compress}"
        into.mkdir()
        done = unpack(_archive(tmp_path / f"pack-{compress}.tar", members, data, compress), into, ONE_MB)
        assert (done.members, done.total_bytes) == (3, 15)
        assert (into / "pack.json").read_bytes() == data["pack.json"] and (into / "images" / "a.png").is_file()


def test_a_compression_bomb_is_refused_before_a_byte_is_written(tmp_path: Path) -> None:
    member, zeros = _zeros_member("video.mp4", 50_000_000)  # 50 MB of zeros: 50 kB once compressed
    bomb = _archive(tmp_path / "bomb.tar.gz", [member], {"video.mp4": zeros})
    del zeros
    assert bomb.stat().st_size < 2_000_000
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(ArchiveProblem, match=r"video.mp4 unpacks to 50.0 MB, more than the 1.0 MB allowed"):
        unpack(bomb, into, ONE_MB)  # (said from its header: nothing of its data was inflated)
    assert not any(into.iterdir()), "nothing written"


def test_a_bomb_in_the_headers_stops_at_the_limit(tmp_path: Path) -> None:
    """A pax header of 8 MB (a few kB compressed): tarfile would read it whole into memory; the
    archive stops being read at the header allowance instead."""
    member = _file("pack.json", 2)
    member.pax_headers = {"comment": "x" * 8_000_000}
    bomb = _archive(tmp_path / "headers.tar.gz", [member], {"pack.json": b"{}"})
    assert bomb.stat().st_size < 500_000
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(ArchiveProblem, match="more than it announces"):
        unpack(bomb, into, ONE_MB)
    assert not any(into.iterdir())


def test_too_many_members_or_too_much_altogether_is_refused(tmp_path: Path) -> None:
    many = _archive(tmp_path / "many.tar.gz", [_file(f"f{index}.txt") for index in range(1001)])
    with pytest.raises(ArchiveProblem, match="more than 1000 members"):
        survey(many, ONE_MB)
    assert survey(_archive(tmp_path / "enough.tar.gz", [_file(f"f{index}.txt") for index in range(1000)]),
                  ONE_MB).members == 1000
    parts = [_zeros_member(f"part{index}.bin", 400_000) for index in range(3)]  # each fits, not all three
    together = _archive(tmp_path / "together.tar.gz", [m for m, _ in parts], {m.name: d for m, d in parts})
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(ArchiveProblem, match=r"unpacks to more than the 1\.0 MB allowed"):
        unpack(together, into, ONE_MB)
    assert not any(into.iterdir()), "the check comes before the first member is written"


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.CHRTYPE, tarfile.FIFOTYPE])
def test_links_and_devices_are_refused(tmp_path: Path, kind: bytes) -> None:
    link = _file("images/a.png")
    link.type = kind
    link.linkname = "/etc/passwd" if kind != tarfile.LNKTYPE else "pack.json"
    archive = _archive(tmp_path / "links.tar.gz", [_file("pack.json", 2), link], {"pack.json": b"{}"})
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(ArchiveProblem, match=r"images/a\.png in the archive is (a link|not a plain file)"):
        unpack(archive, into, ONE_MB)
    assert not any(into.iterdir())


@pytest.mark.parametrize("name", ["../outside.txt", "images/../../outside.txt", "/etc/cron.d/x", "C:/autoexec.bat",
                                  "images\\a.png", "./pack.json", "images//a.png", "a\nb.txt"])
def test_a_member_named_outside_the_pack_is_refused(tmp_path: Path, name: str) -> None:
    archive = _archive(tmp_path / "names.tar", [_file("pack.json", 2), _file(name, 1)],
                       {"pack.json": b"{}", name: b"x"}, compress=False)
    into = tmp_path / "deep" / "into"
    into.mkdir(parents=True)
    with pytest.raises(ArchiveProblem) as refused:
        unpack(archive, into, ONE_MB)
    assert repr(name) in str(refused.value) and path_problem(name)
    assert not any(into.iterdir()) and not (tmp_path / "deep" / "outside.txt").exists()


def test_a_member_twice_is_refused(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "twice.tar", [_file("pack.json", 2), _file("pack.json", 2)],
                       {"pack.json": b"{}"}, compress=False)
    with pytest.raises(ArchiveProblem, match=r"pack\.json is in the archive twice"):
        survey(archive, ONE_MB)


def test_a_broken_archive_says_so(tmp_path: Path) -> None:
    good = _archive(tmp_path / "good.tar.gz", [_file("pack.json", 2)], {"pack.json": b"{}"})
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(good.read_bytes()[:30])
    with pytest.raises(ArchiveProblem, match="cannot be read"):
        survey(cut, ONE_MB)


def _good_archive_bytes() -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, body in (("pack.json", b'{"id": "x"}'), ("images/a.png", b"\x89PNG" + bytes(600))):
            member = _file(name, len(body))
            tar.addfile(member, io.BytesIO(body))
    return raw.getvalue()


GOOD = _good_archive_bytes()


@settings(max_examples=150, deadline=None)
@example(changes=[], keep=512, compress=False)  # cut after the first header: tarfile's ReadError, once raised as is
@given(st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.binary(min_size=1, max_size=8)), max_size=6),
       st.integers(0, len(GOOD)), st.booleans())
def test_a_damaged_archive_is_refused_or_unpacked_inside_and_nothing_else(
        tmp_path_factory: pytest.TempPathFactory, changes: list[tuple[int, bytes]], keep: int, compress: bool) -> None:
    """Bytes changed here and there, or the archive cut short: it unpacks (within the limits, inside the
    folder) or it is refused with ArchiveProblem; never another error, never a file elsewhere."""
    data = bytearray(GOOD[:keep] if keep else GOOD)
    for offset, replacement in changes:
        data[offset:offset + len(replacement)] = replacement
    folder = tmp_path_factory.mktemp("fuzz")
    archive = folder / "pack.tar"
    archive.write_bytes(gzip.compress(bytes(data), compresslevel=1) if compress else bytes(data))
    into = folder / "deep" / "into"
    into.mkdir(parents=True)
    try:
        done = unpack(archive, into, Limits(10_000, 10))
    except ArchiveProblem:
        pass
    else:
        assert done.members <= 10 and done.total_bytes <= 10_000
    outside = {p for p in folder.rglob("*") if not p.is_relative_to(into)}
    assert outside == {archive, folder / "deep"}
    assert not any(p.is_symlink() for p in into.rglob("*"))


def test_a_member_colliding_with_another_is_refused(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "collide.tar", [_file("images", 1), _file("images/a.png", 1)],
                       {"images": b"x", "images/a.png": b"y"}, compress=False)
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(ArchiveProblem, match=r"images/a\.png in the archive collides"):
        unpack(archive, into, ONE_MB)


def test_what_the_survey_finds_is_checked_before_a_byte_is_written(tmp_path: Path) -> None:
    """The fetch checks the manifest's signature here: an archive head office did not sign writes nothing."""
    archive = _archive(tmp_path / "pack.tar.gz", [_file("manifest.json", 2), _file("pack.json", 2)],
                       {"manifest.json": b"{}", "pack.json": b"[]"})
    into = tmp_path / "into"
    into.mkdir()
    seen = []

    def refuse(found: Survey) -> None:
        seen.append((found.files, found.kept))
        raise ArchiveProblem("not signed")

    with pytest.raises(ArchiveProblem, match="not signed"):
        unpack(archive, into, ONE_MB, refuse, keep=frozenset({"manifest.json"}))
    assert seen == [(frozenset({"manifest.json", "pack.json"}), {"manifest.json": b"{}"})]
    assert not any(into.iterdir())
