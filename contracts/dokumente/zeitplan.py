"""The timeline to approval and publication, against the planned start and the end of the VAT
transition period (pure: dates in, steps and a verdict out).

For an öffentlich-rechtliche Vereinbarung (§ 24 GkG NRW): the councils decide, the parties sign
(written form), the supervisory authority approves — expressly or by fiction four weeks after the
application (§ 24 Abs. 2 Satz 2) — and publishes; the agreement takes effect the day after
publication, not before the planned start. Working backwards from the start gives the last day
the application must arrive if the parties wait for the fiction. A binding ruling (§ 89 Abs. 2
AO) should be decided within six months; where it is a condition precedent, the transfer cannot
take effect earlier. For a Zweckverband the statute change is notified, not approved (§ 20 Abs. 2
GkG NRW, Freiverband).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from contracts.formatting import format_date

#: § 24 Abs. 2 Satz 2 GkG NRW: the approval is deemed given four weeks after the application.
GENEHMIGUNGSFIKTION = timedelta(weeks=4)
#: § 89 Abs. 2 Satz 4 AO: the ruling should be decided within six months of the application.
AUSKUNFT_MONATE = 6

Verfahren = Literal["oerv", "zweckverband", "vertrag", "sonstige"]


@dataclass(frozen=True, slots=True)
class Zeitplanschritt:
    schritt: str
    termin: str
    grundlage: str = ""


@dataclass(frozen=True, slots=True)
class Zeitplan:
    schritte: tuple[Zeitplanschritt, ...]
    fazit: tuple[str, ...]
    rechtzeitig: bool


def plus_monate(tag: date, monate: int) -> date:
    """``tag`` plus whole months; the 31st becomes the last day of a shorter month."""
    monat = tag.month - 1 + monate
    jahr, monat = tag.year + monat // 12, monat % 12 + 1
    return date(jahr, monat, min(tag.day, calendar.monthrange(jahr, monat)[1]))


def zeitplan(
    *,
    stand: date,
    beginn: date,
    verfahren: Verfahren,
    auskunft: bool,
    pflicht_ab: date,
    normen: Mapping[str, str],
) -> Zeitplan:
    """The steps to the agreement taking effect on ``beginn``, seen from ``stand``.

    ``normen`` names the citations to print: ``schriftform``, ``genehmigung``, ``bekanntmachung``,
    ``wirksamkeit``, ``auskunft``, ``zv_aenderung``, ``uebergang``.

    Returns:
        The steps with their dates or the latest dates that still reach ``beginn``; ``rechtzeitig``
        says whether the start can be reached without relying on an early express approval or an
        early ruling.
    """
    schritte: list[Zeitplanschritt] = [
        Zeitplanschritt("Beschlüsse der Räte und Kreistage aller Beteiligten", "[Sitzungstermine ergänzen]")
    ]
    fazit: list[str] = []
    rechtzeitig = True
    bekanntmachung_spaetestens = beginn - timedelta(days=1)
    if verfahren == "oerv":
        antrag_spaetestens = bekanntmachung_spaetestens - timedelta(days=1) - GENEHMIGUNGSFIKTION
        schritte += [
            Zeitplanschritt(
                "Unterzeichnung durch alle Beteiligten (Schriftform)", "nach den Beschlüssen", normen["schriftform"]
            ),
            Zeitplanschritt(
                "Antrag auf Genehmigung bei der Aufsichtsbehörde (Eingang)",
                f"spätestens {format_date(antrag_spaetestens)}, wenn die Genehmigungsfiktion abgewartet wird",
                normen["genehmigung"],
            ),
            Zeitplanschritt(
                "Genehmigung (ausdrücklich oder durch Fiktion vier Wochen nach Eingang)",
                f"spätestens {format_date(antrag_spaetestens + GENEHMIGUNGSFIKTION)}",
                normen["genehmigung"],
            ),
            Zeitplanschritt(
                "Bekanntmachung im Veröffentlichungsblatt der Aufsichtsbehörde",
                f"spätestens {format_date(bekanntmachung_spaetestens)}",
                normen["bekanntmachung"],
            ),
            Zeitplanschritt(
                "Wirksamwerden",
                f"am Tag nach der Bekanntmachung, frühestens {format_date(beginn)}",
                normen["wirksamkeit"],
            ),
        ]
        if stand > antrag_spaetestens:
            rechtzeitig = False
            fazit.append(
                f"Der Beginn am {format_date(beginn)} ist nur erreichbar, wenn die Aufsichtsbehörde vor Ablauf der "
                f"Vierwochenfrist ausdrücklich genehmigt und die Vereinbarung bis zum {format_date(bekanntmachung_spaetestens)} "
                "bekannt macht; andernfalls wird die Vereinbarung später wirksam."
            )
        else:
            fazit.append(
                f"Der Beginn am {format_date(beginn)} ist erreichbar, wenn der Genehmigungsantrag bis zum "
                f"{format_date(antrag_spaetestens)} bei der Aufsichtsbehörde eingeht."
            )
    elif verfahren == "zweckverband":
        schritte += [
            Zeitplanschritt(
                "Beschluss der Verbandsversammlung über die Neufassung (Änderung der Aufgaben nur einstimmig)",
                "[Sitzungstermin ergänzen]",
                normen["zv_aenderung"],
            ),
            Zeitplanschritt(
                "Anzeige der Änderung an die Aufsichtsbehörde", "nach dem Beschluss", normen["zv_aenderung"]
            ),
            Zeitplanschritt(
                "Öffentliche Bekanntmachung der Satzung", f"spätestens {format_date(bekanntmachung_spaetestens)}"
            ),
            Zeitplanschritt("Inkrafttreten", f"am Tag nach der Bekanntmachung, frühestens {format_date(beginn)}"),
        ]
        if stand > bekanntmachung_spaetestens:
            rechtzeitig = False
            fazit.append(
                f"Der Beginn am {format_date(beginn)} ist nicht mehr erreichbar; die Satzung tritt später in Kraft."
            )
    else:
        schritte += [
            Zeitplanschritt("Unterzeichnung durch alle Beteiligten (Schriftform)", "nach den Beschlüssen"),
            Zeitplanschritt(
                "Anzeige- oder Genehmigungspflichten",
                "[nach dem für die Beteiligten geltenden Recht prüfen – ergänzen]",
            ),
            Zeitplanschritt("Wirksamwerden", f"frühestens {format_date(beginn)}"),
        ]
    if auskunft:
        entscheidung = plus_monate(stand, AUSKUNFT_MONATE)
        schritte.insert(
            1,
            Zeitplanschritt(
                "Antrag auf verbindliche Auskunft; Entscheidung soll binnen sechs Monaten ergehen",
                f"Antrag unverzüglich; bei Antrag am {format_date(stand)} Entscheidung bis {format_date(entscheidung)}",
                normen["auskunft"],
            ),
        )
        if entscheidung >= beginn:
            rechtzeitig = False
            fazit.append(
                "Die Regelung wird für die betroffenen Leistungen erst mit der verbindlichen Auskunft wirksam; dauert das Verfahren die sechs "
                f"Monate aus, ist das der {format_date(entscheidung)}, also nach dem geplanten Beginn."
            )
    if beginn >= pflicht_ab or not rechtzeitig:
        fazit.append(
            f"Ab dem {format_date(pflicht_ab)} ist § 2b UStG ohne Übergangsregelung anzuwenden ({normen['uebergang']}); "
            "bis die neue Regelung wirksam ist, sind die Leistungen auf ihrer bisherigen Grundlage danach zu beurteilen."
        )
    return Zeitplan(tuple(schritte), tuple(fazit), rechtzeitig)
