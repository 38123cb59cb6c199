"""Hardware drivers (barcode scanners, NFC readers, printers); each posts typed messages to the loop."""
