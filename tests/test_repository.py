"""Promises about the repository itself: a fresh clone has every document the README, the docs
and the code refer to, and the domain core imports no adapter library."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_ADAPTER_LIBRARIES = ("fastapi", "starlette", "sqlalchemy", "alembic", "reportlab", "docx", "openpyxl", "uvicorn")
#: Process-wide switches the pure core leaves to its adapters (the garbage collector: screening/speicher.py).
_PROZESSSCHALTER = ("gc",)


def _tracked(*patterns: str) -> list[Path]:
    out = subprocess.run(["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / line for line in out.stdout.splitlines() if (ROOT / line).exists()]


def _markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _relative_links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    links = []
    for target in _LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # an absolute URL (http:, mailto:) or an anchor in the same page
        links.append(target.split("#", 1)[0])
    return links


@pytest.mark.parametrize("markdown", _markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_in_the_readme_and_docs_resolves_inside_the_repository(markdown: Path) -> None:
    broken = [t for t in _relative_links(markdown) if not (markdown.parent / t).resolve().exists()]
    assert broken == [], f"{markdown.relative_to(ROOT)} links to missing files: {broken}"


def test_the_link_check_finds_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "seite.md"
    page.write_text("Siehe [Vertrag](fehlt.md) und [Web](https://example.org) und [oben](#x).\n", encoding="utf-8")
    assert _relative_links(page) == ["fehlt.md"]


def test_nothing_refers_to_documents_outside_the_repository() -> None:
    files = _tracked("*.py", "*.md", "*.yaml", "*.toml", "Makefile", ".ci/run")
    offenders = [
        str(p.relative_to(ROOT))
        for p in files
        if p.name != "test_repository.py"
        and re.search(r"\.\./shared|shared/domain|shared/design", p.read_text("utf-8"))
    ]
    assert offenders == []


def test_the_domain_core_imports_no_web_database_or_document_library() -> None:
    offenders = []
    for path in sorted((ROOT / "advisor").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in _ADAPTER_LIBRARIES + _PROZESSSCHALTER or name.split(".")[0] in (
                    "api",
                    "cli",
                    "contracts",
                    "screening",
                ):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def _dependency_names() -> set[str]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs.extend(extra)
    return {re.split(r"[\[<>=!~; ]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in specs}


def _pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep, f"constraints.txt: {line!r} ist keine exakte Version (name==version)"
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_every_declared_dependency_is_pinned_in_the_constraints_file() -> None:
    missing = sorted(_dependency_names() - set(_pinned()))
    assert not missing, f"in constraints.txt fehlen {missing} (make lock)"


def test_ci_runs_the_static_checks_before_the_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line.strip() for line in ci if line.strip() and not line.lstrip().startswith("#")]
    assert "make lint" in commands and commands.index("make lint") < commands.index("make test")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-c constraints.txt" in makefile


def test_every_hostile_test_module_is_marked_hostile() -> None:
    """tests/hostile/conftest.py skips collecting the directory in the ordinary suite; a module
    there without the mark would silently never run in either suite."""
    module = sorted((ROOT / "tests" / "hostile").glob("test_*.py"))
    assert module
    for pfad in module:
        assert "pytestmark = pytest.mark.hostile" in pfad.read_text(encoding="utf-8"), pfad.name
