"""Signed content packs: a manifest of every file's SHA-256, signed with Ed25519 by head office, checked
by each kiosk against the public key in its config before anything of the pack is used.

A signed pack is a folder with `manifest.json` ({"version": ..., "files": {path: sha256}}) and
`manifest.sig` (the raw 64-byte signature of manifest.json's bytes). Nothing else may be in it: a file
the manifest does not name, a missing one or a changed one refuses the pack.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"


class SignatureProblem(Exception):
    """The pack is not what head office signed (or not signed at all)."""


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and p.name not in (MANIFEST, SIGNATURE))


def public_key(text: str) -> Ed25519PublicKey:
    """A public key from its base64 form (32 bytes), as written in [content] public_key."""
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except ValueError as error:
        raise SignatureProblem(f"the public key is not a base64 Ed25519 key: {error}") from error


def sign(folder: Path, key: Ed25519PrivateKey, version: str) -> None:
    """Write the manifest of `folder` and its signature (head office's side: content/tools/sign_pack.py)."""
    manifest = {"version": version, "files": {name: _digest(folder / name) for name in _files(folder)}}
    data = json.dumps(manifest, indent=1, sort_keys=True).encode()
    (folder / MANIFEST).write_bytes(data)
    (folder / SIGNATURE).write_bytes(key.sign(data))


def verify(folder: Path, key: Ed25519PublicKey) -> str:
    """Check a pack against its signed manifest; its version, or SignatureProblem saying what is wrong."""
    try:
        data = (folder / MANIFEST).read_bytes()
        signature = (folder / SIGNATURE).read_bytes()
    except OSError:
        raise SignatureProblem("the pack is not signed (no manifest.json and manifest.sig)") from None
    try:
        key.verify(signature, data)
    except InvalidSignature:
        raise SignatureProblem("the signature does not match: not signed with this kiosk's key, or "
                               "manifest.json was changed") from None
    manifest = json.loads(data)
    listed: dict[str, str] = manifest.get("files", {})
    present = _files(folder)
    extra = sorted(set(present) - set(listed))
    if extra:
        raise SignatureProblem(f"{extra[0]} is in the pack but not in its signed manifest")
    for name, digest in listed.items():
        path = folder / name
        if not path.is_file():
            raise SignatureProblem(f"{name} is missing")
        if _digest(path) != digest:
            raise SignatureProblem(f"{name} is not the file that was signed (its SHA-256 differs)")
    return str(manifest.get("version", ""))


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """A version for ordering: "2026.11.10" after "2026.11.9" (numbers as numbers)."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in version.replace("-", ".").split("."))
