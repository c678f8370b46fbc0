"""The layering of docs/architecture.md, pinned on the import graph of src/cardgen.

Every module belongs to one layer; imports point down only. The graph is read with `ast` (nothing is
imported), counting module-level and function-level imports, absolute and relative, and imports
under `if TYPE_CHECKING:` too: a type-only import still ties one layer to another.

    cli / pipeline / coach flow                  (app: may import anything, nobody imports it)
      ├── content    never imports plan, render, wording, style
      ├── plan       plain data: imports nothing of cardgen but itself and the leaves
      └── render products (booklet, cards, poster, printtest)
            ├── render blocks   never import render products
            ├── wording         never imports render or content
            ├── style           never imports content, plan, render
            └── prepress        never imports render, content, plan
    leaves (errors, write, units, resources, options): import only each other
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "cardgen"
MAX_RENDER_LINES = 400

APP, CONTENT, PLAN, PRODUCTS, BLOCKS, WORDING, STYLE, PREPRESS, LEAF = (
    "app", "content", "plan", "render products", "render blocks", "wording", "style", "prepress", "leaf",
)
RENDER = (PRODUCTS, BLOCKS)

# Top-level modules, by name. A new one must be placed here: an unplaced module fails the suite.
TOP_LEVEL = {
    "cardgen": APP,
    "cardgen.__main__": APP,
    "cardgen.cli": APP,
    "cardgen.pipeline": APP,
    "cardgen.to_plan": APP,  # the one boundary where content models become plan data
    "cardgen.preview": APP,
    # the coach flow, when it lands
    "cardgen.workspace": APP,
    "cardgen.coach": APP,  # coach.yaml → Coach; products receive what they print through BuildOptions
    "cardgen.roster": APP,
    "cardgen.batch": APP,  # many clients: a process pool over the pure build of one
    "cardgen.send": APP,
    "cardgen.mail": APP,  # one client's email composed from coach, client and files; send.py sends it
    "cardgen.wording": WORDING,
    "cardgen.errors": LEAF,
    "cardgen.doselang": LEAF,  # the dose language: content parses with it, plan computes with its Dose
    "cardgen.glyphs": LEAF,  # what the bundled font can print: content, coach, roster and options are checked against it
    "cardgen.write": LEAF,
    "cardgen.units": LEAF,
    "cardgen.resources": LEAF,
    "cardgen.options": LEAF,
    "cardgen.pictures": LEAF,  # Pillow only: logos and photos read, checked and scaled for print
    "cardgen.equipment": LEAF,  # the words of --have and how exercises' equipment maps to them
    "cardgen.languages": LEAF,  # the language codes content may give, for hyphenation
    "cardgen._dataclass_methods": LEAF,  # cardgen's dataclasses compile their methods at first use (import time)
}
# Packages whose every module shares the package's layer.
# cardgen.figure is a leaf: the pictograms' pure geometry, which content validates with, plan carries
# and render draws.
PACKAGES = {"cardgen.content": CONTENT, "cardgen.plan": PLAN, "cardgen.style": STYLE, "cardgen.prepress": PREPRESS, "cardgen.figure": LEAF}
# In render/, the products compose; everything else is a block they compose from.
RENDER_PRODUCTS = {"booklet", "cards", "poster", "printtest"}

# layer → the layers it must never import, each rule as the sketch states it.
NEVER: dict[str, set[str]] = {
    CONTENT: {PLAN, *RENDER, WORDING, STYLE},
    PLAN: {CONTENT, *RENDER, WORDING, STYLE, PREPRESS},
    BLOCKS: {PRODUCTS},
    WORDING: {*RENDER, CONTENT},
    STYLE: {CONTENT, PLAN, *RENDER, WORDING},
    PREPRESS: {*RENDER, CONTENT, PLAN, WORDING},
    LEAF: {APP, CONTENT, PLAN, *RENDER, WORDING, STYLE, PREPRESS},
}
# Nobody below the app imports the app (the CLI, the pipeline, the coach flow).
for _layer in (CONTENT, PLAN, *RENDER, WORDING, STYLE, PREPRESS):
    NEVER.setdefault(_layer, set()).add(APP)


# ---------------------------------------------------------------- the checker


def discover(root: Path, package: str = "cardgen") -> dict[str, Path]:
    """Module name → file, for every .py under `root` (the folder of `package`)."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _resolve(name: str, known: Iterable[str]) -> str | None:
    """The longest known module that `name` is or lies inside (`a.b.C` → `a.b`)."""
    known = set(known)
    parts = name.split(".")
    while parts:
        if ".".join(parts) in known:
            return ".".join(parts)
        parts.pop()
    return None


def imports_of(module: str, path: Path, known: Iterable[str], package: str = "cardgen") -> set[str]:
    """The modules of `package` that `module` imports anywhere in its file."""
    known = set(known)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # `from . import x` in a/b.py is relative to `a`; in a/__init__.py, to `a` itself.
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            # `from a import b` imports the module a.b when there is one, else a name of a.
            targets = [f"{base}.{alias.name}" for alias in node.names] or [base]
        else:
            continue
        for target in targets:
            if target == package or target.startswith(package + "."):
                resolved = _resolve(target, known)
                if resolved is not None and resolved != module:
                    found.add(resolved)
    return found


def import_graph(root: Path = SRC, package: str = "cardgen") -> dict[str, set[str]]:
    modules = discover(root, package)
    return {name: imports_of(name, path, modules, package) for name, path in modules.items()}


def layer_of(module: str) -> str | None:
    if module in TOP_LEVEL:
        return TOP_LEVEL[module]
    for package, layer in PACKAGES.items():
        if module == package or module.startswith(package + "."):
            return layer
    if module == "cardgen.render" or module.startswith("cardgen.render."):
        rest = module.split(".")[2:]
        if rest and (rest[0] in RENDER_PRODUCTS or rest[0] == "products"):
            return PRODUCTS
        return BLOCKS
    return None


