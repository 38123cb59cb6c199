"""Scenes: one screenful each, stacked; a modal scene is drawn over the one below it."""

from __future__ import annotations

import abc
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from kiosk.ui.widgets import Root


class Scene(abc.ABC):
    """A screenful: builds a widget tree, answers keys and timers, reports its state."""

    name = "scene"
    modal = False  # drawn over the scene below, which is dimmed

    def __init__(self) -> None:
        self.root: Root | None = None
        self._thrown_away: list[Root] = []  # disposed before the next frame, when no handler still runs

    @abc.abstractmethod
    def build(self, size: tuple[int, int]) -> Root:
        """Make the widget tree for a screen of `size`."""

    def tree(self, size: tuple[int, int]) -> Root:
        """The widget tree, built on first use and after `rebuild()`."""
        if self.root is None:
            self.root = self.build(size)
        return self.root

    def rebuild(self) -> None:
        """Throw the tree away; it is built again, whole, before the next frame."""
        if self.root is not None:
            self._thrown_away.append(self.root)
        self.root = None

    def dispose_thrown_away(self) -> None:
        """Free the trees thrown away since the last frame (see `Widget.dispose`)."""
        for tree in self._thrown_away:
            tree.dispose()
        self._thrown_away.clear()

    def on_enter(self) -> None:  # noqa: B027 - an optional hook: most scenes need nothing here
        """The scene became the top of the stack."""

    def on_key(self, name: str) -> bool:
        """A key that is not for a focused text field; True if used."""
        return False

    def on_text(self, text: str) -> bool:
        """Typed text (on-screen or physical keyboard); True if a field took it."""
        return False

    def on_swipe(self, direction: str) -> bool:
        """A swipe that no scroll view took; True if used."""
        return False

    def update(self, now: float) -> bool:
        """Advance timers; True while something animates (the loop then draws at frame rate)."""
        return False

    def next_deadline(self, now: float) -> float | None:
        """The monotonic time of this scene's next timer, so the loop can sleep until then."""
        return None

    def details(self) -> dict[str, Any]:
        """Scene details for the automation `state` request (no personal data)."""
        return {}

    def banner(self) -> tuple[str, ...]:
        """Lines for the strip above the scenes in reach mode, out of reach but in sight (a product's name,
        price and where it is); empty: the strip says what the mode does."""
        return ()

    def banner_behind(self) -> bool:
        """Whether a modal's `banner` is what the screen under it said (the staff PIN pad's): then the strip is
        dimmed with that screen, behind the modal, and does not compete with it."""
        return False

    def banner_code(self) -> str:
        """A link shown as a QR code in that strip, beside its lines (a phone's camera needs no reach)."""
        return ""

    def banner_picture(self) -> str:
        """A picture shown in that strip beside its lines, where there is no code (the product's, while its
        page in the reach zone below starts with its sizes); empty: none."""
        return ""


Result = TypeVar("Result")


class Modal(Generic[Result]):
    """Mixed into a modal scene that answers with a typed result: whoever opens it with
    `SceneStack.open_modal(scene, on_result)` gets `on_result(result)` once the scene calls
    `dismiss(result)` (which also closes it). No callbacks in the scene's constructor. (The scene still
    says `modal = True` to be drawn over the one below.)"""

    _stack: SceneStack | None = None
    _on_result: Callable[[Result], None] | None = None

    def dismiss(self, result: Result) -> None:
        """Close this modal, then hand `result` to whoever opened it."""
        stack, on_result = self._stack, self._on_result
        self._stack = self._on_result = None  # answered once
        if stack is not None and stack.is_top(self):
            stack.pop()
        if on_result is not None:
            on_result(result)


class SceneStack:
    """The scenes of one display; only the top one (and what a modal covers) is drawn."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self.changed = True
        self._closed: list[Scene] = []

    @property
    def top(self) -> Scene:
        """The scene in front."""
        return self.scenes[-1]

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: the top one and any it is modal over."""
        shown: list[Scene] = []
        for scene in reversed(self.scenes):
            shown.insert(0, scene)
            if not scene.modal:
                break
        return shown

    def push(self, scene: Scene) -> None:
        """Show `scene` on top."""
        self.scenes.append(scene)
        self._entered()

    def is_top(self, scene: object) -> bool:
        """Whether `scene` is the one in front."""
        return bool(self.scenes) and self.scenes[-1] is scene

    def open_modal(self, scene: Modal[Result], on_result: Callable[[Result], None]) -> None:
        """Show a modal scene on top; `on_result` gets its answer when it is dismissed."""
        if not isinstance(scene, Scene):
            raise TypeError("a modal must be a Scene")
        scene._stack, scene._on_result = self, on_result
        self.push(scene)

    def pop(self) -> Scene | None:
        """Close the top scene (the last one stays)."""
        if len(self.scenes) <= 1:
            return None
        scene = self.scenes.pop()
        self._closed.append(scene)
        self._entered()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for `scene`."""
        if self.scenes:
            self._closed.append(self.scenes.pop())
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        """Make `scene` the only one."""
        self._closed += self.scenes
        self.scenes.clear()
        self.push(scene)

    def pop_to(self, name: str) -> bool:
        """Close scenes until one called `name` is on top; False (and nothing closed) if there is none."""
        if not any(s.name == name for s in self.scenes):
            return False
        while self.top.name != name:
            self._closed.append(self.scenes.pop())
        self._entered()
        return True

    def dispose_closed(self) -> None:
        """Free the trees of the scenes closed, and those thrown away, since the last frame. Done between
        frames rather than at once: the handler that closed a scene may still be using its tree."""
        for scene in self._closed:
            if not any(scene is shown for shown in self.scenes):  # unless it came back
                scene.rebuild()
        for scene in (*self._closed, *self.scenes):
            scene.dispose_thrown_away()
        self._closed.clear()

    def close(self) -> None:
        """Free every scene's tree now, those shown and those closed since the last frame (the display stops):
        a film one plays stops decoding and lets go of its frames, where its worker held them, waiting for a
        loop that no longer turned, until it gave up (IDLE_GIVE_UP_S: 12 MB on the 4K window)."""
        for scene in (*self._closed, *self.scenes):
            scene.rebuild()
            scene.dispose_thrown_away()
        self._closed.clear()

    def _entered(self) -> None:
        self.changed = True
        for scene in self.visible():
            if scene.root is not None:
                scene.root.damage(scene.root.rect)
        self.top.on_enter()

