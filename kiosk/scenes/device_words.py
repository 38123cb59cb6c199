"""A device's state in words staff understand, in the staff's language: "Card reader", "Not answering:
check that it is switched on and connected", rather than "card reader usb" and "[Errno 111] Connection
refused". The technical detail stays in the log (the display logs each change)."""

from __future__ import annotations

import errno
import re
from collections.abc import Callable

from kiosk.core.language.i18n import N_
from kiosk.ui.film_sound import WAITING

Translate = Callable[[str], str]

# What each device is called, by the start of the name its driver or service reports.
KINDS = (("scanner ", N_("Barcode scanner")), ("card reader ", N_("Card reader")), ("printer", N_("Receipt printer")),
         ("backend", N_("Store system (orders, reviews)")), ("mail server", N_("Mail server")),
         ("speech", N_("Speech (accessible mode)")), ("broker", N_("Head office link")),
         ("sound", N_("Film sound")))
SIMULATED = "simulated"  # the detail of the demo's pretend devices

# What a failure means to staff, by the error number it carries or by words of its message.
BY_ERRNO = {errno.ECONNREFUSED: N_("Not answering: check that it is switched on and connected"),
            errno.EHOSTUNREACH: N_("Cannot be reached: check the network"),
            errno.ENETUNREACH: N_("Cannot be reached: check the network"),
            errno.ENOENT: N_("Not found: check that it is plugged in"),
            errno.ENODEV: N_("Not found: check that it is plugged in"),
            errno.EACCES: N_("The kiosk may not open it: see the installation guide"),
            errno.EPERM: N_("The kiosk may not open it: see the installation guide"),
            errno.EBUSY: N_("In use by another program"),
            errno.EIO: N_("Connection lost: trying again"),
            errno.ETIMEDOUT: N_("No answer in time: trying again")}
BY_WORDS = ((("refused",), BY_ERRNO[errno.ECONNREFUSED]),
            (("timeout", "timed out"), BY_ERRNO[errno.ETIMEDOUT]),
            (("busy",), BY_ERRNO[errno.EBUSY]),
            (("permission",), BY_ERRNO[errno.EACCES]),
            (("no such", "not found"), BY_ERRNO[errno.ENOENT]),
            (("connectionerror", "unreachable", "name or service"), BY_ERRNO[errno.EHOSTUNREACH]),
            (("lost", "closed", "stopped answering", "restarted"), BY_ERRNO[errno.EIO]),
            (("http",), N_("The store system refused a request: see the log")))
UNKNOWN_PROBLEM = N_("Not working: the log says why")


def device_name(t: Translate, device: str) -> str:
    """What the device is, in words ("Barcode scanner · /dev/ttyACM0": the address tells two apart;
    a simulated device's address says nothing to staff)."""
    for start, kind in KINDS:
        if device.startswith(start):
            address = device[len(start):].strip()
            name = t(kind)
            return name if not address or address.startswith("sim:") else f"{name} · {address}"
    return device


def state_words(t: Translate, device: str, connected: bool, detail: str) -> str:
    """What staff should know of the device's state beyond connected or not ("" when nothing)."""
    if detail == SIMULATED:
        return t("Simulated: the demo's pretend device")
    if device == "speech" and not connected:
        return t("Not installed on this PC (espeak-ng)")
    if device == "sound":
        if not connected:
            return t("No audio output on this PC: films play muted (the log says why)")
        return t("Opens when the first film plays") if detail == WAITING else ""
    if device == "printer" and not connected and "not installed" in detail:
        return t("Its driver is not installed on this PC: see the installation guide")
    if connected:  # what a connected device reports is where it is ("host:port"), or a lack of paper
        return t("Out of paper") if "paper" in detail.lower() else ""
    if not detail:
        return t(UNKNOWN_PROBLEM)
    number = re.search(r"\[Errno (\d+)\]", detail)
    if number and int(number.group(1)) in BY_ERRNO:
        return t(BY_ERRNO[int(number.group(1))])
    lowered = detail.lower()
    for words, said in BY_WORDS:
        if any(word in lowered for word in words):
            return t(said)
    return t(UNKNOWN_PROBLEM)
