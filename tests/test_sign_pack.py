"""content/tools/sign_pack.py signs the folder's own plain files and nothing else: a link (to a file or a
folder, inside or outside), a device, the private key or the archive inside the folder refuse it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import REPO

TOOL = REPO / "content" / "tools" / "sign_pack.py"


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True, timeout=60)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.json").write_text('{"id": "demo", "version": "2026.12.1"}')
    (pack / "images").mkdir()
    (pack / "images" / "a.png").write_bytes(b"png")
    return pack


@pytest.fixture
def keyfile(tmp_path: Path) -> Path:
    key = tmp_path / "keys" / "head-office.key"
    key.parent.mkdir()
    assert _run("keygen", key).returncode == 0
    return key


def test_a_plain_folder_is_signed(tmp_path: Path, folder: Path, keyfile: Path) -> None:
    signed = _run("sign", folder, keyfile, tmp_path / "pack.tar")
    assert signed.returncode == 0, signed.stderr
    with tarfile.open(tmp_path / "pack.tar") as tar:
        assert sorted(tar.getnames()) == ["images", "images/a.png", "manifest.json", "manifest.sig", "pack.json"]


def test_links_and_devices_are_refused_and_nothing_is_written(tmp_path: Path, folder: Path, keyfile: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the till's password")
    cases = {"images/b.png is a link": lambda: (folder / "images" / "b.png").symlink_to(secret),
             "inside.json is a link": lambda: (folder / "inside.json").symlink_to(folder / "pack.json"),
             "etc is a link": lambda: (folder / "etc").symlink_to("/etc", target_is_directory=True),
             "pipe is not a plain file": lambda: os.mkfifo(folder / "pipe")}
    for said, make in cases.items():
        make()
        out = tmp_path / "pack.tar"
        refused = _run("sign", folder, keyfile, out)
        assert refused.returncode != 0 and said in refused.stderr, (said, refused.stderr)
        assert not out.exists()
        name = said.split(" ")[0]
        (folder / name).unlink()
    linked = tmp_path / "linked"
    linked.symlink_to(folder, target_is_directory=True)
    refused = _run("sign", linked, keyfile, tmp_path / "pack.tar")
    assert refused.returncode != 0 and "a link to one is refused" in refused.stderr


def test_the_key_and_the_archive_never_go_into_the_pack(tmp_path: Path, folder: Path, keyfile: Path) -> None:
    inside_key = folder / "head-office.key"
    shutil.copy(keyfile, inside_key)
    refused = _run("sign", folder, inside_key, tmp_path / "pack.tar")
    assert refused.returncode != 0 and "the private key must not be part of the pack" in refused.stderr
    inside_key.unlink()
    refused = _run("sign", folder, keyfile, folder / "pack.tar")
    assert refused.returncode != 0 and "the archive must not be part of the pack" in refused.stderr
