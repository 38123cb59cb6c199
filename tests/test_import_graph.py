"""The house keeps its layers: the import graph (imports inside functions included) has no cycle, and
no arrow runs upwards (core imports only core; drivers know only core's messages; and so on)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from tests.conftest import REPO

PACKAGES = ("kiosk", "displays", "drivers")
# what each room may import of the project besides itself (a prefix match on module names), per
# DESIGN §2's layers; the entry points (kiosk.wiring, kiosk.cli, kiosk.fleet_cli, kiosk.testing) may import anything
MAY_IMPORT = {
    "kiosk.core": ("kiosk.core",),
    "kiosk.config": ("kiosk.core", "kiosk.shipped"),
    "kiosk.shipped": (),  # the files that ship with the kiosk: themes, interface texts, phone page
    "drivers": ("kiosk.core.messages", "kiosk.core.codes.gtin"),  # and the GTIN check digit a scan must pass
    "kiosk.ui": ("kiosk.core", "kiosk.config", "kiosk.shipped"),
    "kiosk.services": ("kiosk.core", "kiosk.config", "drivers"),
    "kiosk.shared": ("kiosk.core", "kiosk.config"),
    "kiosk.actions": ("kiosk.core", "kiosk.config", "kiosk.shared"),  # what the shopper does: core, then the outbox
    "kiosk.scenes": ("kiosk.core", "kiosk.config", "kiosk.ui", "kiosk.shared", "kiosk.actions"),
    "kiosk.app": ("kiosk.core", "kiosk.config", "kiosk.ui", "kiosk.shared", "kiosk.services"),
    "displays": ("kiosk.core", "kiosk.config", "kiosk.ui", "kiosk.shared", "kiosk.actions", "kiosk.scenes",
                 "kiosk.app"),
    "kiosk.automation": ("kiosk.core", "kiosk.config", "kiosk.shared", "kiosk.app", "drivers"),
}
ENTRY_POINTS = ("kiosk.cli", "kiosk.testing")  # what may build the kiosk with kiosk.wiring


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each of the project's modules -> the project's modules it imports, at any depth of its code."""
    return {module: set(targets) for module, targets in _parsed_graph().items()}


@cache
def _parsed_graph() -> dict[str, set[str]]:
    """The graph read from the code once for the test run (parsing every module took a second a test)."""
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


def within(module: str, rooms: tuple[str, ...]) -> bool:
    """Whether a module is one of the rooms or inside one."""
    return any(module == room or module.startswith(room + ".") for room in rooms)


def upward_arrows(graph: dict[str, set[str]]) -> list[str]:
    """Each import that MAY_IMPORT does not allow its room, as "module -> target"."""
    wrong = []
    for module, targets in graph.items():
        for room, allowed in MAY_IMPORT.items():
            if within(module, (room,)):
                wrong += [f"{module} -> {t}" for t in sorted(targets) if not within(t, (room, *allowed))]
    return wrong


def test_no_arrow_runs_upwards() -> None:
    assert upward_arrows(import_graph()) == []


def test_an_arrow_upwards_is_caught() -> None:
    """The loop once imported the simulated scanner for the demo's keys; a driver must not know the
    config; the window display must not reach the automation socket."""
    graph = {"kiosk.app.loop": {"drivers.scanners", "kiosk.services.watchdog"},
             "drivers.nfc.identity": {"kiosk.config.settings", "kiosk.core.messages"},
             "displays.window": {"kiosk.automation.commands", "kiosk.scenes.window"}}
    assert set(upward_arrows(graph)) == {"kiosk.app.loop -> drivers.scanners",
                                         "drivers.nfc.identity -> kiosk.config.settings",
                                         "displays.window -> kiosk.automation.commands"}


def test_every_room_has_its_rules() -> None:
    """A new folder of the runtime gets its line in MAY_IMPORT (or is an entry point)."""
    rooms = {".".join(m.split(".")[:2]) if m.startswith("kiosk.") else m.split(".")[0] for m in import_graph()}
    ruled = set(MAY_IMPORT) | set(ENTRY_POINTS) | {"kiosk", "kiosk.wiring", "kiosk.fleet_cli"}
    assert rooms - ruled == set()


def test_only_the_entry_points_build_the_kiosk() -> None:
    importers = {m for m, targets in import_graph().items() if "kiosk.wiring" in targets}
    assert {m for m in importers if not within(m, ENTRY_POINTS)} == set()


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = import_graph()
    assert "kiosk.core.catalog.build" in graph["kiosk.shared.shop"]
    assert graph["displays.routes"] >= {"kiosk.scenes.product", "kiosk.scenes.routes"}


def test_no_any_at_a_joint() -> None:
    """Signatures in the runtime's rooms name their types: no bare `Any` (a JSON object stays
    `dict[str, Any]`, which is what it is)."""
    found = []
    for place in ("kiosk/app", "kiosk/shared", "kiosk/automation", "displays", "drivers/devices.py",
                  "drivers/scanners.py", "drivers/printer.py"):
        for path in [REPO / place] if place.endswith(".py") else (REPO / place).rglob("*.py"):
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
