"""Signed content packs: a manifest of every file's SHA-256, signed with Ed25519 by head office, checked
by each kiosk against the public key in its config before anything of the pack is used.

A signed pack is a folder with `manifest.json` ({"version": ..., "files": {path: sha256}}) and
`manifest.sig` (the raw 64-byte signature of manifest.json's bytes). Nothing else may be in it: a file
the manifest does not name, a missing one or a changed one refuses the pack. Every path the manifest
names is checked (kiosk/core/pack/paths.py) before any file is read, and a link or a device in the
folder refuses it: a pack holds its own files and nothing that points outside.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.core.pack.paths import path_problem

MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"


class SignatureProblem(Exception):
    """The pack is not what head office signed (or not signed at all)."""


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def pack_files(folder: Path) -> list[str]:
    """The files of a pack folder (manifest.json and manifest.sig aside), as the manifest names them;
    SignatureProblem on a link, a device or a name a pack cannot hold: nothing in a pack points outside."""
    names = []
    for top, folders, files in os.walk(folder, onerror=_unreadable):
        for entry in (*folders, *files):
            path = Path(top, entry)
            name = path.relative_to(folder).as_posix()
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                raise SignatureProblem(f"{name} is a link: a pack holds its own files, nothing that points outside")
            if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                raise SignatureProblem(f"{name} is not a plain file or folder")
            if problem := path_problem(name):
                raise SignatureProblem(f"{name!r} {problem}")
            if stat.S_ISREG(mode) and name not in (MANIFEST, SIGNATURE):
                names.append(name)
    return sorted(names)


def _unreadable(error: OSError) -> None:
    raise SignatureProblem(f"{error.filename} cannot be read: {error.strerror}")


def public_key(text: str) -> Ed25519PublicKey:
    """A public key from its base64 form (32 bytes), as written in [content] public_key."""
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except ValueError as error:
        raise SignatureProblem(f"the public key is not a base64 Ed25519 key: {error}") from error


def sign(folder: Path, key: Ed25519PrivateKey, version: str) -> None:
    """Write the manifest of `folder` and its signature (head office's side: content/tools/sign_pack.py)."""
    manifest = {"version": version, "files": {name: _digest(folder / name) for name in pack_files(folder)}}
    data = json.dumps(manifest, indent=1, sort_keys=True).encode()
    (folder / MANIFEST).write_bytes(data)
    (folder / SIGNATURE).write_bytes(key.sign(data))


def verify(folder: Path, key: Ed25519PublicKey) -> str:
    """Check a pack against its signed manifest; its version, or SignatureProblem saying what is wrong."""
    present = pack_files(folder)  # links and odd names first: nothing is read through them
    try:
        data = (folder / MANIFEST).read_bytes()
        signature = (folder / SIGNATURE).read_bytes()
    except OSError:
        raise SignatureProblem("the pack is not signed (no manifest.json and manifest.sig)") from None
    listed, version = signed_manifest(data, signature, key, present)
    for name, digest in listed.items():
        path = folder / name
        if not path.is_file():
            raise SignatureProblem(f"{name} is missing")
        if _digest(path) != digest:
            raise SignatureProblem(f"{name} is not the file that was signed (its SHA-256 differs)")
    return version


def signed_manifest(data: bytes, signature: bytes, key: Ed25519PublicKey,
                    present: list[str] | frozenset[str]) -> tuple[dict[str, str], str]:
    """The files a manifest lists (path -> SHA-256) and its version, once its signature is checked,
    every path it names is checked, and `present` (the pack's files) holds nothing it does not list;
    SignatureProblem otherwise. Nothing of the pack is read: an archive is checked this way before it
    is unpacked."""
    try:
        key.verify(signature, data)
    except InvalidSignature:
        raise SignatureProblem("the signature does not match: not signed with this kiosk's key, or "
                               "manifest.json was changed") from None
    listed, version = _manifest(data)
    extra = sorted(set(present) - set(listed))
    if extra:
        raise SignatureProblem(f"{extra[0]} is in the pack but not in its signed manifest")
    return listed, version


def _manifest(data: bytes) -> tuple[dict[str, str], str]:
    """The files a signed manifest lists and its version, every path checked before any file is read."""
    try:
        manifest = json.loads(data)
    except ValueError as error:
        raise SignatureProblem(f"manifest.json is not JSON: {error}") from None
    listed = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(listed, dict) or not all(isinstance(v, str) for v in listed.values()):
        raise SignatureProblem('manifest.json must be {"version": ..., "files": {path: sha256}}')
    for name in listed:
        if problem := path_problem(name):
            raise SignatureProblem(f"the manifest names {name!r}, which {problem}")
        if name in (MANIFEST, SIGNATURE):
            raise SignatureProblem(f"the manifest names {name}, which is the signature's own")
    return listed, str(manifest.get("version", ""))


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """A version for ordering: "2026.11.10" after "2026.11.9" (numbers as numbers)."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in version.replace("-", ".").split("."))