def forbidden_arrows(
    graph: Mapping[str, set[str]], layer: Callable[[str], str | None], source: str, target: str
) -> list[str]:
    """Every import from a module of layer `source` to one of layer `target`."""
    return [
        f"{a} ({source}) imports {b} ({target})"
        for a in sorted(graph)
        if layer(a) == source
        for b in sorted(graph[a])
        if layer(b) == target
    ]


def package_of(module: str) -> str:
    """`cardgen.render.cards` → `cardgen.render`; top-level modules are their own package."""
    return ".".join(module.split(".")[:2])


def package_cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The groups of packages that import each other around a loop (strongly connected, size > 1)."""
    edges: dict[str, set[str]] = {}
    for a, targets in graph.items():
        edges.setdefault(package_of(a), set())
        for b in targets:
            if package_of(b) != package_of(a):
                edges[package_of(a)].add(package_of(b))
                edges.setdefault(package_of(b), set())
    # Tarjan's algorithm, iterative, in sorted order so the report is stable.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        group.append(top)
                        if top == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return sorted(groups)


# ---------------------------------------------------------------- the rules, on src/cardgen

GRAPH = import_graph()


def test_the_graph_is_read():
    # Guards every rule below against passing on an empty or unresolved graph.
    assert len(GRAPH) >= 20
    assert "cardgen.plan.model" in GRAPH["cardgen.pipeline"]
    assert "cardgen.errors" in GRAPH["cardgen.write"]


def test_every_module_has_a_layer():
    unplaced = [m for m in sorted(GRAPH) if layer_of(m) is None]
    assert not unplaced, f"modules in no layer (place them in TOP_LEVEL of {Path(__file__).name}): {', '.join(unplaced)}"


RULES = [(source, target) for source in NEVER for target in sorted(NEVER[source])]


@pytest.mark.parametrize("source, target", RULES, ids=[f"{s} never imports {t}" for s, t in RULES])
def test_layering(source, target):
    arrows = forbidden_arrows(GRAPH, layer_of, source, target)
    assert not arrows, "imports against the layering (docs/architecture.md):\n  " + "\n  ".join(arrows)


def test_no_import_cycle_between_packages():
    cycles = package_cycles(GRAPH)
    assert not cycles, "packages importing each other: " + "; ".join(" ↔ ".join(c) for c in cycles)


def test_render_modules_stay_small():
    render = SRC / "render"
    lengths = {p.relative_to(render).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in sorted(render.rglob("*.py"))}
    assert len(lengths) >= 10  # the walk found the render package
    long = {name: n for name, n in lengths.items() if n > MAX_RENDER_LINES}
    assert not long, f"render modules over {MAX_RENDER_LINES} lines (split them by job): {long}"


# ---------------------------------------------------------------- the checker itself, on made-up trees


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_checker_reads_every_kind_of_import(tmp_path):
    root = _tree(tmp_path, {
        "__init__.py": "",
        "leaf.py": "",
        "a/__init__.py": "from . import b\n",
        "a/b.py": "import os\nfrom ..leaf import X\n",
        "a/c.py": "def f():\n    from pkg.d import e\n    import pkg.leaf as L\n",
        "a/t.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import Y\nfrom pkg.a import c\n",
        "d/__init__.py": "",
        "d/e.py": "",
    })
    graph = import_graph(root, "pkg")
    assert graph["pkg.a"] == {"pkg.a.b"}
    assert graph["pkg.a.b"] == {"pkg.leaf"}  # a name of a module resolves to the module
    assert graph["pkg.a.c"] == {"pkg.d.e", "pkg.leaf"}  # function-level imports count
    assert graph["pkg.a.t"] == {"pkg.a.b", "pkg.a.c"}  # type-only imports count
    assert graph["pkg.d"] == set()


def test_checker_reports_a_forbidden_arrow_and_only_that():
    graph = {"cardgen.style.fonts": {"cardgen.content.load", "cardgen.units"}, "cardgen.content.load": {"cardgen.errors"}}
    assert forbidden_arrows(graph, layer_of, STYLE, CONTENT) == ["cardgen.style.fonts (style) imports cardgen.content.load (content)"]
    assert forbidden_arrows(graph, layer_of, CONTENT, LEAF) == ["cardgen.content.load (content) imports cardgen.errors (leaf)"]
    assert forbidden_arrows(graph, layer_of, STYLE, PLAN) == []


def test_checker_places_modules_in_layers():
    assert layer_of("cardgen.render.booklet") == PRODUCTS
    assert layer_of("cardgen.render.products.cards") == PRODUCTS
    assert layer_of("cardgen.render.table") == BLOCKS
    assert layer_of("cardgen.plan.dose") == PLAN
    assert layer_of("cardgen.units") == LEAF
    assert layer_of("cardgen.brand_new") is None


def test_checker_finds_cycles_between_packages_not_inside_one():
    graph = {
        "cardgen.content.schema": {"cardgen.plan.dose"},
        "cardgen.plan.model": {"cardgen.content.schema"},
        "cardgen.render.layout": {"cardgen.render.flow"},
        "cardgen.render.flow": {"cardgen.render.layout", "cardgen.style.fonts"},
        "cardgen.style.fonts": {"cardgen.units"},
    }
    assert package_cycles(graph) == [["cardgen.content", "cardgen.plan"]]
    graph["cardgen.units"] = {"cardgen.render.flow"}
    assert package_cycles(graph) == [["cardgen.content", "cardgen.plan"], ["cardgen.render", "cardgen.style", "cardgen.units"]]
