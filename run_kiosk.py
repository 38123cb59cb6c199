#!/usr/bin/env python3
"""Start the kiosk from a checkout: `python run_kiosk.py` runs the demo store (see kiosk/cli.py)."""

import sys
from pathlib import Path

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main(default_config=Path(__file__).resolve().parent / "config" / "default.toml"))
