"""The take-home email, rendered from the outbox and received by a real SMTP server: branded HTML with
the products' pictures (from the phone page's host), the date in the shopper's language, and the same
content as the phone page (key specs, aisle, the store's address and today's hours)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from tests.inbox import Inbox
from tests.test_email import ADDRESS, mail_pilot, share_by_email, smtp_port, start_smtp, wait_for

__all__ = ["smtp_port", "start_smtp"]  # the real SMTP server's fixtures


def test_the_email_is_branded_with_pictures_and_says_the_date_in_the_shoppers_language(
        tmp_path: Path, smtp_port: int, start_smtp: Callable[[], Inbox]) -> None:
    inbox = start_smtp()
    pilot = mail_pilot(tmp_path, smtp_port)
    try:
        share_by_email(pilot)
        wait_for(lambda: len(inbox.messages) == 1, 10)
        message = inbox.messages[0]
        assert message["To"] == ADDRESS or ADDRESS in str(message["To"])
        plain = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
        rich = message.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
        assert "prix du 20 novembre" in plain and "2026-11-20" not in plain + rich
        for part in (plain, html.unescape(rich)):
            assert "12 rue de la République, 69002 Lyon" in part and "Ouvert aujourd'hui : 09:30–20:00" in part
            assert "Rayon" in part and "Poids" in part  # the aisle and the key specs, as on the phone page
        # the phone page's own picture, the pack's file whatever its format (the demo's are JPEG)
        assert re.search(r"src='http://127\.0\.0\.1:8765/images/BIK-101\.(png|jpg|webp)'", rich)
        assert "background:#1f4e46" in rich  # the store's colours
    finally:
        pilot.close()
