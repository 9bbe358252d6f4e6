"""Why a service is taxed as it is: the criteria of an assessment grouped by the step of the decision
they belong to, each with its effect on the result, and the decision path in a few sentences.

Everything is derived from the rule set, never from a list of rule ids: the steps are the chains of
``rules/regelwerk.yaml`` (``Regelwerk.ketten``) in their order, a criterion's effect follows from
its outcome (``folge``) and its status, and a criterion that stands in no chain belongs to the rule
that refers to it (``verweist_auf``). Walking a chain as the engine does, the first rank with a
fulfilled rule decides the step; the rules before it were checked and did not apply (or are open),
the rules after it were not needed for the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from advisor.bezeichnungen import ERGEBNISSE_KLEIN, FOLGEN, KETTEN, RISIKEN, STATUS
from api.web.fact_values import fakt_lesbar

#: How a criterion bears on the result (``Kriteriumsansicht.art``).
ENTSCHEIDEND = "entscheidend"
GEPRUEFT = "geprueft"  # checked before the deciding rank; did not apply
OFFEN = "offen"  # checked before the deciding rank; could still apply
NICHT_ERFORDERLICH = "nicht_erforderlich"  # after the deciding rank
MAX_FAKTEN = 6
#: The outcome of a taxability step that the exemption step continues (rules/regelwerk.yaml).
STEUERBAR = "steuerbar"


@dataclass
class Kriteriumsansicht:
    """One criterion as the result page shows it: the assessment's dict, its anchor, and its effect."""

    kriterium: dict[str, Any]
    anker: str
    art: str
    wirkung: str
    teile: list[Kriteriumsansicht] = field(default_factory=list)


@dataclass
class Pruefschritt:
    """One step of the decision (a chain of the rule set) with the criteria it checked."""

    kette: str
    titel: str
    ergebnis: str | None  # the outcome of the step ("steuerpflichtig"), None when open
    entscheidende: Kriteriumsansicht | None
    geprueft: list[Kriteriumsansicht] = field(default_factory=list)
    nicht_erforderlich: list[Kriteriumsansicht] = field(default_factory=list)


@dataclass
class Entscheidungsweg:
    """The decision path of one service: sentences for the top of the page and the steps."""

    saetze: list[Markup]
    schritte: list[Pruefschritt]


def _folge(folge: str | None) -> str:
    return FOLGEN.get(folge or "", folge or "–")


def _ist_ergebnis(folge: str | None) -> bool:
    """Whether an outcome is a tax result (not a step like "which law governs")."""
    return folge in ERGEBNISSE_KLEIN


def _wirkung(k: dict[str, Any], art: str, ergebnis: str | None, sicher: bool) -> str:
    """The effect of a criterion on the result, in one sentence. A deciding criterion decides the
    result when its outcome is the service's result; a taxability step that ends in "steuerbar"
    hands over to the exemption step, which alone decides steuerfrei or steuerpflichtig."""
    folge = _folge(k.get("folge"))
    status = str(k.get("status"))
    if art == ENTSCHEIDEND:
        if _ist_ergebnis(k.get("folge")) and k.get("folge") == ergebnis:
            return f"Entscheidet das Ergebnis: {folge}."
        if k.get("folge") == STEUERBAR:
            return (
                f"Entscheidet diesen Schritt: {folge}. Ob die Leistung steuerfrei oder steuerpflichtig ist, "
                f"entscheidet der Schritt „{KETTEN['steuerbefreiung']}“."
            )
        return f"Entscheidet diesen Schritt: {folge}."
    if art == NICHT_ERFORDERLICH:
        return f"Für das Ergebnis nicht erforderlich (Schritt schon entschieden); {STATUS.get(status, status)}."
    if status == "offen" and sicher:
        return f"Offen, aber ohne Einfluss auf das Ergebnis; würde zu „{folge}“ führen."
    if status == "offen":
        return f"Offen: führt zu „{folge}“, wenn die offenen Angaben es bestätigen."
    if status == "nicht_anwendbar":
        return f"Nicht anwendbar; hätte zu „{folge}“ geführt."
    return f"Greift nicht; hätte zu „{folge}“ geführt."


