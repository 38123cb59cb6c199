"""Export the phone page for a static host: the page and, beside it, the content pack's pictures.

    python3 content/tools/export_phone_page.py content/demo /srv/www/phone-page

The take-home link opens `{base_url}#...` and the page shows each product's picture from
`{base_url}images/...`: the same host, so the picture never travels in the link, and the host never
sees what was shared (the #fragment is not sent). Run it again with each new pack.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

PAGE = Path(__file__).resolve().parents[2] / "kiosk" / "shipped" / "web"
PICTURES = (".png", ".jpg", ".jpeg", ".webp")


def export(pack: Path, target: Path) -> int:
    """Copy the page and the pack's pictures (images/, its own plain files only) to `target`; returns
    how many pictures."""
    target.mkdir(parents=True, exist_ok=True)
    for page in PAGE.iterdir():
        if page.is_file():
            shutil.copy2(page, target / page.name)
    count = 0
    for picture in sorted((pack / "images").rglob("*")):
        if picture.is_file() and not picture.is_symlink() and picture.suffix.lower() in PICTURES:
            destination = target / "images" / picture.relative_to(pack / "images")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(picture, destination)
            count += 1
    return count


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pack", type=Path, help="the content pack's folder")
    parser.add_argument("target", type=Path, help="the folder the static host serves at [share] base_url")
    args = parser.parse_args()
    print(f"{args.target}: the phone page and {export(args.pack, args.target)} pictures")


if __name__ == "__main__":
    main()
