"""Scanner decoding, fed bytes and strings: no ports, no threads."""

from __future__ import annotations

import struct

from hypothesis import given
from hypothesis import strategies as st
from stdnum import ean

from drivers.barcode.decode import GS, decode, expand_upce, parse_gs1
from drivers.barcode.framing import Framer
from drivers.barcode.hid_keys import EV_KEY, KeyDecoder, key_events


def test_ean_upc_and_gtin_with_and_without_aim_identifiers() -> None:
    assert decode("]E02001000001019").data == "2001000001019"  # type: ignore[union-attr]
    assert decode("]E02001000001019").symbology == "]E0"  # type: ignore[union-attr]
    assert decode("96385074").data == "96385074"  # type: ignore[union-attr]  # EAN-8
    assert decode("012345678905").data == "012345678905"  # type: ignore[union-attr]  # UPC-A
    assert decode("00012345678905").data == "00012345678905"  # type: ignore[union-attr]  # GTIN-14
    assert decode("2001000001018") is None  # wrong check digit


def test_upce_is_expanded_to_upca() -> None:
    assert expand_upce("04252614") == "042100005264"
    assert decode("04252614").gtin == "042100005264"  # type: ignore[union-attr]
    assert expand_upce("04252615") is None


def test_gs1_element_strings_with_fnc1() -> None:
    code = "]C1" + "0109506000134352" + "17261231" + "10ABC123" + GS + "21XYZ"
    barcode = decode(code)
    assert barcode is not None and barcode.gtin == "09506000134352"
    assert barcode.fields == {"01": "09506000134352", "17": "261231", "10": "ABC123", "21": "XYZ"}
    assert parse_gs1("0109506000134353") is None  # GTIN check digit
    assert parse_gs1("0109506000134352" + "17261331") is None  # month 13
    assert parse_gs1("99XYZ") is None  # unknown AI


def test_qr_text_and_garbage() -> None:
    assert decode("]Q1LOYALTY-1234").data == "LOYALTY-1234"  # type: ignore[union-attr]
    assert decode("\x00\x01\x02") is None
    assert decode("") is None


@given(st.text())
def test_no_text_ever_raises(text: str) -> None:
    decode(text)


@given(st.from_regex(r"\A[0-9]{12}\Z"), st.integers(0, 9))
def test_a_wrong_check_digit_is_never_accepted(body: str, digit: int) -> None:
    code = body + str(digit)
    barcode = decode(code)
    if digit != int(ean.calc_check_digit(body)):
        assert barcode is None or barcode.gtin is None
    else:
        assert barcode is not None and barcode.gtin == code


@given(st.binary(max_size=300))
def test_framing_never_raises_and_bounds_its_buffer(data: bytes) -> None:
    framer = Framer("CR")
    for scan in framer.feed(data, 0.0):
        assert "\r" not in scan


def test_framing_by_terminator_prefix_and_suffix() -> None:
    framer = Framer("CRLF", prefix="<", suffix=">")
    assert framer.feed(b"<2001000001019>\r", 0.0) == []
    assert framer.feed(b"\n<96385074>\r\n", 0.01) == ["2001000001019", "96385074"]


def test_framing_by_pause_when_there_is_no_terminator() -> None:
    framer = Framer("NONE", gap_s=0.05)
    assert framer.feed(b"2001000", 0.0) == []
    assert framer.feed(b"001019", 0.01) == []
    assert framer.idle(0.1) == ["2001000001019"]


def test_keyboard_wedge_keycodes_ignore_the_desktop_layout() -> None:
    decoder = KeyDecoder()
    assert decoder.feed(key_events("2001000001019")) == ["2001000001019"]
    assert decoder.feed(key_events("LOYALTY-1234")) == ["LOYALTY-1234"]


@given(st.binary(max_size=24 * 20))
def test_keycode_garbage_never_raises(data: bytes) -> None:
    KeyDecoder().feed(data)
    KeyDecoder().feed(struct.pack("llHHi", 0, 0, EV_KEY, 9999, 1))
