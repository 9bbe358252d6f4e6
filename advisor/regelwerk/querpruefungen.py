"""Cross-checks of a parsed rule directory that need more than one file: the decision chains (every
rule reached, each rule's outcome fitting its chain), the questions for the facts rules read, the
Aufgabenfeld catalogue, and the advice levers. Each problem is added to ``Probleme`` with file,
line and id; ``advisor.regelwerk.laden`` raises them all at once.
"""

from __future__ import annotations

from typing import Any

from advisor.errors import Regelwerksproblem
from advisor.regelwerk.bedingungen import BedingungsFehler, compile_condition
from advisor.regelwerk.dateiformat import Empfehlungsdatei, Faktdatei, Katalogdatei, Kopfdatei
from advisor.regelwerk.modell import KompilierteRegel, KompilierterHebel
from advisor.sachverhalt import FAKTEN

KOPFDATEI = "regelwerk.yaml"
FAKTDATEI = "fakten.yaml"
KATALOGDATEI = "katalog/aufgabenfelder.yaml"
EMPFEHLUNGSDATEI = "empfehlungen.yaml"
#: Facts derived from the case that are always known: no question needed.
IMMER_BEKANNT = frozenset(
    {
        "stichtag",
        "rechtsform",
        "bundesland",
        "aufgabenfeld",
        "erbringer_ist_jpoer",
        "empfaenger_alle_jpoer",
        "innenumsatz",
    }
)
#: Facts that are only ever a lower bound of another fact (``mindestens``): never asked themselves.
NUR_UNTERGRENZE = frozenset({"umsatz_gleichartige_untergrenze"})
#: The outcomes each chain's rules may have (a taxability rule never says "VAT is due" itself).
KETTENFOLGEN: dict[str, frozenset[str]] = {
    "regime": frozenset({"altes_recht", "ustg_2b"}),
    "steuerbarkeit_ustg_2b": frozenset({"nicht_steuerbar", "steuerbar"}),
    "steuerbarkeit_altes_recht": frozenset({"nicht_steuerbar", "steuerbar"}),
    "steuerbefreiung": frozenset({"steuerfrei", "steuerpflichtig"}),
}


class Probleme:
    """The problems found so far, in the order found."""

    def __init__(self) -> None:
        self.liste: list[Regelwerksproblem] = []

    def add(self, datei: str, zeile: int | None, regel: str | None, meldung: str) -> None:
        self.liste.append(Regelwerksproblem(datei, zeile, regel, meldung))


def chains(
    kopf: Kopfdatei, roh: Any, regel_ids: set[str], regeln: list[KompilierteRegel], p: Probleme
) -> dict[str, tuple[tuple[str, ...], ...]]:
    ketten: dict[str, tuple[tuple[str, ...], ...]] = {}
    erreicht: set[str] = set()
    zeilen = getattr(roh.get("ketten"), "key_lines", {})
    for name, eintraege in kopf.ketten.items():
        zeile = zeilen.get(name)
        raenge = tuple(tuple(e) if isinstance(e, list) else (e,) for e in eintraege)
        for rang in raenge:
            for rid in rang:
                if rid not in regel_ids:
                    p.add(KOPFDATEI, zeile, rid, f"Kette „{name}“ nennt eine unbekannte Regel")
                erreicht.add(rid)
        ketten[name] = raenge
    for pflicht in KETTENFOLGEN:
        if pflicht not in ketten:
            p.add(KOPFDATEI, None, None, f"Kette „{pflicht}“ fehlt")
    nach_id = {r.id: r for r in regeln}
    for name, raenge in ketten.items():
        erlaubt = KETTENFOLGEN.get(name)
        for rid in (rid for rang in raenge for rid in rang):
            regel = nach_id.get(rid)
            if erlaubt and regel is not None and regel.folge is not None and regel.folge not in erlaubt:
                p.add(
                    regel.datei,
                    regel.zeile,
                    rid,
                    f"folge „{regel.folge}“ passt nicht zur Kette „{name}“ (erlaubt: {', '.join(sorted(erlaubt))})",
                )
    for r in regeln:
        erreicht.update(r.verweist_auf)
    for r in regeln:
        if r.id not in erreicht:
            p.add(r.datei, r.zeile, r.id, "die Regel steht in keiner Kette und keine Regel verweist auf sie")
        if r.id in {rid for k in ketten.values() for rang in k for rid in rang} and r.folge is None:
            p.add(r.datei, r.zeile, r.id, "eine Regel in einer Kette braucht eine folge")
    return ketten


