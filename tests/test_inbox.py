"""The tests' inbox hands out messages in whatever order they came, and loses none on the way."""

from __future__ import annotations

import threading

import pytest

from tests.inbox import Inbox


def test_messages_are_taken_in_any_order_and_none_is_dropped() -> None:
    inbox: Inbox[str] = Inbox()
    for message in ("window online", "noise", "terminal online"):
        inbox.put(message)
    assert inbox.take(lambda m: m == "terminal online", timeout=1) == "terminal online"
    assert inbox.take(lambda m: m == "window online", timeout=1) == "window online", "came first, kept"
    assert inbox.rest() == ["noise"]


def test_a_set_is_awaited_whichever_comes_first() -> None:
    inbox: Inbox[str] = Inbox()
    threading.Timer(0.1, inbox.put, ("b",)).start()
    inbox.put("a")
    found = inbox.take_all({"first": lambda m: m == "b", "second": lambda m: m == "a"}, timeout=2)
    assert found == {"first": "b", "second": "a"}


def test_a_message_that_never_comes_says_what_came_instead() -> None:
    inbox: Inbox[str] = Inbox()
    inbox.put("offline")
    with pytest.raises(AssertionError, match=r"online.*offline"):
        inbox.take(lambda m: m == "online", timeout=0.2, what="online")
