"""Send it to me: an email address on the on-screen keyboard, explicit consent, then the outbox."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from kiosk.core.language.text import glimpse_of_email
from kiosk.scenes.base import ShopScene
from kiosk.scenes.contact_keys import contact_shortcuts
from kiosk.scenes.context import SceneContext
from kiosk.ui.keyboard import BACKSPACE, ENTER
from kiosk.ui.layout import Box, column
from kiosk.ui.widgets import Root, TextField

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def valid_email(address: str) -> bool:
    """A plausible address: something@domain.tld, no spaces."""
    return bool(EMAIL.match(address)) and len(address) <= 254


class EmailScene(ShopScene):
    """The address, the consent boxes and the send button; nothing leaves without consent."""

    name = "email"

    def __init__(self, ctx: SceneContext, content: dict[str, Any], url: str) -> None:
        super().__init__(ctx)
        self.content = content
        self.url = url
        self.address = ""  # personal data: lives in this scene only, gone with it and with the session
        self.consent = False
        self.marketing = False
        self.field: TextField | None = None

    def details(self) -> dict[str, Any]:
        """Whether the form can be sent (never the address)."""
        return {"valid": valid_email(self.address), "consent": self.consent, "marketing": self.marketing}

    def banner(self) -> tuple[str, ...]:
        """In reach mode, above the form: what the email carries, and a glimpse of the address (its first
        letters and its domain, `glimpse_of_email`), never the whole of it: written large out of reach, it was
        read by the queue behind the shopper (designer's review). The whole address is in the field within
        reach, at a size that holds it (the body's where the title's does not). (The tick boxes are below,
        within reach: drawn up here, out of reach, they would look like boxes to tick.)"""
        t = self.ctx.t
        products = [line[1] for line in self.content.get("p", [])]
        return (t("By email"), *([glimpse_of_email(self.address)] if self.address else []),
                " · ".join(products[:4]))

    def build(self, size: tuple[int, int]) -> Root:
        """Field, what is wrong with it, the boxes, "Send" and the keyboard."""
        t, kit, gap = self.ctx.t, self.kit, self.ctx.theme.size("gap")
        hint = "" if not self.address or valid_email(self.address) else t("This address looks incomplete.")

        compact_form = [False]  # whether the form being made is the compact one (its parts are made first)

        def boxes(compact: bool) -> list[Box]:
            # what "Send" waits for stands beside what to do: under the field, under the box to tick (under
            # "Send" it stood at the top right, the box on the left: designer's review); in a short room (the
            # compact form) under "Send" itself (it was greyed there with no reason: designer's review)
            # An address that looks incomplete is said in the room of "Type your email address": over the boxes
            # in the full form, under "Send" in the compact one (over the boxes there, it made the form taller
            # than at its first view, and the keyboard kept since was pushed under the header: accessible mode)
            compact_form[0] = compact
            parts = [] if compact else [kit.words(hint, color="danger", size="small", max_lines=2)] if hint else \
                [kit.reason(t("Type your email address"))] if not self.address else []
            for flag, text in (("consent", t("I agree to receive this email (required)")),
                               ("marketing", t("Send me the store's offers too"))):
                # what "Send" waits for, where it is this box ("Tick the required box first")
                waited_for = self.reason() if flag == "consent" and valid_email(self.address) else ""
                # (the compact form says why under "Send": the box it asks for marked, as a field with a problem
                # is, so that the reason stands on it there too: designer's review)
                box = kit.toggle(text, partial(self.toggle, flag), checked=getattr(self, flag),
                                 problem=waited_for if compact else "")
                if waited_for and not compact:
                    # tight under the box it asks for (half-way between it and the offers' box, it read as about
                    # either: designer's review)
                    box = column(box, kit.reason(waited_for), gap=gap // 4)
                parts.append(box)
            return parts

        ready = valid_email(self.address) and self.consent
        root, self.field = self.text_entry(size, t("By email"), self.address, t("your.name@example.com"),
                                           self.key, action=lambda: kit.button(t("Send"), self.send, style="accent",
                                                                               enabled=ready, why=self.reason(),
                                                                               reason=self.reason()
                                                                               if compact_form[0] else ""),
                                           parts=boxes, keys="email", problem=hint, enter=t("Send"),
                                           shortcuts=contact_shortcuts(self.ctx, "email", self.address, self.fill))
        return root

    def reason(self) -> str:
        """Why "Send" cannot be used yet, said when it is tapped: the address first (missing, or looking
        incomplete), then the consent."""
        if not valid_email(self.address):
            return self.ctx.t("This address looks incomplete.") if self.address else \
                self.ctx.t("Type your email address")
        return "" if self.consent else self.ctx.t("Tick the required box first")

    def fill(self, address: str) -> None:
        """Put a whole address in the field (a domain key, the address typed before)."""
        self.address = address[:254]
        self.rebuild()

    def toggle(self, flag: str) -> None:
        """Tick or untick a box."""
        setattr(self, flag, not getattr(self, flag))
        self.rebuild()

    def key(self, key: str) -> None:
        """A key of the on-screen keyboard; its Enter key says "Send" and does what "Send" does, or says why it
        cannot yet, as "Send" does when tapped (it said "OK" and did nothing beside "Send": designer's review)."""
        if key == ENTER:
            reason = self.reason()
            if reason:
                self.ctx.toast(reason)
            else:
                self.send()
            return
        self.address = self.address[:-1] if key == BACKSPACE else (self.address + key.strip())[:254]
        self.rebuild()

    def on_text(self, text: str) -> bool:
        """Typed text (automation `type`, or a physical keyboard)."""
        for char in text:
            self.key(char)
        return True

    def send(self) -> None:
        """Write the email to the outbox (durably), then say it is on its way."""
        ctx = self.ctx
        if not (valid_email(self.address) and self.consent):
            return
        ctx.actions.send_email(self.address, self.content, self.url, self.marketing)
        ctx.session.remember_contact(email=self.address)  # offered again at the checkout, gone with the session
        self.address = ""
        ctx.back()
        ctx.toast(ctx.t("On its way to your inbox."))