def _teil_wirkung(k: dict[str, Any], eltern: dict[str, Any]) -> str:
    status = str(k.get("status"))
    return f"Voraussetzung von „{eltern.get('titel')}“: {STATUS.get(status, status)}."


def steps(lb: dict[str, Any], regelwerk: Any, praefix: str) -> list[Pruefschritt]:
    """The criteria of service assessment ``lb`` grouped by the chains of ``regelwerk``.

    Anchors are ``<praefix>-<rule id>`` (unique on the page as long as ``praefix`` is per service).
    Criteria in no chain and referred to by no reported rule are collected in a last step.
    """
    kriterien = {k["regel"]: k for k in lb.get("kriterien", [])}
    verweise = {r.id: r.verweist_auf for r in regelwerk.regeln}
    sicher = lb.get("ergebnis") != "offen"
    platziert: set[str] = set()
    schritte: list[Pruefschritt] = []

    anker: set[str] = set()

    def ansicht(regel: str, art: str, kette: str) -> Kriteriumsansicht:
        k = kriterien[regel]
        platziert.add(regel)
        # A rule in two chains (both reported when the governing law is open) gets two anchors.
        eigen = f"{praefix}-{regel}" if f"{praefix}-{regel}" not in anker else f"{praefix}-{kette}-{regel}"
        anker.add(eigen)
        a = Kriteriumsansicht(k, eigen, art, _wirkung(k, art, lb.get("ergebnis"), sicher))
        for ref in verweise.get(regel, ()):
            if ref in kriterien:
                platziert.add(ref)
                teil = kriterien[ref]
                a.teile.append(Kriteriumsansicht(teil, f"{eigen}-{ref}", "teil", _teil_wirkung(teil, k)))
        return a

    for name, raenge in regelwerk.ketten.items():
        vorhanden_in_kette = [r for rang in raenge for r in rang if r in kriterien]
        if all(r in platziert for r in vorhanden_in_kette):
            continue  # not reported (only rules it shares with a chain shown before)
        schritt = Pruefschritt(name, KETTEN.get(name, name), None, None)
        entschieden = False
        for rang in raenge:
            vorhanden = [r for r in rang if r in kriterien]
            if entschieden:
                schritt.nicht_erforderlich += [ansicht(r, NICHT_ERFORDERLICH, name) for r in vorhanden]
                continue
            wahre = [r for r in vorhanden if kriterien[r]["status"] == "erfuellt"]
            for r in vorhanden:
                if r in wahre and schritt.entscheidende is None:
                    schritt.entscheidende = ansicht(r, ENTSCHEIDEND, name)
                    schritt.ergebnis = kriterien[r].get("folge")
                elif r not in wahre:
                    art = OFFEN if kriterien[r]["status"] == "offen" else GEPRUEFT
                    schritt.geprueft.append(ansicht(r, art, name))
            entschieden = bool(wahre)
        if not sicher and any(a.art == OFFEN for a in schritt.geprueft):
            schritt.ergebnis = None  # an open rule before the deciding one can still change the step
        schritte.append(schritt)
    rest = [r for r in kriterien if r not in platziert]
    if rest:
        weitere = Pruefschritt("weitere", "Weitere Kriterien", None, None)
        weitere.geprueft = [
            ansicht(r, OFFEN if kriterien[r]["status"] == "offen" else GEPRUEFT, "weitere") for r in rest
        ]
        schritte.append(weitere)
    return schritte


def _link(a: Kriteriumsansicht) -> Markup:
    k = a.kriterium
    return Markup('<a href="#{}">{}</a> ({})').format(a.anker, k.get("titel"), k.get("norm"))


