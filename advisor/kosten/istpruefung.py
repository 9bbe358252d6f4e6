"""Does an IST document fit the case? Checks per service, and the case with the actual key values.

``pruefe_ist`` finds the service, checks that every recipient's advances are given and that the
actual key values match the key (``werte`` for fallzahlen/nutzung/frei, ``mengen`` for a unit
price, ``bestandteile`` for a mixed key), each for exactly the payers. ``mit_istwerten`` returns
the service with the actual values in place of the planned ones.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from advisor.errors import Feldproblem
from advisor.fallakte import Fallakte, Leistung
from advisor.kosten.istdaten import IstLeistung


def _genau_fuer(
    gegeben: Mapping[str, object], zahler: Collection[str], pfad: str, fehlt: str, fremd: str
) -> list[Feldproblem]:
    probleme = [Feldproblem(f"{pfad}.{k}", fremd.format(k=k)) for k in gegeben if k not in zahler]
    probleme += [Feldproblem(f"{pfad}.{k}", fehlt.format(k=k)) for k in zahler if k not in gegeben]
    return probleme


def pruefe_ist(fallakte: Fallakte, ist: IstLeistung, pfad: str) -> tuple[int | None, list[Feldproblem]]:
    """The index of the service in the case and every problem of the IST entry (``pfad``)."""
    ids = [leistung.id for leistung in fallakte.leistungen]
    if ist.leistung not in ids:
        meldung = f"Die Leistung „{ist.leistung}“ gibt es in der Fallakte nicht; vorhanden: {', '.join(ids)}."
        return None, [Feldproblem(f"{pfad}.leistung", meldung)]
    i = ids.index(ist.leistung)
    leistung = fallakte.leistungen[i]
    if leistung.kosten is None or leistung.kosten.verteilung is None:
        meldung = f"Für „{ist.leistung}“ enthält die Fallakte keinen Verteilungsschlüssel (kosten.verteilung)."
        return None, [Feldproblem(f"{pfad}.leistung", meldung)]
    probleme = _genau_fuer(
        ist.abschlaege_gezahlt,
        leistung.empfaenger,
        f"{pfad}.abschlaege_gezahlt",
        "Die gezahlten Abschläge von „{k}“ fehlen (auch 0 bitte angeben).",
        "„{k}“ ist kein Empfänger dieser Leistung und zahlt keine Abschläge.",
    )
    v = leistung.kosten.verteilung
    variabel = v.variabler_schluessel if v.schluessel == "sockel_plus_variabel" else v.schluessel
    zahler = [z for z in leistung.zahler if z not in (v.festanteile or {})]
    fehlt, fremd = "Für „{k}“ fehlt der Ist-Wert.", "„{k}“ zahlt für diese Leistung keinen Anteil nach dem Schlüssel."
    if ist.werte is not None:
        if variabel not in ("fallzahlen", "nutzung", "frei"):
            probleme.append(Feldproblem(f"{pfad}.werte", f"Der Schlüssel „{variabel}“ verwendet keine Werte."))
        else:
            probleme += _genau_fuer(ist.werte, zahler, f"{pfad}.werte", fehlt, fremd)
    if v.schluessel == "stueckpreis":
        if ist.mengen is None:
            probleme.append(
                Feldproblem(
                    f"{pfad}.mengen", "Beim Stückpreis wird nach den tatsächlichen Mengen abgerechnet: bitte angeben."
                )
            )
        else:
            probleme += _genau_fuer(ist.mengen, zahler, f"{pfad}.mengen", fehlt, fremd)
    elif ist.mengen is not None:
        probleme.append(Feldproblem(f"{pfad}.mengen", "Mengen gibt es nur beim Schlüssel „stueckpreis“."))
    if ist.bestandteile is not None:
        bekannt = {b.id: b for b in v.bestandteile or []} if v.schluessel == "gemischt" else {}
        if not bekannt:
            probleme.append(Feldproblem(f"{pfad}.bestandteile", "Bestandteile gibt es nur beim Schlüssel „gemischt“."))
        for bid, werte in ist.bestandteile.items():
            if bid not in bekannt:
                if bekannt:
                    meldung = f"Den Bestandteil „{bid}“ gibt es nicht; vorhanden: {', '.join(bekannt)}."
                    probleme.append(Feldproblem(f"{pfad}.bestandteile.{bid}", meldung))
                continue
            if bekannt[bid].schluessel in ("einwohner", "gleiche_teile"):
                meldung = f"Der Bestandteil „{bid}“ ({bekannt[bid].schluessel}) hat keine Ist-Werte."
                probleme.append(Feldproblem(f"{pfad}.bestandteile.{bid}", meldung))
                continue
            probleme += _genau_fuer(werte, zahler, f"{pfad}.bestandteile.{bid}", fehlt, fremd)
    return i, probleme


def mit_istwerten(leistung: Leistung, ist: IstLeistung) -> Leistung:
    """The service with the IST's actual key values in place of the planned ones (the IST was
    checked by ``pruefe_ist``; quantities may be 0, which the case's own values may not)."""
    kosten = leistung.kosten
    assert kosten is not None and kosten.verteilung is not None
    v = kosten.verteilung
    update: dict[str, object] = {}
    if ist.werte is not None:
        update["werte"] = dict(ist.werte)
    if ist.mengen is not None:
        update["werte"] = dict(ist.mengen)
    if ist.bestandteile is not None and v.bestandteile:
        update["bestandteile"] = [
            b.model_copy(update={"werte": dict(ist.bestandteile[b.id])}) if b.id in ist.bestandteile else b
            for b in v.bestandteile
        ]
    if not update:
        return leistung
    neu = v.model_copy(update=update)
    return leistung.model_copy(update={"kosten": kosten.model_copy(update={"verteilung": neu})})
