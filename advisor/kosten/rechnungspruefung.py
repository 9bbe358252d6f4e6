"""What a settlement must point out about the advances paid (German hints, no errors).

- a taxable year with advances recorded as one amount: the final invoice must deduct them with
  net and VAT separately (§ 14 Abs. 5 Satz 2 UStG) and cannot be drawn up;
- an advance invoice whose VAT is higher than the rate × its own net amount: the excess is owed
  under § 14c Abs. 1 UStG until the invoice is corrected; lower: the statutory VAT is owed anyway;
- VAT shown on advances in a year that was not taxable: owed under § 14c Abs. 2 UStG until the
  invoices are corrected;
- advances without VAT in a taxable year: the VAT on advances arises when they are received
  (§ 13 Abs. 1 Nr. 1 Buchst. a Satz 4 UStG); the final invoice then charges all of it.
"""

from __future__ import annotations

from decimal import Decimal

from advisor.deutsch import datum, euro, prozent
from advisor.fallakte import Fallakte
from advisor.kosten.istdaten import Abschlagsrechnung, GezahlteAbschlaege, IstLeistung
from advisor.kosten.umsatzsteuer import umsatzsteuer_auf


def _name(fallakte: Fallakte, kennung: str) -> str:
    try:
        return fallakte.beteiligter(kennung).name
    except KeyError:
        return kennung


def hinweise_zu_abschlaegen(fallakte: Fallakte, il: IstLeistung, satz: Decimal) -> list[str]:
    """Every hint on the advances of ``il`` at the VAT rate ``satz``, recipient by recipient."""
    hinweise: list[str] = []
    for kennung, gezahlt in il.abschlaege_gezahlt.items():
        name = _name(fallakte, kennung)
        if isinstance(gezahlt, Decimal):
            if il.steuerpflichtig and gezahlt:
                hinweise.append(
                    f"{name}: Die Abschläge sind nur als ein Betrag erfasst. Die Schlussrechnung muss sie mit Entgelt "
                    "und Steuer getrennt abziehen (§ 14 Abs. 5 Satz 2 UStG) – bitte netto und umsatzsteuer "
                    "angeben; bis dahin keine Schlussrechnung."
                )
            continue
        rechnungen = [gezahlt] if isinstance(gezahlt, GezahlteAbschlaege) else list(gezahlt)
        ust_summe = sum((r.umsatzsteuer for r in rechnungen), Decimal(0))
        netto_summe = sum((r.netto for r in rechnungen), Decimal(0))
        if not il.steuerpflichtig:
            if ust_summe:
                hinweise.append(
                    f"{name}: Auf den Abschlägen ist Umsatzsteuer ausgewiesen ({euro(ust_summe)}), obwohl die Leistung "
                    f"{il.jahr} nicht steuerpflichtig war. Ausgewiesene Steuer wird nach § 14c Abs. 2 UStG geschuldet, "
                    "bis die Rechnungen berichtigt sind."
                )
            continue
        if netto_summe and not ust_summe:
            hinweise.append(
                f"{name}: Die Abschläge enthalten keine Umsatzsteuer. Sie entsteht schon mit der Vereinnahmung der "
                "Abschläge (§ 13 Abs. 1 Nr. 1 Buchst. a Satz 4 UStG); die Schlussrechnung weist sie ganz aus."
            )
            continue
        if isinstance(gezahlt, GezahlteAbschlaege):
            continue  # the single invoices are not known: nothing to check per invoice
        for r in rechnungen:
            richtig = umsatzsteuer_auf(r.netto, satz)
            if r.umsatzsteuer == richtig or not r.umsatzsteuer:
                continue
            wann = f" vom {datum(r.datum)}" if isinstance(r, Abschlagsrechnung) and r.datum else ""
            if r.umsatzsteuer > richtig:
                hinweise.append(
                    f"{name}: Die Abschlagsrechnung{wann} weist {euro(r.umsatzsteuer)} Umsatzsteuer aus, "
                    f"{prozent(satz)} von {euro(r.netto)} sind {euro(richtig)}. Der Mehrbetrag wird nach § 14c Abs. 1 UStG "
                    "geschuldet, bis die Rechnung berichtigt ist."
                )
            else:
                hinweise.append(
                    f"{name}: Die Abschlagsrechnung{wann} weist {euro(r.umsatzsteuer)} Umsatzsteuer aus, "
                    f"{prozent(satz)} von {euro(r.netto)} sind {euro(richtig)}; geschuldet ist die gesetzliche Steuer."
                )
    return hinweise
