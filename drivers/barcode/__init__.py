"""Barcode scanners: decoding (pure), framing (pure), keyboard-wedge keycodes (pure), and the devices."""
