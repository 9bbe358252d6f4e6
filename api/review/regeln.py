"""The review's rules as plain functions over data: which roles approve, when a change voids
approvals, what the final gate lets through. No database, no web — a test calls them directly.

States of a case (``Zustand``)::

    entwurf ──einreichen──▶ in_pruefung ──all required approvals "erteilt"──▶ freigegeben
       ▲                        │  an approval "abgelehnt"                      │ unterzeichnen
       └────────────────────────┘  or a new version of the case                 ▼
                                                                          unterzeichnet (frozen)

- The stored state refers to one version (``pruef_version``). When the case has a newer version
  than that, a stored ``in_pruefung`` or ``freigegeben`` counts as ``entwurf``: the change voided
  the review, and approvals belong to the version they were given for, so none of them counts
  for the new version (``wirksamer_zustand``, ``gueltige_freigaben``).
- An approval is refused while any comment on the case is ``offen``, when the case is not
  ``in_pruefung``, for a role the organisation does not require, and for a caller who does not
  hold that role (``pruefe_freigabe``).
- A signed case is frozen: a change is refused; a change is a new amendment case (Nachtrag)
  that refers to it (``pruefe_aenderung``).
- The final document (Ausfertigung) exists only for a ``freigegeben`` or ``unterzeichnet``
  version (``pruefe_ausfertigung``: 409 naming the missing approvals).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from api.identity.rollen import Recht, Rolle


class Zustand(StrEnum):
    ENTWURF = "entwurf"
    IN_PRUEFUNG = "in_pruefung"
    FREIGEGEBEN = "freigegeben"
    UNTERZEICHNET = "unterzeichnet"


ZUSTAND_TEXT = {
    Zustand.ENTWURF: "Entwurf",
    Zustand.IN_PRUEFUNG: "zur Prüfung",
    Zustand.FREIGEGEBEN: "freigegeben",
    Zustand.UNTERZEICHNET: "unterzeichnet",
}

ERTEILT, ABGELEHNT = "erteilt", "abgelehnt"
ENTSCHEIDUNGEN = (ERTEILT, ABGELEHNT)
OFFEN, ERLEDIGT = "offen", "erledigt"
KOMMENTAR_STATUS = (OFFEN, ERLEDIGT)

#: The roles that must approve unless the organisation configured others (tcms.md: the tax
#: officer's USt-Freigabe, Rechtsamt, Amtsleitung).
STANDARD_ROLLEN: tuple[Rolle, ...] = (Rolle.STEUER, Rolle.RECHTSAMT, Rolle.LEITUNG)

#: The right an approval in a role needs (api/identity/rollen.py).
FREIGABE_RECHT: dict[Rolle, Recht] = {
    Rolle.STEUER: Recht.UST_FREIGEBEN,
    Rolle.RECHTSAMT: Recht.RECHT_FREIGEBEN,
    Rolle.LEITUNG: Recht.LEITUNG_FREIGEBEN,
}

FREIGABE_TEXT: dict[Rolle, str] = {
    Rolle.STEUER: "USt-Freigabe (Steuerbeauftragte/r)",
    Rolle.RECHTSAMT: "rechtliche Freigabe (Rechtsamt)",
    Rolle.LEITUNG: "Freigabe der Amtsleitung",
}

#: The deadline shown for a cooperation without another one: § 2b UStG applies compulsorily
#: from this day (§ 27 Abs. 22a UStG).
STANDARD_FRIST = date(2027, 1, 1)


class Pruefungsfehler(Exception):
    """A review step that the rules refuse: ``status`` 409 (state) or 403 (role), ``name`` the
    problem's slug, ``detail`` the German sentence, ``fehlend`` the missing approvals' roles."""

    def __init__(self, status: int, name: str, detail: str, fehlend: Sequence[Rolle] = ()) -> None:
        self.status, self.name, self.detail, self.fehlend = status, name, detail, tuple(fehlend)
        super().__init__(detail)


@dataclass(frozen=True, slots=True)
class Freigabe:
    """One decision of a role on one version (``entscheidung``: "erteilt" | "abgelehnt")."""

    rolle: Rolle
    entscheidung: str
    version: int
    akteur: str
    zeit: datetime
    begruendung: str | None = None


def wirksamer_zustand(gespeichert: Zustand, pruef_version: int | None, neueste_version: int) -> Zustand:
    """The state that counts now: a review of an older version than the newest is void
    (``entwurf``); ``unterzeichnet`` and ``entwurf`` stay as stored."""
    if gespeichert in (Zustand.IN_PRUEFUNG, Zustand.FREIGEGEBEN) and pruef_version != neueste_version:
        return Zustand.ENTWURF
    return gespeichert


def gueltige_freigaben(freigaben: Iterable[Freigabe], version: int) -> dict[Rolle, Freigabe]:
    """The latest decision per role for ``version`` (decisions on other versions are void)."""
    result: dict[Rolle, Freigabe] = {}
    for f in sorted((f for f in freigaben if f.version == version), key=lambda f: f.zeit):
        result[f.rolle] = f
    return result


def fehlende_freigaben(erforderlich: Sequence[Rolle], freigaben: Iterable[Freigabe], version: int) -> list[Rolle]:
    """The required roles without a valid "erteilt" for ``version``, in the configured order."""
    gueltig = gueltige_freigaben(freigaben, version)
    return [r for r in erforderlich if r not in gueltig or gueltig[r].entscheidung != ERTEILT]


def zustand_nach_entscheidung(erforderlich: Sequence[Rolle], freigaben: Iterable[Freigabe], version: int) -> Zustand:
    """After a decision: ``entwurf`` if any valid decision is "abgelehnt", ``freigegeben`` when no
    required approval is missing, else still ``in_pruefung``."""
    gueltig = gueltige_freigaben(freigaben, version)
    if any(f.entscheidung == ABGELEHNT for f in gueltig.values()):
        return Zustand.ENTWURF
    if not fehlende_freigaben(erforderlich, list(gueltig.values()), version):
        return Zustand.FREIGEGEBEN
    return Zustand.IN_PRUEFUNG


def rollen_text(rollen: Iterable[Rolle]) -> str:
    """ "rechtsamt, leitung" as a German list of what is missing."""
    return ", ".join(FREIGABE_TEXT.get(r, r.value) for r in rollen)


def pruefe_einreichen(zustand: Zustand) -> None:
    """Submitting for review is possible only from ``entwurf``."""
    if zustand != Zustand.ENTWURF:
        raise Pruefungsfehler(
            409, "zustand-passt-nicht", f"Der Fall ist {ZUSTAND_TEXT[zustand]}; einreichen lässt sich nur ein Entwurf."
        )


def pruefe_freigabe(
    zustand: Zustand,
    rolle: Rolle,
    rollen_des_aufrufers: Iterable[Rolle],
    erforderlich: Sequence[Rolle],
    offene_kommentare: int,
    eigentuemer: bool,
) -> None:
    """Whether a decision of ``rolle`` may be recorded now; ``Pruefungsfehler`` says why not."""
    if not eigentuemer:
        raise Pruefungsfehler(
            403, "nur-eigene-organisation", "Freigeben kann nur die Organisation, der der Fall gehört."
        )
    if rolle not in erforderlich:
        verlangt = ", ".join(r.value for r in erforderlich)
        raise Pruefungsfehler(
            409, "rolle-nicht-vorgesehen", f"Die Rolle „{rolle.value}“ gibt hier nicht frei (vorgesehen: {verlangt})."
        )
    if rolle not in set(rollen_des_aufrufers):
        raise Pruefungsfehler(
            403,
            "rolle-fehlt",
            f"Für die {FREIGABE_TEXT.get(rolle, rolle.value)} fehlt Ihnen die Rolle „{rolle.value}“.",
        )
    if zustand != Zustand.IN_PRUEFUNG:
        raise Pruefungsfehler(
            409,
            "zustand-passt-nicht",
            f"Der Fall ist {ZUSTAND_TEXT[zustand]}; freigeben lässt sich nur ein Fall in Prüfung.",
        )
    if offene_kommentare:
        raise Pruefungsfehler(
            409,
            "kommentare-offen",
            f"Es {'ist' if offene_kommentare == 1 else 'sind'} noch {offene_kommentare} "
            f"Kommentar{'' if offene_kommentare == 1 else 'e'} offen; erst erledigen, dann freigeben.",
        )


def pruefe_aenderung(zustand: Zustand) -> None:
    """A signed case is frozen: a change must be a new amendment case."""
    if zustand == Zustand.UNTERZEICHNET:
        raise Pruefungsfehler(
            409,
            "fall-unterzeichnet",
            "Der Fall ist unterzeichnet und damit eingefroren. Änderungen als Nachtrag anlegen "
            "(POST /api/v1/cases/{id}/nachtrag), der auf diesen Fall verweist.",
        )


def pruefe_unterzeichnung(zustand: Zustand, unterzeichnende: Sequence[str]) -> None:
    """Signing needs a ``freigegeben`` case and at least one named signatory."""
    if zustand != Zustand.FREIGEGEBEN:
        raise Pruefungsfehler(
            409,
            "zustand-passt-nicht",
            f"Der Fall ist {ZUSTAND_TEXT[zustand]}; unterzeichnet werden kann nur ein freigegebener Fall.",
        )
    if not [u for u in unterzeichnende if u.strip()]:
        raise Pruefungsfehler(422, "unterzeichnende-fehlen", "Bitte mindestens eine unterzeichnende Person angeben.")


def pruefe_ausfertigung(zustand: Zustand, fehlend: Sequence[Rolle]) -> None:
    """The final gate: an Ausfertigung only of a ``freigegeben`` (or signed) version; otherwise
    409 naming the missing approvals."""
    if zustand in (Zustand.FREIGEGEBEN, Zustand.UNTERZEICHNET):
        return
    if zustand == Zustand.ENTWURF:
        grund = "Der Fall ist nicht (oder nach einer Änderung nicht mehr) zur Prüfung eingereicht."
    else:
        grund = "Der Fall ist in Prüfung."
    raise Pruefungsfehler(
        409,
        "nicht-freigegeben",
        f"Eine Ausfertigung gibt es erst nach der Freigabe. {grund} Es fehlen: {rollen_text(fehlend)}.",
        fehlend,
    )


def erforderliche_rollen(gespeichert: str | None) -> tuple[Rolle, ...]:
    """The roles that must approve, from the organisation's stored setting ("steuer,leitung");
    the default (``STANDARD_ROLLEN``) when nothing is stored."""
    if not gespeichert:
        return STANDARD_ROLLEN
    rollen = tuple(Rolle(t) for t in gespeichert.split(",") if t in {r.value for r in FREIGABE_RECHT})
    return rollen or STANDARD_ROLLEN


def rollen_einstellung(rollen: Iterable[str]) -> str:
    """The stored form of a configured list of approving roles; ``ValueError`` (German) for a
    role that cannot approve, or an empty list."""
    result: list[Rolle] = []
    for text in rollen:
        try:
            rolle = Rolle(text.strip().lower())
        except ValueError:
            rolle = None
        if rolle not in FREIGABE_RECHT:
            moeglich = ", ".join(r.value for r in FREIGABE_RECHT)
            raise ValueError(f"„{text}“ kann nicht freigeben (möglich: {moeglich}).")
        if rolle not in result:
            result.append(rolle)
    if not result:
        raise ValueError("Mindestens eine Rolle muss freigeben.")
    return ",".join(r.value for r in result)
