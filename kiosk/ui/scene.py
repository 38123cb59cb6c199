"""Scenes: one screenful each, stacked; a modal scene is drawn over the one below it."""

from __future__ import annotations

import abc
from typing import Any

from kiosk.ui.widgets import Root


class Scene(abc.ABC):
    """A screenful: builds a widget tree, answers keys and timers, reports its state."""

    name = "scene"
    modal = False  # drawn over the scene below, which is dimmed

    def __init__(self) -> None:
        self.root: Root | None = None

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
        self.root = None

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


class SceneStack:
    """The scenes of one display; only the top one (and what a modal covers) is drawn."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self.changed = True

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

    def pop(self) -> Scene | None:
        """Close the top scene (the last one stays)."""
        if len(self.scenes) <= 1:
            return None
        scene = self.scenes.pop()
        self._entered()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for `scene`."""
        if self.scenes:
            self.scenes.pop()
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        """Make `scene` the only one."""
        self.scenes.clear()
        self.push(scene)

    def pop_to(self, name: str) -> bool:
        """Close scenes until one called `name` is on top; False (and nothing closed) if there is none."""
        if not any(s.name == name for s in self.scenes):
            return False
        while self.top.name != name:
            self.scenes.pop()
        self._entered()
        return True

    def _entered(self) -> None:
        self.changed = True
        for scene in self.visible():
            if scene.root is not None:
                scene.root.damage(scene.root.rect)
        self.top.on_enter()

