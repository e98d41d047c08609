"""The structure's rules that a reader relies on: the project package knows no feature app."""

import ast
from pathlib import Path

from django.conf import settings

from permitportal.accounts import personal_data

ROOT = Path(settings.BASE_DIR)
FEATURE_APPS = ("applications", "dialogueteam", "predialogue", "satisfaction")


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def test_the_project_package_imports_no_feature_app():
    offenders = []
    for path in sorted((ROOT / "permitportal").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for module in imported_modules(path):
            if module.split(".")[0] in FEATURE_APPS:
                offenders.append(f"{path.relative_to(ROOT)}: {module}")
    assert offenders == []


def test_every_app_holding_personal_data_is_registered():
    assert [holder.name for holder in personal_data.holders()] == ["applications", "predialogue", "dialogueteam",
                                                                   "hearings"]


def test_a_run_requiring_postgresql_counts_the_tests_that_skipped_their_postgresql_assertions():
    from types import SimpleNamespace

    from tests import conftest

    postgresql_only = SimpleNamespace(longrepr=("x.py", 3, "Skipped: PostgreSQL only: the plan"), nodeid="t::a")
    other = SimpleNamespace(longrepr=("y.py", 3, "Skipped: REQUIRE_RESTART is not set"), nodeid="t::b")
    assert conftest._postgresql_only_skips(SimpleNamespace(stats={"skipped": [postgresql_only, other]})) == ["t::a"]
    assert conftest._postgresql_only_skips(None) == []
