"""Reading one content pack's files: JSON with line numbers, paths kept inside the pack, texts cleaned
and bounded; every problem collected with its file, key and line (see pack/content.py for the rules)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.core.language.text import visible_text
from kiosk.core.models import Localized
from kiosk.core.pack.schema import shape_problem
from kiosk.core.pack.video_probe import FilmChecked, VideoInfo, VideoProblem, check_video
from kiosk.core.problems import Problem

TEXT_MAX = 1000  # characters of a text, unless a field says otherwise (a brand, a label, an offer's text)


class PackRejected(Exception):
    """The pack has problems; nothing of it was imported."""

    def __init__(self, problems: list[Problem], films: tuple[FilmChecked, ...] = ()) -> None:
        self.problems = problems
        self.films = films  # every film probed before the pack was refused, good or not (for --check)
        shown = "\n".join(str(p) for p in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"content pack refused ({len(problems)} problems):\n{shown}{more}")


class PackReader:
    """Collects problems while reading one pack."""

    def __init__(self, folder: Path, known_films: Mapping[str, FilmChecked] | None = None) -> None:
        self.folder = folder
        self.problems: list[Problem] = []
        self.broken: set[str] = set()  # files that could not be read at all: checks that need them are skipped
        self.films: dict[str, FilmChecked] = {}  # each film probed, by its path in the pack (for --check)
        self.known_films = known_films or {}  # what an earlier import probed (by path), taken while unchanged

    def problem(self, file: str, key: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.folder / file, key, message, line))

    def load_json(self, name: str, required: bool = True) -> Any:
        path = self.folder / name
        if not path.is_file():
            if required:
                self.problem(name, "", "is missing")
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            shape = shape_problem(name, data)  # the published schema (docs/pack/), before any row is read
            if shape is None:
                return data
            self.problem(name, shape[0], f"does not match docs/pack/{name.replace('.json', '.schema.json')}: "
                                         f"{shape[1]}", self._line_of(name, shape[0]))
        except json.JSONDecodeError as error:
            self.problem(name, "", f"is not valid JSON: {error.msg} (column {error.colno})", error.lineno)
        except RecursionError:
            self.problem(name, "", "is nested too deep to read")
        except (OSError, UnicodeDecodeError) as error:
            self.problem(name, "", f"cannot be read: {error}")
        self.broken.add(name)
        return None

    def _line_of(self, name: str, key: str) -> int | None:
        """The line a row named by a key ("[12].price") starts on, if known."""
        first = key.split(".", 1)[0].strip("[]")
        return self.row_lines(name).get(int(first)) if first.isdigit() else None

    def row_lines(self, name: str) -> dict[int, int]:
        """For a file that is a JSON list: the line each row (from 1) starts on, for `file:line` in problems."""
        try:
            text = (self.folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return {}
        decoder = json.JSONDecoder()
        lines: dict[int, int] = {}
        index = text.find("[") + 1
        row = 0
        while 0 < index < len(text):
            while index < len(text) and text[index] in " \t\r\n,":
                index += 1
            if index >= len(text) or text[index] == "]":
                break
            row += 1
            lines[row] = text.count("\n", 0, index) + 1
            try:
                _, index = decoder.raw_decode(text, index)
            except (ValueError, RecursionError):
                break
        return lines

    def path_in_pack(self, file: str, key: str, relative: str, line: int | None) -> Path | None:
        """A file the pack names, if it lies inside the pack's folder (no "../", no absolute path)."""
        folder = self.folder.resolve()
        target = (folder / relative).resolve()
        if Path(relative).is_absolute() or not target.is_relative_to(folder):
            self.problem(file, key, f"{relative!r} lies outside the pack's folder", line)
            return None
        if not target.is_file():
            self.problem(file, key, f"file not found: {relative}", line)
            return None
        return target

    def check_video(self, film: Path) -> VideoInfo:
        """`check_video` of a film in the pack, probed once however many rows name it (and not at all when
        an earlier import probed it as it is), and noted for `--check`; VideoProblem when the kiosk will
        not play it."""
        name = film.relative_to(self.folder.resolve()).as_posix() if film.is_relative_to(self.folder.resolve()) \
            else str(film)
        known = self.films.get(name)
        if known is None:
            stat = film.stat()
            before = self.known_films.get(name)
            unchanged = before is not None and (before.size, before.mtime_ns) == (stat.st_size, stat.st_mtime_ns) \
                and (before.info is None or before.info.decoder_pictures > 0)  # (an older kiosk did not count them)
            try:
                info = check_video(film, before.info if before is not None and unchanged else None)
                known = FilmChecked(name, info, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
            except VideoProblem as problem:
                known = FilmChecked(name, None, str(problem))
            self.films[name] = known
        if known.info is None:
            raise VideoProblem(known.problem)
        return known.info

    def text(self, file: str, key: str, value: Any, line: int | None, limit: int = TEXT_MAX) -> str:
        """A plain text of the pack, invisible characters removed, refused over `limit` characters."""
        text = visible_text(str(value))
        if len(text) > limit:
            self.problem(file, key, f"is {len(text):,} characters long; at most {limit:,}", line)
        return text

    def localized(self, file: str, key: str, value: Any, languages: tuple[str, ...], line: int | None,
                  limit: int = TEXT_MAX) -> Localized:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            self.problem(file, key, "must be an object of texts by language, like {\"fr\": ..., \"en\": ...}", line)
            return {}
        texts = {language: self.text(file, f"{key}.{language}", text, line, limit) for language, text in value.items()}
        for language in languages:
            if not texts.get(language, "").strip():
                self.problem(file, key, f"has no text in {language!r}", line)
        return texts
