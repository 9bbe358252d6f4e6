"""Before/after of one case under two rule sets: which results, risks or open questions change,
and the rules that made the difference, with norm, sources and the changelog's words.

Both sides are assessments in their JSON form (``bewertung_als_dict``): the stored one and the new
one. Per service: the result, the risk, the deciding rule, the open questions (by fact) before and
after; and every criterion (rule) whose status or outcome differs — with the new side's norm and
sources (the old side's for a rule that no longer exists). A case "changes" when a result, a risk
or the set of open questions changes; a different wording alone is no change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from advisor.auswirkungen.changelog import Aenderungseintrag, erwaehnungen


@dataclass(frozen=True, slots=True)
class Regelunterschied:
    """A rule whose criterion differs: status before/after (``None`` = not evaluated on that side)."""

    regel: str
    norm: str
    titel: str
    quellen: tuple[str, ...]
    status_vorher: str | None
    status_nachher: str | None
    aenderungsvermerke: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Leistungsaenderung:
    """One service: before/after of result, risk, deciding rule, open questions, and why."""

    leistung: str
    bezeichnung: str
    ergebnis: tuple[str, str]
    risiko: tuple[str, str]
    entscheidende_regel: tuple[str | None, str | None]
    fragen_neu: tuple[str, ...]
    fragen_entfallen: tuple[str, ...]
    regeln: tuple[Regelunterschied, ...]

    @property
    def geaendert(self) -> bool:
        return (
            self.ergebnis[0] != self.ergebnis[1]
            or self.risiko[0] != self.risiko[1]
            or bool(self.fragen_neu or self.fragen_entfallen)
        )


@dataclass(frozen=True, slots=True)
class Fallauswirkung:
    """The whole case: overall result before/after and every service's comparison."""

    ergebnis: tuple[str, str]
    leistungen: tuple[Leistungsaenderung, ...] = field(default=())

    @property
    def geaendert(self) -> bool:
        return self.ergebnis[0] != self.ergebnis[1] or any(lc.geaendert for lc in self.leistungen)


def _kriterien(lb: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k["regel"]: k for k in lb.get("kriterien", [])}


def _fragen(lb: dict[str, Any]) -> dict[str, str]:
    return {q["fakt"]: q["frage"] for q in lb.get("offene_fragen", [])}


def _leistung(
    vorher: dict[str, Any], nachher: dict[str, Any], changelog: list[Aenderungseintrag]
) -> Leistungsaenderung:
    kv, kn = _kriterien(vorher), _kriterien(nachher)
    regeln = []
    for regel in sorted(set(kv) | set(kn)):
        a, b = kv.get(regel), kn.get(regel)
        sa, sb = (a or {}).get("status"), (b or {}).get("status")
        if sa == sb and (a or {}).get("folge") == (b or {}).get("folge"):
            continue
        quelle = b or a or {}
        regeln.append(
            Regelunterschied(
                regel,
                str(quelle.get("norm", "")),
                str(quelle.get("titel", "")),
                tuple(quelle.get("quellen", [])),
                sa,
                sb,
                tuple(erwaehnungen(changelog, regel)),
            )
        )
    fv, fn = _fragen(vorher), _fragen(nachher)
    return Leistungsaenderung(
        leistung=nachher.get("leistung") or vorher.get("leistung", ""),
        bezeichnung=nachher.get("bezeichnung") or vorher.get("bezeichnung", ""),
        ergebnis=(vorher.get("ergebnis", "—"), nachher.get("ergebnis", "—")),
        risiko=(vorher.get("risiko", "—"), nachher.get("risiko", "—")),
        entscheidende_regel=(vorher.get("entscheidende_regel"), nachher.get("entscheidende_regel")),
        fragen_neu=tuple(fn[f] for f in sorted(set(fn) - set(fv))),
        fragen_entfallen=tuple(fv[f] for f in sorted(set(fv) - set(fn))),
        regeln=tuple(regeln),
    )


def vergleiche(
    vorher: dict[str, Any],
    nachher: dict[str, Any],
    changelog: list[Aenderungseintrag] = (),  # type: ignore[assignment]
) -> Fallauswirkung:
    """Compare two assessments of the same case (JSON form); services matched by id."""
    alt = {lb["leistung"]: lb for lb in vorher.get("leistungen", [])}
    neu = {lb["leistung"]: lb for lb in nachher.get("leistungen", [])}
    reihenfolge = list(neu) + [k for k in alt if k not in neu]
    return Fallauswirkung(
        (vorher.get("ergebnis", "—"), nachher.get("ergebnis", "—")),
        tuple(_leistung(alt.get(k, {}), neu.get(k, {}), list(changelog)) for k in reihenfolge),
    )


def auswirkung_als_dict(a: Fallauswirkung) -> dict[str, Any]:
    """The JSON form of a case's before/after (only services that changed carry their rules)."""
    return {
        "geaendert": a.geaendert,
        "ergebnis": {"vorher": a.ergebnis[0], "nachher": a.ergebnis[1]},
        "leistungen": [
            {
                "leistung": lc.leistung,
                "bezeichnung": lc.bezeichnung,
                "geaendert": lc.geaendert,
                "ergebnis": {"vorher": lc.ergebnis[0], "nachher": lc.ergebnis[1]},
                "risiko": {"vorher": lc.risiko[0], "nachher": lc.risiko[1]},
                "entscheidende_regel": {"vorher": lc.entscheidende_regel[0], "nachher": lc.entscheidende_regel[1]},
                "fragen_neu": list(lc.fragen_neu),
                "fragen_entfallen": list(lc.fragen_entfallen),
                "regeln": [
                    {
                        "regel": r.regel,
                        "norm": r.norm,
                        "titel": r.titel,
                        "quellen": list(r.quellen),
                        "status_vorher": r.status_vorher,
                        "status_nachher": r.status_nachher,
                        "aenderungsvermerke": [{"version": v, "text": t} for v, t in r.aenderungsvermerke],
                    }
                    for r in lc.regeln
                ]
                if lc.geaendert
                else [],
            }
            for lc in a.leistungen
        ],
    }
