"""How exposed a decided result is: ``gering``, ``mittel`` or ``hoch``, with the reasons.

Sources of risk (docs/fachliches/ustg-2b.md §3): the deciding rules' own risk (reliance on § 2b
Abs. 3 Nr. 2 or on the delegation position), the risk rules of the rule set (a threshold within
reach, imputed equity interest, a fixed price), catalogue defaults the decision rests on instead of
the case's own facts, and an open result.
"""

from __future__ import annotations

from advisor.bezeichnungen import FAKTEN
from advisor.entscheidung import Entscheidung, hoechstes_risiko
from advisor.regelwerk.modell import Regelwerk
from advisor.sachverhalt import Sachverhalt
from advisor.texte import fuelle


def bewerte_risiko(rw: Regelwerk, e: Entscheidung, sv: Sachverhalt) -> tuple[str, tuple[str, ...]]:
    """The risk level and its German reasons for the decision ``e``."""
    if e.ergebnis == "offen" or e.sicherer_pfad is None:
        return "mittel", ("Das Ergebnis ist offen: es hängt von ungeklärten Tatsachen ab.",)
    stufen = ["gering"]
    gruende: list[str] = []
    pfad_regeln = [s.regel for s in e.sicherer_pfad.schritte]
    for kennung in pfad_regeln:
        regel = e.regeln[kennung]
        if regel.risiko != "gering":
            stufen.append(regel.risiko)
            gruende.append(
                fuelle(
                    regel.risikohinweis or f"{regel.norm}: {regel.titel}",
                    sv.fakten,
                    e.kontext.parameter,
                    rw.einheiten(),
                )
            )
    pfad = set(pfad_regeln)
    for rr in rw.risikoregeln:
        if rr.bei_regeln & pfad and rr.bedingung(e.kontext) is True:
            stufen.append(rr.risiko)
            gruende.append(fuelle(rr.hinweis, sv.fakten, e.kontext.parameter, rw.einheiten()))
    gelesen: set[str] = set()
    for kennung in pfad_regeln:
        regel = e.regeln[kennung]
        gelesen.update(regel.fakten)
        for ref in regel.verweist_auf:
            if ref in e.regeln:
                gelesen.update(e.regeln[ref].fakten)
    aus_katalog = sorted(gelesen & sv.aus_katalog)
    if aus_katalog:
        stufen.append("mittel")
        kennung = sv.fakten["aufgabenfeld"]
        feld = rw.katalog[kennung].bezeichnung if kennung in rw.katalog else kennung
        gruende.append(
            "Das Ergebnis stützt sich auf Vorgaben des Katalogs für das Aufgabenfeld „"
            + feld
            + "“ statt auf Angaben des Falls: "
            + "; ".join(FAKTEN.get(f, f) for f in aus_katalog)
            + ". Bitte im Einzelfall bestätigen."
        )
    return hoechstes_risiko(*stufen), tuple(gruende)
