"""The settlement as German plain-text tables for a terminal (``ikz settle``). Pure: returns a
string. Every money column ends with its sum row; the final invoice per recipient lists the whole
supply and deducts the advances with net and VAT separately (§ 14 Abs. 5 Satz 2 UStG)."""

from __future__ import annotations

from advisor.deutsch import betrag, euro, prozent
from advisor.fallakte import Fallakte
from advisor.kosten.abrechnung import Abrechnung, Leistungsabrechnung
from advisor.kosten.rundung import NULL
from advisor.kosten.text_tabellen import name, tabelle


def _schlussrechnungen(leistung: Leistungsabrechnung, fallakte: Fallakte | None) -> list[str]:
    mit = [z for z in leistung.zeilen if z.schlussrechnung is not None]
    if not mit:
        return []
    titel = (
        f"Schlussrechnungen (§ 14 Abs. 5 Satz 2 UStG; Umsatzsteuer {prozent(leistung.umsatzsteuersatz)})"
        if leistung.steuerpflichtig
        else "Schlussabrechnung (nicht steuerbar: keine Umsatzsteuer)"
    )
    out = ["", f"  {titel}"]
    out += tabelle(
        ["Beteiligter", "Leistung netto", "USt", "Abschläge netto", "USt", "verbleibt netto", "USt", "brutto"],
        [
            [
                name(fallakte, z.beteiligter),
                betrag(r.leistung.netto),
                betrag(r.leistung.umsatzsteuer),
                betrag(r.abschlaege.netto),
                betrag(r.abschlaege.umsatzsteuer),
                betrag(r.verbleibend.netto),
                betrag(r.verbleibend.umsatzsteuer),
                betrag(r.verbleibend.brutto),
            ]
            for z in mit
            if (r := z.schlussrechnung) is not None
        ],
        {1, 2, 3, 4, 5, 6, 7},
    )
    ohne = [z.beteiligter for z in leistung.zeilen if z.schlussrechnung is None]
    if ohne:
        out.append(f"  Keine Schlussrechnung für: {', '.join(name(fallakte, o) for o in ohne)} (siehe Hinweise).")
    return out


def render_settlement_text(abrechnung: Abrechnung, fallakte: Fallakte | None = None) -> str:
    """The settlement as German text tables: actual share, advances paid, Nachzahlung/Erstattung,
    the final invoices and the hints on the advances."""
    out: list[str] = []
    for leistung in abrechnung.leistungen:
        out += [
            f"Spitzabrechnung {leistung.jahr}: Leistung „{leistung.leistung}“ – {leistung.bezeichnung}",
            f"  Ist-Kosten netto {betrag(leistung.kosten_netto)} €, Vorsteuer {betrag(leistung.vorsteuer)} €; "
            + ("steuerpflichtig (Ist-Anteil brutto)" if leistung.steuerpflichtig else "nicht steuerbar"),
        ]
        if leistung.anteil_erbringer is not None:
            out.append(f"  Eigener Anteil des Erbringers: {betrag(leistung.anteil_erbringer)} € (keine Zahlung)")
        if leistung.restcent_erbringer:
            out.append(f"  Restcents beim Erbringer (nicht in Rechnung gestellt): {euro(leistung.restcent_erbringer)}")
        s = leistung.stueckpreis
        if s is not None:
            out.append(
                f"  Stückpreis {euro(s.preis_netto if leistung.steuerpflichtig else s.preis_nicht_steuerbar)} × Ist-Menge; "
                f"Kostendeckung {euro(s.kostendeckung_steuerpflichtig if leistung.steuerpflichtig else s.kostendeckung_nicht_steuerbar)}"
                " (+ Überdeckung, − Unterdeckung)"
            )
        out += tabelle(
            ["Beteiligter", "Ist netto", "USt", "Ist-Anteil", "Abschläge gezahlt", "Nachzahlung (−: Erstattung)"],
            [
                [
                    name(fallakte, z.beteiligter),
                    betrag(z.ist_netto),
                    betrag(z.ist_umsatzsteuer),
                    betrag(z.ist_anteil),
                    betrag(z.abschlaege_gezahlt),
                    betrag(z.nachzahlung),
                ]
                for z in leistung.zeilen
            ],
            {1, 2, 3, 4, 5},
            [
                "Summe",
                betrag(sum((z.ist_netto for z in leistung.zeilen), NULL)),
                betrag(sum((z.ist_umsatzsteuer for z in leistung.zeilen), NULL)),
                betrag(leistung.summe_ist_anteil),
                betrag(leistung.summe_abschlaege_gezahlt),
                betrag(leistung.summe_nachzahlung),
            ],
        )
        out += _schlussrechnungen(leistung, fallakte)
        if leistung.hinweise:
            out += ["", "  Hinweise"] + [f"  - {h}" for h in leistung.hinweise]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
