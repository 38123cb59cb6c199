"""A modal answers whoever opened it, once, with a typed result, and closes itself."""

from __future__ import annotations

from kiosk.ui.scene import Modal, Scene, SceneStack
from kiosk.ui.widgets import Root


class Page(Scene):
    name = "page"

    def build(self, size: tuple[int, int]) -> Root:
        return Root((0, 0, *size))


class Question(Page, Modal[str]):
    name = "question"
    modal = True


def test_a_modal_closes_and_answers_once() -> None:
    stack = SceneStack()
    stack.push(Page())
    answers: list[str] = []
    question = Question()
    stack.open_modal(question, answers.append)
    assert stack.top is question and stack.visible() == [stack.scenes[0], question]
    question.dismiss("yes")
    question.dismiss("again")  # a second tap on a closing dialog changes nothing
    assert answers == ["yes"] and stack.top.name == "page"


def test_a_modal_closed_under_another_scene_still_answers_without_closing_that_scene() -> None:
    stack = SceneStack()
    stack.push(Page())
    answers: list[str] = []
    question = Question()
    stack.open_modal(question, answers.append)
    stack.push(Page())  # something opened above it meanwhile
    question.dismiss("later")
    assert answers == ["later"] and len(stack.scenes) == 3