def check_questions(fragen: Faktdatei, roh: Any, regeln: list[KompilierteRegel], p: Probleme) -> None:
    zeilen = getattr(roh.get("fakten"), "key_lines", {})
    for name in fragen.fakten:
        if name not in FAKTEN:
            p.add(FAKTDATEI, zeilen.get(name), None, f"Frage zu unbekanntem Fakt „{name}“")
    gelesen = {f for r in regeln for f in r.fakten}
    for name in sorted(gelesen - IMMER_BEKANNT - NUR_UNTERGRENZE - set(fragen.fakten)):
        p.add(FAKTDATEI, None, None, f"Fakt „{name}“ wird von Regeln gelesen, hat aber keine Frage")


def catalogue(katalog: Katalogdatei, roh: Any, p: Probleme) -> dict[str, Any]:
    def check(vorgaben: dict[str, Any], zeile: int | None, wo: str) -> None:
        for name, v in vorgaben.items():
            typ = FAKTEN.get(name)
            if typ is None:
                p.add(KATALOGDATEI, zeile, wo, f"Vorgabe für unbekannten Fakt „{name}“")
            elif not isinstance(v.wert, typ) or (typ is not bool and isinstance(v.wert, bool)):
                p.add(KATALOGDATEI, zeile, wo, f"Vorgabe „{name}“ hat den falschen Typ (erwartet {typ.__name__})")

    check(katalog.grundvorgaben, getattr(roh.get("grundvorgaben"), "line", None), "grundvorgaben")
    ids: set[str] = set()
    for i, feld in enumerate(katalog.aufgabenfelder):
        zeile = getattr(roh["aufgabenfelder"][i], "line", None)
        if feld.id in ids:
            p.add(KATALOGDATEI, zeile, feld.id, "Aufgabenfeld doppelt")
        ids.add(feld.id)
        check(feld.vorgaben, zeile, feld.id)
    if "sonstiges" not in ids:
        p.add(KATALOGDATEI, None, None, "das Aufgabenfeld „sonstiges“ fehlt")
    return {k: v.wert for k, v in katalog.grundvorgaben.items()}


def levers(
    datei_inhalt: Empfehlungsdatei, roh: Any, pnamen: set[str], fragen: dict[str, Any], p: Probleme
) -> list[KompilierterHebel]:
    from advisor.empfehlungen import pruefe_aenderung

    hebel = []
    ids: set[str] = set()
    for i, h in enumerate(datei_inhalt.hebel):
        zeile = getattr(roh["hebel"][i], "line", None)
        if h.id in ids:
            p.add(EMPFEHLUNGSDATEI, zeile, h.id, "Hebel doppelt")
        ids.add(h.id)
        for fehler in pruefe_aenderung(h.aenderung):
            p.add(EMPFEHLUNGSDATEI, zeile, h.id, fehler)
        nur_wenn = None
        if h.nur_wenn is not None:
            try:
                nur_wenn, _ = compile_condition(h.nur_wenn, FAKTEN, pnamen)
            except BedingungsFehler as e:
                p.add(EMPFEHLUNGSDATEI, zeile, h.id, f"nur_wenn: {e}")
        voraussetzungen = []
        for fakt in h.voraussetzungen:
            if FAKTEN.get(fakt) is not bool or fakt not in fragen:
                p.add(EMPFEHLUNGSDATEI, zeile, h.id, f"voraussetzungen: „{fakt}“ ist kein erfragbarer Ja/Nein-Fakt")
                continue
            feld = fragen[fakt].feld
            if fakt in h.aenderung or feld in h.aenderung:
                p.add(EMPFEHLUNGSDATEI, zeile, h.id, f"voraussetzungen: „{fakt}“ darf der Hebel nicht selbst setzen")
            for fehler in pruefe_aenderung({feld: True}):
                p.add(EMPFEHLUNGSDATEI, zeile, h.id, f"voraussetzungen: {fehler}")
            voraussetzungen.append((fakt, feld))
        hebel.append(
            KompilierterHebel(h.id, h.massnahme, dict(h.aenderung), nur_wenn, tuple(h.quellen), tuple(voraussetzungen))
        )
    return hebel
