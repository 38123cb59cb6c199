"""The paths a signed pack names stay inside it: its manifest is checked before any file is read, and a
link in the folder refuses the pack, even one that head office's own key signed."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.core.pack.paths import path_problem
from kiosk.core.pack.signature import MANIFEST, SIGNATURE, SignatureProblem, sign, verify


@pytest.mark.parametrize(("name", "problem"), [
    ("../etc/passwd", "normalised"), ("images/../../x", "normalised"), ("/etc/passwd", "absolute"),
    ("C:/Windows/win.ini", "drive"), ("c:x", "drive"), ("images\\a.png", "backslash"), ("a\x00b", "NUL"),
    ("a\x1bb", "control"), ("./pack.json", "normalised"), ("images//a.png", "normalised"), ("images/", "normalised"),
    ("", "empty")])
def test_a_path_that_could_leave_the_pack_is_named_for_what_it_is(name: str, problem: str) -> None:
    assert problem in path_problem(name)


@pytest.mark.parametrize("name", ["pack.json", "images/a b.png", "images/vélo-1.jpg", "a..b/c.d", ".hidden"])
def test_ordinary_paths_are_taken(name: str) -> None:
    assert path_problem(name) == ""


def _signed_manifest(folder: Path, key: Ed25519PrivateKey, files: dict[str, str]) -> None:
    data = json.dumps({"version": "2026.12.1", "files": files}).encode()
    (folder / MANIFEST).write_bytes(data)
    (folder / SIGNATURE).write_bytes(key.sign(data))


def test_a_signed_manifest_naming_a_file_outside_is_refused_before_it_is_read(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    secret = tmp_path / "secret.txt"
    secret.write_text("not the pack's")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.json").write_text("{}")
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    for outside in ("../secret.txt", str(secret)):
        _signed_manifest(pack, key, {"pack.json": hashlib.sha256(b"{}").hexdigest(), outside: digest})
        with pytest.raises(SignatureProblem, match="the manifest names"):
            verify(pack, key.public_key())


def test_a_link_in_the_pack_is_refused_even_signed(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "prices.json").write_text("[]")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.json").write_text("{}")
    sign(pack, key, "2026.12.1")
    assert verify(pack, key.public_key()) == "2026.12.1"
    (pack / "prices.json").symlink_to(outside / "prices.json")
    with pytest.raises(SignatureProblem, match=r"prices\.json is a link"):
        sign(pack, key, "2026.12.2")
    (pack / "prices.json").unlink()
    (pack / "more").symlink_to(outside, target_is_directory=True)
    with pytest.raises(SignatureProblem, match="more is a link"):
        verify(pack, key.public_key())
    (pack / "more").unlink()
    os.mkfifo(pack / "pipe")
    with pytest.raises(SignatureProblem, match="pipe is not a plain file"):
        verify(pack, key.public_key())
