"""The house keeps its layers: the import graph (imports inside functions included) has no cycle, and
no arrow runs upwards (core imports only core; drivers know only core's messages; and so on)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGES = ("kiosk", "displays", "drivers")
# what each room may not import (a prefix match on module names)
FORBIDDEN = {
    "kiosk.core": ("kiosk.", "displays", "drivers"),  # except kiosk.core itself: checked below
    "drivers": ("kiosk.ui", "kiosk.scenes", "kiosk.app", "kiosk.automation", "kiosk.shared", "kiosk.services",
                "displays"),
    "kiosk.ui": ("kiosk.scenes", "kiosk.shared", "kiosk.app", "kiosk.automation", "displays"),
    "kiosk.services": ("kiosk.ui", "kiosk.scenes", "kiosk.app", "kiosk.automation", "kiosk.shared", "displays"),
    "kiosk.scenes": ("kiosk.app", "kiosk.automation", "displays"),
    "kiosk.shared": ("kiosk.ui", "kiosk.scenes", "kiosk.app", "kiosk.automation", "displays"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each of the project's modules -> the project's modules it imports, at any depth of its code."""
    modules = {module_name(path): path for package in PACKAGES for path in (REPO / package).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:  # `from X import y`: the module X.y if there is one, else X
                    target = f"{node.module}.{alias.name}"
                    targets.add(target if target in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names if alias.name in modules)
        graph[name] = {t for t in targets if t != name and t in modules}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_has_no_cycle() -> None:
    assert cycles(import_graph()) == []


def test_no_arrow_runs_upwards() -> None:
    wrong = []
    for module, targets in import_graph().items():
        for room, forbidden in FORBIDDEN.items():
            if module == room or module.startswith(room + "."):
                wrong += [f"{module} -> {t}" for t in sorted(targets)
                          if t.startswith(forbidden) and not (room == "kiosk.core" and t.startswith("kiosk.core"))]
    assert wrong == []


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = import_graph()
    assert "kiosk.core.catalog.build" in graph["kiosk.shared.shop"]
    assert graph["displays.routes"] >= {"kiosk.scenes.product", "kiosk.scenes.routes"}


def test_no_any_at_a_joint() -> None:
    """Signatures in the runtime's rooms name their types: no bare `Any` (a JSON object stays
    `dict[str, Any]`, which is what it is)."""
    found = []
    for folder in ("kiosk/app", "kiosk/shared", "kiosk/automation", "displays"):
        for path in (REPO / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs,
                             *(a for a in (node.args.vararg, node.args.kwarg) if a is not None)]
                annotations = [a.annotation for a in arguments if a.annotation is not None]
                annotations += [node.returns] if node.returns is not None else []
                for annotation in annotations:
                    text = ast.unparse(annotation).replace("dict[str, Any]", "")
                    if "Any" in text:
                        found.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}: {ast.unparse(annotation)}")
    assert found == []
