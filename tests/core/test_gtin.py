"""The GTIN check digit (EAN-8, UPC-A, EAN-13, GTIN-14) agrees with python-stdnum's on every code."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from stdnum import ean

from kiosk.core.codes.gtin import is_valid_gtin


@given(st.text(alphabet="0123456789", min_size=6, max_size=15))
def test_the_check_digit_agrees_with_python_stdnum(code: str) -> None:
    assert is_valid_gtin(code) == ean.is_valid(code)


@given(st.text(alphabet="0123456789", min_size=7, max_size=13).filter(lambda body: len(body) + 1 in (8, 12, 13, 14)))
def test_a_code_with_its_check_digit_is_valid_and_any_other_digit_is_not(body: str) -> None:
    right = ean.calc_check_digit(body)
    assert is_valid_gtin(body + right)
    assert not any(is_valid_gtin(body + digit) for digit in "0123456789" if digit != right)


def test_what_is_not_a_plain_string_of_digits_is_refused() -> None:
    assert not is_valid_gtin("2001 000001019") and not is_valid_gtin("200100000101٩")  # a space, an Arabic-Indic 9
    assert not is_valid_gtin("") and not is_valid_gtin("²001000001019")
