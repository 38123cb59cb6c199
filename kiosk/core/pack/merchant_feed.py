"""Reading the retailer's Google Merchant Center feeds: each row with its file and line, and what kept it
from being read (a line too long, bytes that are no UTF-8 text).

Feeds are tab-separated (a header row of attribute names) or XML (RSS 2.0 `<item>` or Atom `<entry>`,
attributes in the `g:` namespace). What the rows mean is for feed_rows.py; how a pack maps them,
for feeds.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

ROW_MAX_BYTES = 1 << 20  # a row (a TSV line, an XML item's field) over 1 MB is refused, never held in memory
LISTS = ("additional_image_link", "product_detail")  # attributes a row may repeat
ITEMS = ("item", "entry")  # RSS 2.0 and Atom


@dataclass(slots=True)
class FeedRow:
    """One row of a feed: its attributes (repeated ones as lists), where it was read, and what kept it
    from being read whole (field, message)."""

    file: str
    line: int
    values: dict[str, Any] = field(default_factory=dict)
    unreadable: list[tuple[str, str]] = field(default_factory=list)

    def get(self, name: str) -> str:
        """An attribute's (first) value, stripped; "" when absent."""
        value = self.values.get(name, "")
        if isinstance(value, list):
            value = value[0] if value else ""
        return str(value).strip()


class FeedProblem(Exception):
    """A feed file cannot be read at all."""


def read_feed(path: Path) -> Iterator[FeedRow]:
    """The rows of a tab-separated or XML Merchant Center feed, one at a time (a feed may have 200,000)."""
    if path.suffix.lower() == ".xml":
        return _read_xml(path)
    return _read_tsv(path)


def _lines(handle: IO[bytes]) -> Iterator[tuple[bytes, int]]:
    """The file's lines, each with its length; a line over ROW_MAX_BYTES comes back empty (with its length)."""
    while True:
        line = handle.readline(ROW_MAX_BYTES + 1)
        if not line:
            return
        if len(line) <= ROW_MAX_BYTES or line.endswith(b"\n"):
            yield line, len(line)
            continue
        length = len(line)
        while line and not line.endswith(b"\n"):  # skip the rest without holding it
            line = handle.readline(ROW_MAX_BYTES)
            length += len(line)
        yield b"", length


def _too_long(length: int) -> tuple[str, str]:
    return "", f"is {length / 1e6:,.1f} MB long; a row is at most {ROW_MAX_BYTES / 1e6:,.0f} MB"


def _read_tsv(path: Path) -> Iterator[FeedRow]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise FeedProblem(f"cannot be read: {error}") from error
    with handle:
        lines = _lines(handle)
        first, _ = next(lines, (b"", 0))
        try:
            header = [name.strip().lower() for name in first.decode("utf-8-sig").rstrip("\r\n").split("\t")]
        except UnicodeDecodeError as error:
            raise FeedProblem(f"line 1 (the header) is not UTF-8 text: {error.reason}") from error
        if not any(header):
            raise FeedProblem("has no header line of attribute names (id, title, price...)")
        for number, (raw, length) in enumerate(lines, start=2):
            if not raw and length:
                yield FeedRow(path.name, number, unreadable=[_too_long(length)])
                continue
            try:
                text = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as error:
                yield FeedRow(path.name, number, unreadable=[
                    ("", f"is not UTF-8 text (byte {raw[error.start]:#04x} at byte {error.start + 1})")])
                continue
            cells = text.split("\t")
            if not any(cell.strip() for cell in cells):
                continue
            values: dict[str, Any] = {}
            for name, cell in zip(header, cells, strict=False):
                if name in LISTS:
                    values[name] = [part for part in (p.strip() for p in cell.split(",")) if part]
                else:
                    values[name] = cell
            row = FeedRow(path.name, number, values)
            if len(cells) > len(header):
                row.unreadable.append(("", f"has {len(cells)} cells; the header has {len(header)} columns"))
            yield row


class _ItemReader:
    """Expat handlers that collect each item's attributes with the line it starts on."""

    def __init__(self, file: str, parser: Any) -> None:
        self.file, self.parser = file, parser
        self.done: list[FeedRow] = []
        self.row: FeedRow | None = None
        self.path: list[str] = []  # element names below the item
        self.text: list[str] = []
        self.size = 0
        self.detail: dict[str, str] = {}

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        name = tag.rsplit("}", 1)[-1]
        if self.row is None:
            if name in ITEMS:
                self.row = FeedRow(self.file, self.parser.CurrentLineNumber)
            return
        self.path.append(name)
        self.text, self.size = [], 0
        if self.path == ["product_detail"]:
            self.detail = {}

    def data(self, text: str) -> None:
        if self.row is not None and self.path:
            self.size += len(text)
            if self.size <= ROW_MAX_BYTES:
                self.text.append(text)

    def end(self, tag: str) -> None:
        row = self.row
        if row is None:
            return
        if not self.path:  # the item itself
            self.done.append(row)
            self.row = None
            return
        name = self.path.pop()
        value = "".join(self.text).strip()
        if self.size > ROW_MAX_BYTES:
            row.unreadable.append((name, _too_long(self.size)[1].replace("a row", "a field")))
            value = ""
        self.text, self.size = [], 0
        if self.path == ["product_detail"]:
            self.detail[name] = value
        elif name == "product_detail":
            row.values.setdefault(name, []).append(
                f"{self.detail.get('section_name', '')}:{self.detail.get('attribute_name', '')}:"
                f"{self.detail.get('attribute_value', '')}")
        elif not self.path and name in LISTS:
            row.values.setdefault(name, []).append(value)
        elif not self.path:
            row.values[name] = value


def _read_xml(path: Path) -> Iterator[FeedRow]:
    parser = expat.ParserCreate(namespace_separator="}")
    reader = _ItemReader(path.name, parser)
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    parser.buffer_text = True
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 16):  # streamed: memory stays flat on a 200,000-item feed
                parser.Parse(chunk, False)
                yield from reader.done
                reader.done.clear()
            parser.Parse(b"", True)
            yield from reader.done
    except OSError as error:
        raise FeedProblem(f"cannot be read: {error}") from error
    except expat.ExpatError as error:
        raise FeedProblem(f"is not readable XML at line {error.lineno}, column {error.offset + 1}: "
                          f"{expat.ErrorString(error.code)}") from error


MONEY = re.compile(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*([A-Za-z]{3})?\s*")


@dataclass(frozen=True)
class Money:
    """An amount as a feed writes it ("129.00 EUR"); `currency` is "" when the feed gave none."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return f"{self.amount:.2f} {self.currency}".strip()


def money(text: str) -> Money | None:
    """"899.00 EUR" or "899,00 EUR" as an amount and its currency; None when it is no amount."""
    match = MONEY.fullmatch(text or "")
    if match is None:
        return None
    try:
        amount = Decimal(match.group(1).replace(",", "."))
    except InvalidOperation:
        return None
    return Money(amount, (match.group(2) or "").upper())
