"""What the form template needs: the typed values, the messages and questions per field, and the
ARIA wiring that connects each field to its hint, error and question.

Each field ``name`` has the id ``field_id(name)``; its hint is ``<id>-hinweis``, its error
``<id>-fehler`` (role="alert"), its open question ``<id>-frage``, a contradiction with another
answer ``<id>-warnung`` and its catalogue default or implied value ``<id>-katalog``. ``aria-describedby`` lists those that are present; ``aria-invalid`` is set when
the field has an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from advisor.errors import Feldproblem
from api.web.field_labels import pfad_lesbar
from api.web.form_state import field_id, flatten


@dataclass
class Formular:
    """The form page's state for the template."""

    state: dict[str, Any]
    fehler: dict[str, list[str]] = field(default_factory=dict)
    fragen: dict[str, list[str]] = field(default_factory=dict)
    katalog_hinweise: dict[str, str] = field(default_factory=dict)
    warnungen: dict[str, list[str]] = field(default_factory=dict)
    zusammenfassung: list[tuple[str, str]] = field(default_factory=list)
    fokus: str | None = None
    #: Announced at the focused group after a row was removed ("Beteiligter 2 wurde entfernt.").
    fokus_meldung: str | None = None
    fall_id: int | None = None
    version: int | None = None
    aufgabenfelder: list[tuple[str, str]] = field(default_factory=list)
    satzgrundlagen: list[tuple[str, str]] = field(default_factory=list)
    werte: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.werte = flatten(self.state)

    # values ------------------------------------------------------------------------------------
    def wert(self, name: str) -> str:
        value = self.werte.get(name, "")
        return value if isinstance(value, str) else ""

    def gewaehlt(self, name: str, option: str) -> bool:
        value = self.werte.get(name)
        if isinstance(value, list):
            return option in value
        return value == option

    def anzahl(self, name: str) -> int:
        """Number of rows of a list field ("beteiligte", "leistungen[0].kosten.positionen")."""
        node: Any = self.state
        for part in name.replace("]", "").replace("[", ".").split("."):
            if isinstance(node, dict):
                node = node.get(part)
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return 0
        return len(node) if isinstance(node, list) else 0

    def partner(self) -> list[tuple[str, str]]:
        """(row index, label) of every partner row, for the choice of provider and recipients."""
        rows = []
        for i in range(self.anzahl("beteiligte")):
            name = self.wert(f"beteiligte[{i}].name") or f"Beteiligter {i + 1} (noch ohne Namen)"
            rows.append((str(i), name))
        return rows

    # messages ----------------------------------------------------------------------------------
    def fehler_fuer(self, name: str) -> list[str]:
        return self.fehler.get(name, [])

    def fragen_fuer(self, name: str) -> list[str]:
        return self.fragen.get(name, [])

    def warnungen_fuer(self, name: str) -> list[str]:
        return self.warnungen.get(name, [])

    def aria(self, name: str, hinweis: bool = False) -> Markup:
        """``aria-describedby``/``aria-invalid``/``autofocus`` attributes of field ``name``."""
        fid = field_id(name)
        described = []
        if hinweis:
            described.append(f"{fid}-hinweis")
        if name in self.katalog_hinweise:
            described.append(f"{fid}-katalog")
        if self.fehler_fuer(name):
            described.append(f"{fid}-fehler")
        if self.fragen_fuer(name):
            described.append(f"{fid}-frage")
        if self.warnungen_fuer(name):
            described.append(f"{fid}-warnung")
        parts = []
        if described:
            parts.append(f'aria-describedby="{escape(" ".join(described))}"')
        if self.fehler_fuer(name):
            parts.append('aria-invalid="true"')
        if self.fokus == name:
            parts.append("autofocus")
        return Markup(" ".join(parts))


def errors_by_field(
    probleme: list[Feldproblem], feldnamen: dict[str, str], daten: dict[str, Any] | None = None
) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Place each problem at the form field of its path (or the nearest enclosing group).

    Returns ({form field name: [messages]}, [(anchor id, "Label: message")] for the summary), the
    label in the form's words with the row's name where ``daten`` (the case as read) has one.
    """
    fehler: dict[str, list[str]] = {}
    summary: list[tuple[str, str]] = []
    for p in probleme:
        name = nearest_field(p.pfad, feldnamen)
        fehler.setdefault(name, [])
        if p.meldung not in fehler[name]:
            fehler[name].append(p.meldung)
        anchor = field_id(name) if name else "formular-fehler"
        summary.append((anchor, f"{pfad_lesbar(p.pfad, daten)}: {p.meldung}" if p.pfad else p.meldung))
    return fehler, summary


def nearest_field(pfad: str, feldnamen: dict[str, str]) -> str:
    """The form field of a Fallakte path, walking up to the enclosing group when the path itself
    has no field (e.g. a missing section). "" when nothing matches (shown in the summary only)."""
    current = pfad
    while current:
        if current in feldnamen:
            return feldnamen[current]
        if current.endswith("]"):
            current = current[: current.rfind("[")]
        elif "." in current:
            current = current[: current.rfind(".")]
        else:
            return current
    return ""
