"""Each payer's share without and with VAT (kosten.md §4): the transparent VAT calculation.

Not taxable: the payers share ``kosten_netto + vorsteuer`` (input VAT is a cost).

Taxable: the provider becomes an entrepreneur for this service and deducts the input VAT on its
inputs; it charges VAT on the net reimbursement, which a recipient in its sovereign sphere cannot
deduct. When the provider bears a share itself (``erbringer_traegt_anteil``), that share is no
supply: no VAT on it, its share of the input VAT stays non-deductible (pro rata by the key), and
its share is the same in both cases. Hence, with q = the provider's quota:

- deductible input VAT = vorsteuer × (1 − q);
- recipients' net total = kosten_netto × (1 − q), split among them by their weights;
- each recipient's VAT = its own net share × rate, rounded per payer (own invoice);
- gross = net + VAT per payer; totals are the column sums.

Worked example (kosten.md §4, one recipient): 75,000 personnel + 21,008.40 purchases + 3,991.60
VAT → 100,000.00 not taxable; 96,008.40 + 18,241.60 = 114,250.00 taxable (+14.25 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from advisor.kosten.rundung import HUNDERT, als_euro, in_cent, runde, verteile_cent
from advisor.kosten.verteilung import Gewichtung

Rolle = Literal["erbringer", "empfaenger"]


@dataclass(slots=True)
class Steuerbetrag:
    """An amount if the service is taxable: net, VAT, gross (gross = net + VAT)."""

    netto: Decimal
    umsatzsteuer: Decimal
    brutto: Decimal


class Anteil:
    """One payer's share of the annual reimbursement, in EUR (cents).

    Kept in integer cents and shown as ``Decimal`` EUR on access: a batch of thousands of
    calculations that reads only the totals never builds the per-payer amounts.
    """

    __slots__ = ("beteiligter", "rolle", "gewicht", "_quote", "_nicht_steuerbar", "_netto", "_umsatzsteuer")

    def __init__(
        self,
        beteiligter: str,
        rolle: Rolle,
        gewicht: Decimal,
        quote_cent: int,
        nicht_steuerbar_cent: int,
        netto_cent: int,
        umsatzsteuer_cent: int,
    ) -> None:
        self.beteiligter = beteiligter
        self.rolle = rolle
        self.gewicht = gewicht
        self._quote = quote_cent
        self._nicht_steuerbar = nicht_steuerbar_cent
        self._netto = netto_cent
        self._umsatzsteuer = umsatzsteuer_cent

    @property
    def quote_prozent(self) -> Decimal:
        """The payer's share in percent, two places (the column adds up to 100.00)."""
        return als_euro(self._quote)

    @property
    def nicht_steuerbar(self) -> Decimal:
        return als_euro(self._nicht_steuerbar)

    @property
    def steuerpflichtig(self) -> Steuerbetrag:
        return Steuerbetrag(
            als_euro(self._netto), als_euro(self._umsatzsteuer), als_euro(self._netto + self._umsatzsteuer)
        )

    @property
    def mehrbelastung_bei_steuerpflicht(self) -> Decimal:
        return als_euro(self._netto + self._umsatzsteuer - self._nicht_steuerbar)

    def in_cent(self) -> tuple[int, int, int]:
        """(not taxable, taxable net, VAT) in cents — for sums without Decimal work."""
        return self._nicht_steuerbar, self._netto, self._umsatzsteuer

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Anteil):
            return NotImplemented
        return (self.beteiligter, self.rolle, self.gewicht, self._quote, self.in_cent()) == (
            other.beteiligter,
            other.rolle,
            other.gewicht,
            other._quote,
            other.in_cent(),
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Anteil({self.beteiligter!r}, {self.rolle!r}, nicht_steuerbar={self.nicht_steuerbar}, "
            f"steuerpflichtig={self.steuerpflichtig})"
        )


@dataclass(slots=True)
class Anteilsrechnung:
    """The shares of all payers and the totals of each column."""

    anteile: tuple[Anteil, ...]
    erstattung_nicht_steuerbar: Decimal
    erstattung_steuerpflichtig: Steuerbetrag
    vorsteuerabzug_bei_steuerpflicht: Decimal


def umsatzsteuer_auf(netto: Decimal, steuersatz: Decimal) -> Decimal:
    """VAT on one payer's net share: rate × net, rounded commercially to the cent."""
    return runde(netto * steuersatz / HUNDERT)


def umsatzsteuer_cent(netto_cent: int, zaehler: int, nenner: int) -> int:
    """The same figure in integer cents for a rate of ``zaehler / nenner`` percent (net >= 0):
    rate × net, rounded half up — exact, without Decimal work per payer."""
    return (2 * netto_cent * zaehler + 100 * nenner) // (200 * nenner)


def anteile_berechnen(
    kosten_netto: Decimal, vorsteuer: Decimal, gewichtung: Gewichtung, steuersatz: Decimal
) -> Anteilsrechnung:
    """Split the reimbursement among the payers, without and with VAT (amounts in whole cents)."""
    w = gewichtung.ganzzahlig
    netto_cent, vorsteuer_cent = in_cent(kosten_netto), in_cent(vorsteuer)
    nicht_steuerbar = verteile_cent(netto_cent + vorsteuer_cent, w)
    quoten = verteile_cent(100_00, w)
    if gewichtung.erbringer_traegt_anteil:
        eigen_fremd = [w[0], sum(w[1:])]
        netto_empfaenger = verteile_cent(netto_cent, eigen_fremd)[1]
        abziehbar = verteile_cent(vorsteuer_cent, eigen_fremd)[1]
        netto = [nicht_steuerbar[0], *verteile_cent(netto_empfaenger, w[1:])]
    else:
        abziehbar = vorsteuer_cent
        netto = verteile_cent(netto_cent, w)
    anteile: list[Anteil] = []
    zaehler, nenner = steuersatz.as_integer_ratio()
    summe_netto = summe_ust = 0
    for i, kennung in enumerate(gewichtung.zahler):
        ist_erbringer = gewichtung.erbringer_traegt_anteil and i == 0
        ns, n = nicht_steuerbar[i], netto[i]
        ust = 0 if ist_erbringer else umsatzsteuer_cent(n, zaehler, nenner)
        summe_netto += n
        summe_ust += ust
        anteile.append(
            Anteil(
                kennung,
                "erbringer" if ist_erbringer else "empfaenger",
                gewichtung.schluesselwerte[i],
                quoten[i],
                ns,
                n,
                ust,
            )
        )
    summe_netto_eur, summe_ust_eur = als_euro(summe_netto), als_euro(summe_ust)
    return Anteilsrechnung(
        anteile=tuple(anteile),
        erstattung_nicht_steuerbar=kosten_netto + vorsteuer,
        erstattung_steuerpflichtig=Steuerbetrag(summe_netto_eur, summe_ust_eur, als_euro(summe_netto + summe_ust)),
        vorsteuerabzug_bei_steuerpflicht=als_euro(abziehbar),
    )