def _fakten(a: Kriteriumsansicht, katalog: dict[str, str]) -> list[str]:
    """ "Label: value" of the facts the criterion (and its sub-criteria) read, at most MAX_FAKTEN."""
    out: list[str] = []
    for teil in [a, *a.teile]:
        aus_katalog = set(teil.kriterium.get("fakten_aus_katalog") or ())
        for fakt, wert in (teil.kriterium.get("fakten") or {}).items():
            text = fakt_lesbar(fakt, wert, katalog) + (" (Vorgabe aus dem Katalog)" if fakt in aus_katalog else "")
            if text not in out:
                out.append(text)
    return out[:MAX_FAKTEN]


def decision_path(
    lb: dict[str, Any], regelwerk: Any, praefix: str, stichtag: str, katalog: dict[str, str]
) -> Entscheidungsweg:
    """The steps and three to five sentences: the result, the decisive criterion (linked) with its
    reasoning, the facts it rests on, the outcome of the further steps, the risk. For an open
    result: what it depends on and which results are possible."""
    schritte = steps(lb, regelwerk, praefix)
    alle = {
        a.kriterium["regel"]: a
        for s in schritte
        for a in [*([s.entscheidende] if s.entscheidende else []), *s.geprueft]
    }
    bezeichnung = lb.get("bezeichnung", "")
    ergebnis = lb.get("ergebnis")
    saetze: list[Markup] = []
    entscheidende = alle.get(lb.get("entscheidende_regel") or "")
    if ergebnis != "offen" and entscheidende is not None:
        saetze.append(
            Markup("„{}“ ist am Stichtag {} <strong>{}</strong>.").format(bezeichnung, stichtag, _folge(ergebnis))
        )
        saetze.append(
            Markup("Entscheidend ist {}: {}").format(_link(entscheidende), entscheidende.kriterium.get("begruendung"))
        )
        fakten = _fakten(entscheidende, katalog)
        if fakten:
            saetze.append(Markup("Das beruht auf diesen Angaben: {}.").format("; ".join(fakten)))
        weitere = [
            s
            for s in schritte
            if s.entscheidende is not None
            and s.entscheidende is not entscheidende
            and _ist_ergebnis(s.entscheidende.kriterium.get("folge"))
        ]
        if weitere:
            teile = [
                Markup("{} – {}: {}").format(s.titel, _folge(s.ergebnis), _link(s.entscheidende))
                for s in weitere
                if s.entscheidende
            ]
            saetze.append(Markup("Weiterer Schritt: ") + Markup("; ").join(teile) + Markup("."))
    else:
        offene = [a for s in schritte for a in s.geprueft if a.art == OFFEN]
        entscheidend = [s.entscheidende for s in schritte if s.entscheidende is not None]
        moeglich = sorted(
            {
                _folge(a.kriterium.get("folge"))
                for a in [*offene, *entscheidend]
                if _ist_ergebnis(a.kriterium.get("folge"))
            }
        )
        saetze.append(
            Markup("Für „{}“ steht das Ergebnis am Stichtag {} <strong>noch nicht fest</strong>.").format(
                bezeichnung, stichtag
            )
        )
        if offene:
            links = Markup(" oder ").join(_link(a) for a in offene[:2])
            mehr = f" (oder eines von {len(offene) - 2} weiteren offenen Kriterien)" if len(offene) > 2 else ""
            saetze.append(Markup("Es hängt davon ab, ob {}{} greift.").format(links, mehr))
        fragen = lb.get("offene_fragen") or []
        if moeglich:
            saetze.append(
                Markup("Je nach {} ist die Leistung {}.").format(
                    "der offenen Angabe"
                    if len(fragen) == 1
                    else f"den {len(fragen)} offenen Angaben"
                    if fragen
                    else "den Angaben",
                    " oder ".join(moeglich),
                )
            )
    risiko = str(lb.get("risiko"))
    gruende = lb.get("risikogruende") or []
    if gruende:
        saetze.append(Markup("Risiko {}: {}").format(RISIKEN.get(risiko, risiko), " ".join(str(g) for g in gruende)))
    else:
        saetze.append(Markup("Das Risiko einer abweichenden Beurteilung ist {}.").format(RISIKEN.get(risiko, risiko)))
    return Entscheidungsweg([Markup(s) for s in saetze[:5]], schritte)
