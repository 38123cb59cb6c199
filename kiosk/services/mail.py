"""Mail: emails from the outbox go out over SMTP (STARTTLS, SSL or plain on a trusted network).

A thread drains the outbox: delivered emails have their address erased; a refused recipient is held
for staff; a server that is down or busy is retried with back-off. The address is never logged.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from kiosk.core.messages import Message
from kiosk.core.outbox import Outbox, OutboxItem
from kiosk.services.outbox_sender import OutboxSender

log = logging.getLogger(__name__)
KINDS = ("email",)


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
                 retry: tuple[float, float]) -> None:
        super().__init__(outbox_path, post, retry)
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
            outbox.failed(item_id, f"recipient refused: {list(error.recipients.values())}", time.time(),
                          permanent=True)
            log.warning("email %s held for staff: recipient refused", item_id)
            return True
        except smtplib.SMTPResponseException as error:
            permanent = 500 <= error.smtp_code < 600
            outbox.failed(item_id, f"{error.smtp_code} {error.smtp_error!r}", time.time(), permanent=permanent)
            self.status(True)
            return permanent
        except (OSError, smtplib.SMTPException) as error:
            outbox.failed(item_id, f"{type(error).__name__}: {error}", time.time())
            self.status(False, f"{mail.host}:{mail.port}: {error}")
            return False
        outbox.delivered(item_id, erase=("to",))
        self.status(True)
        log.info("email %s delivered", item_id)
        return True
