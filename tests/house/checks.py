"""The house rules as small functions over source text (see docs/decisions.md, "House rules").

Each check takes a module's source (and where it matters, the module's dotted name) and returns the
offending lines as `(line number, text)` pairs. They are pure, so `test_checks.py` can show each rule
with a good and a bad example, and `test_codebase.py` applies them to the whole tree.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

# Layers, lowest first. A module may import from its own layer and the layers below it, never above.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"korean"}),
    frozenset({"core"}),
    frozenset({"organization", "notify"}),
    frozenset({"workspace"}),
    frozenset({"charter", "kindness", "compensation"}),
    frozenset({"cases"}),
    frozenset(
        {"community", "contact", "knowledge", "protection", "quality", "surveys", "training", "visits"}
    ),
    frozenset({"reports"}),
    frozenset({"api", "demo", "cli", "urls", "settings", "wsgi", "__main__"}),
)

Finding = tuple[int, str]


def layer_of(part: str) -> int | None:
    for index, names in enumerate(LAYERS):
        if part in names:
            return index
    return None


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "chinjeol":
        return None
    return parts[1]


def _imported_modules(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[int, str]]:
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield node.lineno, target


def upward_imports(source: str, module: str, *, is_package: bool = False) -> list[Finding]:
    """Imports of an app in a higher layer than the importing module's app."""
    own = _app_of(module)
    own_layer = layer_of(own) if own else None
    if own_layer is None:
        return []
    found = []
    for lineno, target in _imported_modules(ast.parse(source), module, is_package):
        app = _app_of(target)
        if app is None or app == own:
            continue
        layer = layer_of(app)
        if layer is not None and layer > own_layer:
            found.append((lineno, f"{module} → {target}"))
    return found


def pure_library_imports(source: str) -> list[Finding]:
    """`korean/` never imports Django or the rest of chinjeol."""
    found = []
    for lineno, target in _imported_modules(ast.parse(source), "chinjeol.korean.x", False):
        if target.split(".")[0] == "django" or (
            target.startswith("chinjeol.") and not target.startswith("chinjeol.korean")
        ):
            found.append((lineno, target))
    return found


def orm_calls(source: str) -> list[Finding]:
    """Uses of a model manager (`X.objects`) or of the queryset-returning shortcuts."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if name in {"get_object_or_404", "get_list_or_404"}:
                found.append((node.lineno, name))
    return found


def raw_sql(source: str) -> list[Finding]:
    """`.extra(`, `.raw(`, `RawSQL(` and `cursor.execute` / `executemany`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr in {"extra", "raw"} or (
                func.attr in {"execute", "executemany"} and "cursor" in ast.unparse(func.value).lower()
            ):
                found.append((node.lineno, ast.unparse(func)))
        elif isinstance(func, ast.Name) and func.id == "RawSQL":
            found.append((node.lineno, "RawSQL"))
    return found


_CLOCK_CALLS = {
    "timezone.now",
    "datetime.now",
    "datetime.today",
    "date.today",
    "time.time",
    "datetime.utcnow",
}


def impure_rules(source: str) -> list[Finding]:
    """A rules module reads no clock, touches no ORM and imports no database code."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        reads_clock = isinstance(node, ast.Call) and ast.unparse(node.func) in _CLOCK_CALLS
        uses_orm = isinstance(node, ast.Attribute) and node.attr == "objects"
        if reads_clock or uses_orm:
            found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            ("django.db", "django.http")
        ):
            found.append((node.lineno, f"from {node.module} import …"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(("django.db", "django.http")):
                    found.append((node.lineno, f"import {alias.name}"))
    return found


MAX_MODULE_LINES = 400


def too_long(source: str) -> list[Finding]:
    lines = source.count("\n") + (0 if source.endswith("\n") or not source else 1)
    return [(lines, f"{lines} lines (limit {MAX_MODULE_LINES})")] if lines > MAX_MODULE_LINES else []


def _names_domain_error(node: ast.expr | None) -> bool:
    if node is None:
        return False
    if isinstance(node, ast.Tuple):
        return any(_names_domain_error(element) for element in node.elts)
    return ast.unparse(node).split(".")[-1] == "DomainError"


def domain_error_handlers(source: str) -> list[Finding]:
    """`except DomainError` in a view or router: pages map it with `core.pages` (`@domain_errors`,
    `form_errors`), the API with its one handler."""
    return [
        (node.lineno, f"except {ast.unparse(node.type)}")
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ExceptHandler) and _names_domain_error(node.type)
    ]
