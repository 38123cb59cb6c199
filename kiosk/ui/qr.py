"""QR codes drawn at whole pixels per module with their quiet zone, made off the main thread."""

from __future__ import annotations

import sys

import pygame

from kiosk.ui.widgets import Painter, Widget


def _import_qrcode_without_pillow() -> None:
    """Import qrcode without Pillow: qrcode imports Pillow (4 MB resident) for image factories we never
    use (we draw its matrix ourselves), and leaves them out when Pillow cannot be imported. Pillow is
    hidden for that one import only, unless something imported it already (the printer's escpos)."""
    if "PIL" in sys.modules:
        return  # the plain import below
    sys.modules["PIL"] = None  # type: ignore[assignment]  # None there: "import PIL" raises ImportError
    try:
        import qrcode  # noqa: F401
    finally:
        del sys.modules["PIL"]


_import_qrcode_without_pillow()
import qrcode  # noqa: E402  # already imported above, without Pillow
import qrcode.constants  # noqa: E402

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
# Level L: a screen is not scratched or creased, and fewer modules make bigger ones, which scan from farther.


def qr_surface(text: str, size: int) -> pygame.Surface:
    """The code for `text`, as big as fits in `size` pixels with whole pixels per module."""
    code = qrcode.QRCode(border=QUIET_ZONE, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the quiet zone
    module = max(1, size // len(matrix))
    surface = pygame.Surface((module * len(matrix),) * 2)
    surface.fill((255, 255, 255))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                surface.fill((0, 0, 0), (x * module, y * module, module, module))
    return surface


def qr_version(text: str) -> int:
    """The QR version `text` needs (1-40; lower scans more easily)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(text)
    code.make(fit=True)
    return int(code.version)


class QrCode(Widget):
    """A QR code for a link, centred in its box; a placeholder while it is being made."""

    role = "image"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], text: str, label: str) -> None:
        super().__init__(rect, label=label)
        self.text = text

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """Draw the code (white box with the quiet zone) or its placeholder."""
        side = min(rect.width, rect.height)
        text = self.text  # the maker holds the text, not the widget (the cache holds the widget weakly)
        image = painter.images.make(f"qr:{text}", (side, side), lambda: qr_surface(text, side), self)
        if image is None:
            pygame.draw.rect(painter.surface, painter.theme.color("surface_alt"), rect)
            return
        painter.surface.blit(image, image.get_rect(center=rect.center))
