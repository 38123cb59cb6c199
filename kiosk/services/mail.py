"""Mail: emails from the outbox go out over SMTP (STARTTLS, SSL or plain on a trusted network).

A thread drains the outbox: delivered emails have their address erased; a refused recipient is held
for staff; a server that is down or busy is retried with back-off. The address is never logged.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from kiosk.core.messages import DeviceStatusChanged, Message
from kiosk.core.outbox import Outbox

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


class MailSender:
    """Sends the outbox's emails in its own thread."""

    def __init__(self, config: Any, outbox_path: Path, post: Callable[[Message], None]) -> None:
        self.config = config
        self.outbox_path = outbox_path
        self.post = post
        self.connected: bool | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mail", daemon=True)

    def start(self) -> None:
        """Start sending."""
        self._thread.start()

    def wake(self) -> None:
        """Something was added to the outbox: look now."""
        self._wake.set()

    def stop(self) -> None:
        """Stop sending."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=5)

    def _status(self, connected: bool, detail: str = "") -> None:
        if connected != self.connected:
            self.connected = connected
            self.post(DeviceStatusChanged("mail server", connected, detail))

    def _run(self) -> None:
        outbox = Outbox(self.outbox_path)
        outbox.retry_now(KINDS)  # a restart often follows a repaired network: try what waits at once
        try:
            while not self._stop.is_set():
                for item in outbox.due(time.time(), KINDS):
                    if self._stop.is_set():
                        break
                    self._send(outbox, item.id, {**item.payload, "id": item.id})
                next_due = outbox.next_due(KINDS)
                wait = 60.0 if next_due is None else max(0.05, min(60.0, next_due - time.time()))
                self._wake.wait(wait)
                self._wake.clear()
        finally:
            outbox.close()

    def _send(self, outbox: Outbox, item_id: str, payload: dict[str, Any]) -> None:
        mail = self.config
        try:
            message = message_for(payload, mail.sender)
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
            return
        except smtplib.SMTPResponseException as error:
            permanent = 500 <= error.smtp_code < 600
            outbox.failed(item_id, f"{error.smtp_code} {error.smtp_error!r}", time.time(), permanent=permanent)
            self._status(True)
            return
        except (OSError, smtplib.SMTPException) as error:
            outbox.failed(item_id, f"{type(error).__name__}: {error}", time.time())
            self._status(False, f"{mail.host}:{mail.port}: {error}")
            return
        outbox.delivered(item_id, erase=("to",))
        self._status(True)
        log.info("email %s delivered", item_id)
