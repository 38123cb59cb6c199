"""Emulate an NFC Forum Type 3 tag with an NDEF message over nfcpy's UDP driver (run as a process).

Usage: python tests/drivers/type3_tag.py PORT IDM_HEX TEXT SECONDS
Answers readers on udp:127.0.0.1:PORT for SECONDS, then goes away (the card is "removed").
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

import ndef
import nfc
import nfc.clf
import nfc.tag

BLOCK = 16


def ndef_blocks(text: str) -> list[bytes]:
    """The attribute information block and the data blocks of a Type 3 tag holding one Text record."""
    message = b"".join(ndef.message_encoder([ndef.TextRecord(text)]))
    data_blocks = (len(message) + BLOCK - 1) // BLOCK
    attributes = bytearray([0x10, 4, 4, 0, data_blocks + 4, 0, 0, 0, 0, 0x00, 0x00])
    attributes += len(message).to_bytes(3, "big")
    attributes += sum(attributes[:14]).to_bytes(2, "big")
    padded = message + bytes(data_blocks * BLOCK - len(message))
    return [bytes(attributes)] + [padded[i:i + BLOCK] for i in range(0, len(padded), BLOCK)]


def answer_in_time() -> None:
    """Run ahead of the test machine's other work where allowed (root, as CI runs), as a card's chip answers in
    its own time: an answer later than the 0.3 s the PMm below announces (already a Type 3 tag's most) is
    waiting in the reader's socket when its next command goes out, and nfcpy's UDP driver, which keeps no
    sequence, then takes it for that command's answer, and every answer after is one behind: the NDEF read
    fails five times over (CI, once in four runs at a load of 3)."""
    with contextlib.suppress(OSError):  # not allowed: a developer's machine, where nothing else runs as hard
        os.nice(-10)


def serve(port: int, idm: str, text: str, seconds: float) -> None:
    """Answer Type 3 commands until time is up."""
    answer_in_time()
    blocks = ndef_blocks(text)

    def read(block: int, rb: int, re: int) -> bytes | None:
        return blocks[block] if block < len(blocks) else bytes(BLOCK)

    def write(block: int, data: bytes, wb: int, we: int) -> bool:
        return False

    end = time.monotonic() + seconds
    with nfc.ContactlessFrontend(f"udp:127.0.0.1:{port}") as clf:
        target = nfc.clf.LocalTarget("212F")
        # PMm bytes 5 and 6 announce the slowest read and write times a Type 3 tag may (about 0.3 s for a
        # block): this emulator is a Python process, and on a busy machine it answers in tens of
        # milliseconds, not the 5 ms a real card promises, so the reader would give up on every read.
        target.sensf_res = bytearray.fromhex("01" + idm + "03014B024FFFFFFF" + "12FC")
        print("READY", flush=True)
        while time.monotonic() < end:
            # Listening for the rest of the card's time, not a second at a time: the reader's first command after
            # its poll comes when the reader is ready (its thread held up by the machine's other work, or
            # nfcpy importing its Type 3 module), and a listen that had ended by then let every read of the card
            # go unanswered (CI, once: a card read with no NDEF; reproduced with the reader 0.9 s late).
            activated = clf.listen(target, max(0.05, end - time.monotonic()))
            if activated is None:
                continue
            tag = nfc.tag.emulate(clf, activated)
            tag.add_service(0x0009, read, write)
            tag.add_service(0x000B, read, write)
            command = tag.cmd
            while command and time.monotonic() < end:
                response = tag.process_command(command)
                try:
                    # A card in the field waits for the reader's next command as long as it stays there: a
                    # reader held up by the test machine's other work (a second late) must find it still
                    # answering, not back at listening for a poll, where every NDEF read of it went unanswered.
                    command = clf.exchange(response, timeout=max(0.05, end - time.monotonic()))
                except nfc.clf.CommunicationError:
                    break


if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]))
