"""What staff read about a device: what it is and what is wrong, in words, never an errno."""

from __future__ import annotations

from kiosk.scenes.device_words import device_name, state_words


def english(text: str) -> str:
    return text


def test_a_device_is_named_for_what_it_is_with_the_address_that_tells_two_apart() -> None:
    assert device_name(english, "scanner /dev/ttyACM0") == "Barcode scanner · /dev/ttyACM0"
    assert device_name(english, "card reader sim:") == "Card reader"
    assert device_name(english, "mail server") == "Mail server"


def test_a_failure_is_said_in_words_staff_can_act_on() -> None:
    said = {detail: state_words(english, "mail server", False, detail) for detail in (
        "localhost:25: [Errno 111] Connection refused", "[Errno 2] No such file or directory: '/dev/ttyACM0'",
        "[Errno 13] Permission denied: '/dev/ttyACM0'", "busy: another program (pcscd?) holds the reader",
        "POST /orders: ReadTimeout", "lost: device reports readiness to read but returned no data",
        "something nobody foresaw")}
    assert list(said.values()) == [
        "Not answering: check that it is switched on and connected", "Not found: check that it is plugged in",
        "The kiosk may not open it: see the installation guide", "In use by another program",
        "No answer in time: trying again", "Connection lost: trying again", "Not working: the log says why"]
    assert not any("Errno" in words or "/dev" in words for words in said.values())


def test_a_working_device_says_nothing_but_a_lack_of_paper_or_that_it_is_pretend() -> None:
    assert state_words(english, "broker", True, "localhost:1883") == ""
    assert state_words(english, "printer", True, "out of paper") == "Out of paper"
    assert state_words(english, "scanner sim:", True, "simulated") == "Simulated: the demo's pretend device"
    assert state_words(english, "speech", False, "espeak-ng not found") == "Not installed on this PC (espeak-ng)"
