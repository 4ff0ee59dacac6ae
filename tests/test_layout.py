"""The house plan holds: subpackages along the pipeline, imports one way, small modules.

These read the package's source with ``ast``; nothing is imported or run.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quotetrack"
MAX_LINES = 700
MAX_TOP_MODULES = 8

# The layers, lowest first: a module may import from its own layer or a lower one only.
LAYERS = {
    "model": 0, "errors": 0,
    "text": 1, "config": 1,
    "read": 2,
    "extract": 3,
    "claims": 4,
    "pipeline": 5,
    "check": 6, "ledger": 6, "evaluation": 6, "write": 6, "scale": 6,
    "serve": 7,                     # the web page and API over check and write; cli starts it
    "cli": 8, "__main__": 9, "__init__": 9,
}
# Siblings of one layer that may use each other, and in which direction.
SIDEWAYS = {("check", "write"), ("ledger", "write"), ("evaluation", "write"),
            ("ledger", "scale"), ("scale", "write")}   # track add runs the pool; spark writes Parquet


def modules() -> dict[str, Path]:
    """Dotted module name (without the package) -> file."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path) -> list[tuple[str, bool]]:
    """(imported module inside the package, whether the import is inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    if name == "__init__":
        here = []
    out = []
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    inner = {id(n) for f in functions for n in ast.walk(f) if n is not f}
    known = modules()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("quotetrack."):
                        out.append((alias.name[len("quotetrack."):], id(node) in inner))
            continue
        if node.level == 0:
            if not (node.module or "").startswith("quotetrack"):
                continue
            base = (node.module or "").split(".")[1:]
        else:
            base = here[:len(here) - (node.level - 1)] + (node.module.split(".") if node.module else [])
        for alias in node.names:
            candidate = ".".join(base + [alias.name])
            target = candidate if candidate in known else ".".join(base)
            if target:
                out.append((target, id(node) in inner))
    return out


def layer(module: str) -> int:
    return LAYERS[module.split(".")[0]]


GRAPH = {name: imports_of(name, path) for name, path in modules().items()}


def test_at_most_eight_top_level_modules_and_five_subpackages():
    top = [p for p in PACKAGE.glob("*.py")]
    subpackages = [p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()]
    assert len(top) <= MAX_TOP_MODULES, sorted(p.name for p in top)
    assert len(subpackages) >= 5


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_is_over_700_lines(name):
    lines = modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name}: {lines} lines"


def test_nothing_imports_the_command_line():
    outside = [n for n in GRAPH if n.split(".")[0] not in ("cli", "__main__")]
    assert [n for n in outside if any(d.split(".")[0] == "cli" for d, _ in GRAPH[n])] == []


def test_no_imports_inside_functions_except_the_command_line():
    assert [(n, d) for n, deps in GRAPH.items() if n.split(".")[0] != "cli" for d, inner in deps if inner] == []


def test_imports_run_one_way():
    wrong = []
    for name, deps in GRAPH.items():
        for dep, _ in deps:
            if dep.split(".")[0] == name.split(".")[0] or dep == "":
                continue
            pair = (name.split(".")[0], dep.split(".")[0])
            if layer(dep) > layer(name) or (layer(dep) == layer(name) and pair not in SIDEWAYS):
                wrong.append(f"{name} -> {dep}")
    assert wrong == []


def test_no_import_cycles():
    graph = {n: {d for d, _ in deps if d in GRAPH and d != n} for n, deps in GRAPH.items()}
    # a package's __init__ re-exporting its own modules is not a cycle with them
    for n in graph:
        graph[n] = {d for d in graph[n] if not n.startswith(d + ".")}
    seen, stack, cycles = set(), [], []

    def visit(node):
        if node in stack:
            cycles.append(stack[stack.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for dep in sorted(graph[node]):
            visit(dep)
        stack.pop()

    for node in sorted(graph):
        visit(node)
    assert cycles == []
