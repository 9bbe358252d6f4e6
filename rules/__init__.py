"""The rule data of the IKZ-Berater and the functions that read it from this directory.

rules/ is data: one YAML file per legal source (§ 2b UStG rules, dated parameters), the
Aufgabenfeld catalogue, rate tables. This module is the only place that reads those files; the
pure parsing and validation live in advisor/.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent


def rule_files(directory: Path = RULES_DIR) -> dict[str, str]:
    """Every ``*.yaml`` below ``directory``, as {relative posix path: text}, sorted by path."""
    files = sorted(p for p in directory.rglob("*.yaml") if p.is_file())
    return {p.relative_to(directory).as_posix(): p.read_text(encoding="utf-8") for p in files}


def content_hash(files: dict[str, str]) -> str:
    """SHA-256 over all rule files (path and text), independent of the file system's order."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + files[name].encode("utf-8") + b"\0")
    return digest.hexdigest()
