"""NFC card readers (nfcpy): identity hashing, NDEF decoding, the reader thread, and a simulator."""
