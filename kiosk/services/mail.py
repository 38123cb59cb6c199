"""Mail: emails from the outbox go out over SMTP (STARTTLS, SSL or plain on a trusted network).

A thread drains the outbox: delivered emails have their address and bodies erased; a recipient refused
for good (5xx) is held for staff; a temporary refusal (4xx, as in greylisting) and a server that is down
or busy are retried with back-off. The address is never logged, nor kept in an error text.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from kiosk.core.hours.clock import Clock
from kiosk.core.language.text import without_personal_data
from kiosk.core.messages import Message
from kiosk.core.orders.outbox import Outbox, OutboxItem
from kiosk.services.outbox_sender import OutboxSender

log = logging.getLogger(__name__)
KINDS = ("email",)
PERSONAL_FIELDS = ("to", "text", "html")  # erased once sent: the address, and bodies that may name a contact


def message_for(payload: dict[str, Any], sender: str) -> EmailMessage:
    """The MIME message (plain text and HTML alternatives) for an outbox email."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = payload["to"]
    message["Subject"] = payload["subject"]
    message["Message-ID"] = f"<{payload['id']}@kiosk>"  # the outbox id: a resend is recognisable as the same
    message.set_content(payload["text"])
    message.add_alternative(payload["html"], subtype="html")
    return message


class MailSender(OutboxSender):
    """Sends the outbox's emails in its own thread."""

    kinds = KINDS
    device = "mail server"

    def __init__(self, config: Any, outbox_path: Path, post: Callable[[Message], None],
                 retry: tuple[float, float], clock: Clock | None = None) -> None:
        super().__init__(outbox_path, post, retry, clock)
        self.config = config

    def deliver(self, outbox: Outbox, item: OutboxItem) -> bool:
        """Send one email; a server that is down or busy ends the round."""
        mail = self.config
        item_id = item.id
        try:
            message = message_for({**item.payload, "id": item_id}, mail.sender)
            if mail.security == "ssl":
                client: smtplib.SMTP = smtplib.SMTP_SSL(mail.host, mail.port, timeout=mail.timeout_s,
                                                        context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(mail.host, mail.port, timeout=mail.timeout_s)
            with client:
                if mail.security == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if mail.username:
                    client.login(mail.username, mail.password)
                client.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _ in error.recipients.values()]
            permanent = all(500 <= code < 600 for code in codes)  # 4xx (greylisting, a full mailbox): later
            outbox.failed(item_id, f"recipient refused: {', '.join(map(str, codes))}", self.now(),
                          permanent=permanent)
            log.warning("email %s %s: recipient refused (%s)", item_id,
                        "held for staff" if permanent else "to be retried", ", ".join(map(str, codes)))
            self.status(True)
            return True
        except smtplib.SMTPResponseException as error:
            permanent = 500 <= error.smtp_code < 600
            reply = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) \
                else str(error.smtp_error)
            outbox.failed(item_id, without_personal_data(f"{error.smtp_code} {reply}"), self.now(),
                          permanent=permanent)
            self.status(True)
            return permanent
        except (OSError, smtplib.SMTPException) as error:
            detail = without_personal_data(f"{type(error).__name__}: {error}")
            outbox.failed(item_id, detail, self.now())
            self.status(False, f"{mail.host}:{mail.port}: {without_personal_data(str(error))}")
            return False
        outbox.delivered(item_id, erase=PERSONAL_FIELDS)
        self.status(True)
        log.info("email %s delivered", item_id)
        return True
