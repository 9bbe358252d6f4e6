"""The functions that read the rule data of the IKZ-Berater from rules/ (an adapter: file I/O).

rules/ is data: one YAML file per legal source (§ 2b UStG rules, dated parameters), the
Aufgabenfeld catalogue, rate tables. This module is the only place that reads those files; the
pure parsing and validation live in advisor/.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor.regelwerk.modell import Regelwerk

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def rule_files(directory: Path = RULES_DIR) -> dict[str, str]:
    """Every ``*.yaml`` below ``directory``, as {relative posix path: text}, sorted by path."""
    files = sorted(p for p in directory.rglob("*.yaml") if p.is_file())
    return {p.relative_to(directory).as_posix(): p.read_text(encoding="utf-8") for p in files}


@functools.lru_cache(maxsize=4)
def load_rules(directory: Path = RULES_DIR) -> Regelwerk:
    """The § 2b rule set of ``directory`` (default: this one), loaded and validated once."""
    from advisor.regelwerk.laden import parse_regelwerk

    files = rule_files(directory)
    return parse_regelwerk(files, content_hash(files))


def content_hash(files: dict[str, str]) -> str:
    """SHA-256 over all rule files (path and text), independent of the file system's order."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + files[name].encode("utf-8") + b"\0")
    return digest.hexdigest()


@functools.cache
def load_rate_tables():  # -> advisor.kosten.satztabellen.Satztabellen
    """The rate tables of rules/tarife/*.yaml (KGSt, NRW Richtwerte), parsed strictly; cached.

    Raises ``UngueltigesRegelwerk`` naming file, line and table for every problem.
    """
    import yaml

    from advisor.errors import Regelwerksproblem, UngueltigesRegelwerk
    from advisor.kosten.satztabellen import satztabellen_aus_dict
    from advisor.strict_yaml import DuplicateKeyError, load_strict

    dokumente = {}
    for name, text in rule_files(RULES_DIR / "tarife").items():
        try:
            dokumente[f"tarife/{name}"] = load_strict(text)
        except DuplicateKeyError as e:
            raise UngueltigesRegelwerk([Regelwerksproblem(f"tarife/{name}", e.line, None, str(e))]) from None
        except yaml.YAMLError as e:  # report file and line, never a traceback
            mark = getattr(e, "problem_mark", None)
            zeile = mark.line + 1 if mark else None
            raise UngueltigesRegelwerk(
                [Regelwerksproblem(f"tarife/{name}", zeile, None, f"Kein gültiges YAML: {e}")]
            ) from None
    return satztabellen_aus_dict(dokumente)


@functools.cache
def load_budget_defaults():  # -> advisor.haushalt.Fortschreibungsvorgaben
    """The default indexation of the budget lines (rules/haushalt/fortschreibung.yaml); cached."""
    from advisor.haushalt import vorgaben_aus_daten
    from advisor.strict_yaml import load_strict

    return vorgaben_aus_daten(load_strict((RULES_DIR / "haushalt" / "fortschreibung.yaml").read_text(encoding="utf-8")))
