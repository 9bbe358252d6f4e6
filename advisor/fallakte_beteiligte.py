"""Cross-field checks of the parties of a Fallakte: members of an association (§ 4 Nr. 29 UStG)
and the legal person a party belongs to (an Eigenbetrieb of its Stadt: internal charges, § 1 Abs. 1
Nr. 1 UStG). Each problem names its field path.
"""

from __future__ import annotations

from advisor.errors import Feldproblem
from advisor.fallakte import Beteiligter, Fallakte

#: Kinds of party that have members or owners of their own (§ 4 Nr. 29 UStG: an association).
_MIT_MITGLIEDERN = {"zweckverband", "anstalt_oeffentlichen_rechts", "sonstige_jpoer"}
#: Kinds of party that are a legal person of their own by definition: never part of another.
_EIGENE_RECHTSPERSON = {
    "zweckverband": "Ein Zweckverband",
    "anstalt_oeffentlichen_rechts": "Eine Anstalt des öffentlichen Rechts",
    "privat": "Ein privates Unternehmen",
}


def unbekannt(kennung: str) -> str:
    return f"„{kennung}“ ist kein Beteiligter dieser Fallakte (unter beteiligte fehlt diese Kennung)."


def pruefe_beteiligte(fallakte: Fallakte, ids: set[str]) -> list[Feldproblem]:
    """Every problem of the parties' members and legal persons, in document order."""
    nach_id = {b.id: b for b in fallakte.beteiligte}
    probleme: list[Feldproblem] = []
    for i, b in enumerate(fallakte.beteiligte):
        probleme.extend(_pruefe_mitglieder(b, f"beteiligte[{i}]", ids))
        probleme.extend(_pruefe_rechtstraeger(b, f"beteiligte[{i}].rechtstraeger", nach_id))
    return probleme


def _pruefe_rechtstraeger(b: Beteiligter, pfad: str, nach_id: dict[str, Beteiligter]) -> list[Feldproblem]:
    """A party without a legal personality of its own names the one it belongs to: not itself, not
    a party that belongs to yet another one, and never for a Zweckverband, an AöR or a private firm,
    which are legal persons of their own."""
    if b.rechtstraeger is None:
        return []
    if b.art in _EIGENE_RECHTSPERSON:
        return [
            Feldproblem(
                pfad,
                f"{_EIGENE_RECHTSPERSON[b.art]} ist selbst eine juristische Person und gehört zu keinem anderen "
                "Rechtsträger; Leistungen an ihn sind keine Innenumsätze.",
            )
        ]
    if b.rechtstraeger == b.id:
        return [Feldproblem(pfad, "Ein Beteiligter ist nicht sein eigener Rechtsträger; bitte das Feld weglassen.")]
    traeger = nach_id.get(b.rechtstraeger)
    if traeger is not None and traeger.rechtstraeger is not None:
        return [
            Feldproblem(
                pfad,
                f"„{traeger.id}“ gehört selbst zu „{traeger.rechtstraeger}“; bitte den Rechtsträger direkt angeben.",
            )
        ]
    return []


def _pruefe_mitglieder(b: Beteiligter, pfad: str, ids: set[str]) -> list[Feldproblem]:
    """Members or owners are named only for an association, refer to other parties, and are no more
    than the stated total."""
    probleme: list[Feldproblem] = []
    if (b.mitglieder is not None or b.anzahl_mitglieder is not None) and b.art not in _MIT_MITGLIEDERN:
        feld = "mitglieder" if b.mitglieder is not None else "anzahl_mitglieder"
        probleme.append(
            Feldproblem(
                f"{pfad}.{feld}",
                "Mitglieder oder Träger gibt es nur bei einem Zweckverband, einer Anstalt oder einer sonstigen "
                "juristischen Person des öffentlichen Rechts.",
            )
        )
    gesehen: set[str] = set()
    for j, m in enumerate(b.mitglieder or []):
        if m not in ids:
            probleme.append(Feldproblem(f"{pfad}.mitglieder[{j}]", unbekannt(m)))
        elif m == b.id:
            probleme.append(Feldproblem(f"{pfad}.mitglieder[{j}]", "Ein Beteiligter ist nicht sein eigenes Mitglied."))
        elif m in gesehen:
            probleme.append(Feldproblem(f"{pfad}.mitglieder[{j}]", f"„{m}“ ist doppelt als Mitglied genannt."))
        gesehen.add(m)
    if b.mitglieder is not None and b.anzahl_mitglieder is not None and b.anzahl_mitglieder < len(b.mitglieder):
        probleme.append(
            Feldproblem(
                f"{pfad}.anzahl_mitglieder",
                f"Die Zahl der Mitglieder ({b.anzahl_mitglieder}) ist kleiner als die der genannten ({len(b.mitglieder)}).",
            )
        )
    return probleme
