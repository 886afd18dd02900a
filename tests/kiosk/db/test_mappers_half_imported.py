"""Another thread may query while a table module is still being imported (the kiosk imports
its screens' modules lazily, on several workers): SQLAlchemy then configures every mapper
defined so far, and a relationship naming a class the module has not defined yet fails the
configuration for good (every later query of the process raises). A Smart Store kiosk started
that way in the suite: the notices' loader queried while the Click & Collect desk was importing
``kiosk.collect.tables``, and the print spooler then logged 186 MB of the same error.

The check runs each table module's top-level statements one at a time in a fresh process and
configures the mappers after each class: it must succeed at every step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import __future__, ast, importlib.util, sys
from sqlalchemy.orm import configure_mappers
import kiosk.db.models  # the shared base and core tables, as every table module imports them
configure_mappers()
failures = []
for name in sys.argv[1:]:
    # each module run statement by statement exactly once: one imported by an earlier one
    # would be defined twice
    assert name not in sys.modules, f"{name} was imported by a module run before it"
    spec = importlib.util.find_spec(name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    tree = ast.parse(open(spec.origin, encoding="utf-8").read(), spec.origin)
    flags = 0  # each statement compiled apart: the module's future import, passed on
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            flags |= __future__.annotations.compiler_flag
        code = compile(ast.Module([node], []), spec.origin, "exec", flags=flags, dont_inherit=True)
        exec(code, module.__dict__)
        if isinstance(node, ast.ClassDef):
            try:
                configure_mappers()
            except Exception as exc:
                failures.append(f"{name}, after class {node.name}: {exc}")
                break
print("\n".join(failures))
sys.exit(1 if failures else 0)
"""


def table_modules() -> list[str]:
    import kiosk.schema

    names = sorted(
        getattr(kiosk.schema, n).__name__ for n in dir(kiosk.schema) if n.endswith("_tables")
    )
    assert "kiosk.collect.tables" in names
    return [n for n in names if n != "kiosk.db.models"]


def test_a_query_between_two_classes_of_a_table_module_configures_the_mappers() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *table_modules()],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
