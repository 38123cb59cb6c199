"""The store's popular searches: what shoppers searched before opening a product, counted at this kiosk.

Only a search that led to a product is counted, in the words the search was taken for ("running" for
"runing"), so what is kept is the catalogue's own words, never a shopper's details. The counts live in a
small JSON file beside the outbox and survive restarts; a file that cannot be read starts the counts afresh.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from kiosk.core.language.text import fold, without_personal_data

log = logging.getLogger(__name__)
KEPT = 200  # searches kept; the rarest are forgotten first
LONGEST = 40  # characters: a longer query is not a search others would tap


class PopularSearches:
    """Counts of the searches that led shoppers to a product, and the most frequent of them."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._counts: dict[str, tuple[int, str]] = {}  # folded query -> (times, as shown)
        if path is not None and path.is_file():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                self._counts = {fold(shown).strip(): (int(times), str(shown)) for shown, times in raw.items()}
            except (OSError, ValueError, AttributeError, TypeError) as error:
                log.warning("popular searches in %s cannot be read (%s): counted afresh", path, error)

    def led_to_a_product(self, query: str) -> None:
        """A shopper opened a product this search found."""
        shown = " ".join(query.split())
        key = " ".join(fold(shown).split())
        if not key or len(shown) > LONGEST or without_personal_data(shown) != shown:
            return
        times = self._counts.get(key, (0, shown))[0] + 1
        self._counts[key] = (times, shown)
        if len(self._counts) > KEPT:
            rarest = min(self._counts, key=lambda k: self._counts[k][0])
            del self._counts[rarest]
        self._save()

    def top(self, count: int) -> list[str]:
        """The most frequent searches, most frequent first, as a shopper typed them (corrected)."""
        ranked = sorted(self._counts.values(), key=lambda entry: (-entry[0], entry[1]))
        return [shown for _, shown in ranked[:count]]

    def _save(self) -> None:
        if self.path is None:
            return
        saving = self.path.with_name(self.path.name + ".saving")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            saving.write_text(json.dumps({shown: times for times, shown in self._counts.values()},
                                         ensure_ascii=False), encoding="utf-8")
            os.replace(saving, self.path)
        except OSError as error:
            log.warning("popular searches cannot be saved to %s: %s", self.path, error)
