"""The accessible tablet's checkout asks "How can we reach you?" on its own before the field: the question stood
in the header at the screen's foot, under its answers, over a third of the screen left empty (designer's review,
issue 22). Now the question stands over its answers and they share the room under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cart_lines import put_in_cart
from tests.test_layout_matrix import pilot_for


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_tablets_contact_question_stands_over_its_answers_with_no_empty_band(tmp_path: Path,
                                                                                 language: str) -> None:
    width, height = 800, 1280
    pilot = pilot_for(tmp_path, "terminal", (width, height), language, mail=True)
    try:
        pilot.tap(x=width // 2, y=height // 3)
        pilot.app.display().set_accessible(True)
        ctx = pilot.app.display().ctx
        t = ctx.t
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        answers = [w for w in widgets if w["label"] in (t("By email"), t("By phone"))]
        assert len(answers) == 2, "the choice asked on its own"
        top = min(w["bounds"][1] for w in answers)
        bottom = max(w["bounds"][1] + w["bounds"][3] for w in answers)
        question = [w for w in widgets if w["label"] == t("How can we reach you?") and w["bounds"][1] < top]
        assert question, "the question over its answers"
        asked = question[-1]
        assert top - (asked["bounds"][1] + asked["bounds"][3]) <= ctx.theme.size("margin") * 2, \
            "the answers right under their question"
        # from the steps over the question to the header under the answers, no band of nothing over an eighth of the
        # screen (a third was empty; the answers start at the reach zone's top, the question just over them)
        header = min(w["bounds"][1] for w in widgets if w["bounds"][1] >= bottom)
        above = max(w["bounds"][1] + w["bounds"][3] for w in widgets
                    if w["bounds"][1] + w["bounds"][3] <= asked["bounds"][1])
        empty = (asked["bounds"][1] - above) + (header - bottom)
        assert empty < height // 8, f"{empty} px of the screen empty around the choice"
    finally:
        pilot.close()
