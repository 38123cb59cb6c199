"""Head office's side of signed content packs: a key pair, and a signed pack archive to serve over HTTPS.

    python content/tools/sign_pack.py keygen KEYFILE          # writes the private key; prints the public
                                                              # one for each kiosk's [content] public_key
    python content/tools/sign_pack.py sign FOLDER KEYFILE OUT.tar [VERSION]
                                                              # a copy of FOLDER with manifest.json and
                                                              # manifest.sig, as one tar archive

VERSION defaults to the pack's own (pack.json). A folder built from a Merchant Center feed is signed
the same way: the feeds and feed_mapping.json are files of the pack.

Only the folder's own plain files are signed: a link (to a file or a folder, inside it or not), a device,
a name a kiosk would refuse (a backslash, a control character), the private key or the archive itself
inside the folder, refuse to sign, saying which.
"""

from __future__ import annotations

import base64
import json
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from kiosk.core.pack.signature import MANIFEST, SIGNATURE, SignatureProblem, pack_files, sign


def keygen(keyfile: Path) -> str:
    """Write a new private key (PEM, owner-readable only); return the public key in base64."""
    key = Ed25519PrivateKey.generate()
    keyfile.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    keyfile.chmod(0o600)
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def sign_archive(folder: Path, keyfile: Path, out: Path, version: str = "") -> str:
    """Sign a copy of `folder` and write it as the tar archive `out`; returns the version signed."""
    _refuse_outside(folder, keyfile, out)
    key = serialization.load_pem_private_key(keyfile.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit(f"{keyfile} is not an Ed25519 private key")
    version = version or str(json.loads((folder / "pack.json").read_text(encoding="utf-8"))["version"])
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "pack"
        shutil.copytree(folder, copy, symlinks=True,  # a link that appeared meanwhile stays one, and is refused
                        ignore=shutil.ignore_patterns(MANIFEST, SIGNATURE, "*.db", "__pycache__"))
        try:
            sign(copy, key, version)
        except SignatureProblem as problem:
            raise SystemExit(f"{folder}: not signed: {problem}") from None
        with tarfile.open(out, "w") as tar:
            for path in sorted(copy.rglob("*")):
                tar.add(path, arcname=str(path.relative_to(copy)), recursive=False)
    return version


def _refuse_outside(folder: Path, keyfile: Path, out: Path) -> None:
    """SystemExit unless `folder` holds only its own plain files, and neither the key nor the archive."""
    if not folder.is_dir() or folder.is_symlink():
        raise SystemExit(f"{folder} is not a folder (a link to one is refused too)")
    try:
        pack_files(folder)
    except SignatureProblem as problem:
        raise SystemExit(f"{folder}: not signed: {problem}") from None
    root = folder.resolve()
    for path, what in ((keyfile, "the private key"), (out, "the archive")):
        if path.resolve().is_relative_to(root):
            raise SystemExit(f"{path} is inside {folder}: {what} must not be part of the pack it signs")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "keygen":
        print(keygen(Path(sys.argv[2])))
    elif len(sys.argv) >= 5 and sys.argv[1] == "sign":
        print(sign_archive(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]),
                           sys.argv[5] if len(sys.argv) > 5 else ""))
    else:
        raise SystemExit(__doc__)
