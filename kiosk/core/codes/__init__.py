"""Codes the kiosk reads: GTIN numbers and what a scanned code means to the shop."""
