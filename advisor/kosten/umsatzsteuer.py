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
from fractions import Fraction
from typing import Literal

from advisor.kosten.rundung import (
    HUNDERT,
    NULL,
    als_euro,
    als_prozent,
    cent_aus_bruch,
    in_cent,
    runde,
    verteile_cent,
    verteile_cent_gleich,
)
from advisor.kosten.verteilung import Gewichtung

Rolle = Literal["erbringer", "empfaenger"]


#: 100 % in basis points: the shares' percentages are split like cents and add up to exactly this.
HUNDERT_PROZENT_IN_BASISPUNKTEN = 100_00


@dataclass(slots=True)
class Steuerbetrag:
    """An amount if the service is taxable: net, VAT, gross (gross = net + VAT)."""

    netto: Decimal
    umsatzsteuer: Decimal
    brutto: Decimal


class Anteil:
    """One payer's share of the annual reimbursement, in EUR (cents), and its percentage (basis points).

    Kept in integer cents and basis points and shown as ``Decimal`` EUR on access: a batch of thousands of
    calculations that reads only the totals never builds the per-payer amounts.
    """

    __slots__ = ("beteiligter", "rolle", "gewicht", "_quote_basispunkte", "_nicht_steuerbar", "_netto", "_umsatzsteuer")

    def __init__(
        self,
        beteiligter: str,
        rolle: Rolle,
        gewicht: Decimal,
        quote_basispunkte: int,
        nicht_steuerbar_cent: int,
        netto_cent: int,
        umsatzsteuer_cent: int,
    ) -> None:
        self.beteiligter = beteiligter
        self.rolle = rolle
        self.gewicht = gewicht
        self._quote_basispunkte = quote_basispunkte
        self._nicht_steuerbar = nicht_steuerbar_cent
        self._netto = netto_cent
        self._umsatzsteuer = umsatzsteuer_cent

    @property
    def quote_prozent(self) -> Decimal:
        """The payer's share in percent, two places (the column adds up to 100.00)."""
        return als_prozent(self._quote_basispunkte)

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
        return (self.beteiligter, self.rolle, self.gewicht, self._quote_basispunkte, self.in_cent()) == (
            other.beteiligter,
            other.rolle,
            other.gewicht,
            other._quote_basispunkte,
            other.in_cent(),
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Anteil({self.beteiligter!r}, {self.rolle!r}, nicht_steuerbar={self.nicht_steuerbar}, "
            f"steuerpflichtig={self.steuerpflichtig})"
        )


@dataclass(frozen=True, slots=True)
class Restcent:
    """Cents that cannot be split evenly among partners with equal weights and that the provider
    bears itself because it pays no share (not invoiced); all 0 when a payer takes them."""

    nicht_steuerbar: Decimal
    netto: Decimal
    quote_prozent: Decimal


KEIN_RESTCENT = Restcent(NULL, NULL, NULL)


@dataclass(slots=True)
class Stueckpreisrechnung:
    """A unit price × quantity: the prices (net; if not taxable the price also covers the input
    VAT), the total quantity and how far the amounts cover the costs (> 0: over-recovery)."""

    vereinbart: bool
    preis_nicht_steuerbar: Decimal
    preis_netto: Decimal
    menge_gesamt: Decimal
    mengeneinheit: str | None
    kostendeckung_nicht_steuerbar: Decimal
    kostendeckung_steuerpflichtig: Decimal


@dataclass(slots=True)
class Anteilsrechnung:
    """The shares of all payers and the totals of each column."""

    anteile: tuple[Anteil, ...]
    erstattung_nicht_steuerbar: Decimal
    erstattung_steuerpflichtig: Steuerbetrag
    vorsteuerabzug_bei_steuerpflicht: Decimal
    restcent: Restcent = KEIN_RESTCENT
    stueckpreis: Stueckpreisrechnung | None = None


def umsatzsteuer_auf(netto: Decimal, steuersatz: Decimal) -> Decimal:
    """VAT on one payer's net share: rate × net, rounded commercially to the cent."""
    return runde(netto * steuersatz / HUNDERT)


def umsatzsteuer_cent(netto_cent: int, zaehler: int, nenner: int) -> int:
    """The same figure in integer cents for a rate of ``zaehler / nenner`` percent (net >= 0):
    rate × net, rounded half up — exact, without Decimal work per payer."""
    return (2 * netto_cent * zaehler + 100 * nenner) // (200 * nenner)


def _verteile(gesamt: int, w: tuple[int, ...], index: int | None) -> tuple[list[int], int]:
    """Split among payers (equal weights pay equal amounts); the remainder cents go to the payer
    at ``index`` — or, when the provider takes them and pays no share, come back as the rest."""
    cents, rest = verteile_cent_gleich(gesamt, w)
    if rest and index is not None:
        cents[index] += rest
        rest = 0
    return cents, rest


def _anteile(
    gewichtung: Gewichtung, steuersatz: Decimal, quoten: list[int], nicht_steuerbar: list[int], netto: list[int]
) -> tuple[list[Anteil], int, int]:
    anteile: list[Anteil] = []
    zaehler, nenner = steuersatz.as_integer_ratio()
    summe_netto = summe_ust = 0
    for i, kennung in enumerate(gewichtung.zahler):
        ist_erbringer = gewichtung.erbringer_traegt_anteil and i == 0
        n = netto[i]
        ust = 0 if ist_erbringer else umsatzsteuer_cent(n, zaehler, nenner)
        summe_netto += n
        summe_ust += ust
        anteile.append(
            Anteil(
                kennung,
                "erbringer" if ist_erbringer else "empfaenger",
                gewichtung.schluesselwerte[i],
                quoten[i],
                nicht_steuerbar[i],
                n,
                ust,
            )
        )
    return anteile, summe_netto, summe_ust


def anteile_berechnen(
    kosten_netto: Decimal,
    vorsteuer: Decimal,
    gewichtung: Gewichtung,
    steuersatz: Decimal,
    vorsteuer_anlagen: Decimal = NULL,
    stueckpreise: tuple[Decimal, Decimal] | None = None,
) -> Anteilsrechnung:
    """Split the reimbursement among the payers, without and with VAT (amounts in whole cents).

    ``vorsteuer_anlagen`` is the part of ``vorsteuer`` that is the depreciation of an asset's
    purchase VAT: a cost when not taxable, but deducted once at purchase when taxable — never a
    yearly deduction. ``stueckpreise`` (not taxable, net): the planned unit prices a settlement
    applies to the actual quantities.
    """
    if gewichtung.stueckpreis_modus:
        return anteile_nach_stueckpreis(
            kosten_netto, vorsteuer, gewichtung, steuersatz, vorsteuer_anlagen, stueckpreise
        )
    w = gewichtung.ganzzahlig
    ri = gewichtung.restcent_index
    netto_cent, vorsteuer_cent = in_cent(kosten_netto), in_cent(vorsteuer)
    jaehrlich_cent = vorsteuer_cent - in_cent(vorsteuer_anlagen)
    nicht_steuerbar, rest_ns = verteile_cent_gleich(netto_cent + vorsteuer_cent, w)
    quoten, rest_q = verteile_cent_gleich(HUNDERT_PROZENT_IN_BASISPUNKTEN, w)
    if ri is not None:
        nicht_steuerbar[ri] += rest_ns
        quoten[ri] += rest_q
        rest_ns = rest_q = 0
    if gewichtung.erbringer_traegt_anteil:
        eigen_fremd = [w[0], sum(w[1:])]
        netto_empfaenger = verteile_cent(netto_cent, eigen_fremd)[1]
        abziehbar = verteile_cent(jaehrlich_cent, eigen_fremd)[1]
        empfaenger, rest_n = verteile_cent_gleich(netto_empfaenger, w[1:])
        netto = [nicht_steuerbar[0], *empfaenger]
        if rest_n and ri is not None:
            netto[ri] += rest_n
            rest_n = 0
    else:
        abziehbar = jaehrlich_cent
        netto, rest_n = verteile_cent_gleich(netto_cent, w)
        if ri is not None:
            netto[ri] += rest_n
            rest_n = 0
    anteile, summe_netto, summe_ust = _anteile(gewichtung, steuersatz, quoten, nicht_steuerbar, netto)
    restcent = (
        Restcent(als_euro(rest_ns), als_euro(rest_n), als_prozent(rest_q))
        if rest_ns or rest_n or rest_q
        else KEIN_RESTCENT
    )
    return Anteilsrechnung(
        anteile=tuple(anteile),
        erstattung_nicht_steuerbar=kosten_netto + vorsteuer,
        erstattung_steuerpflichtig=Steuerbetrag(
            als_euro(summe_netto), als_euro(summe_ust), als_euro(summe_netto + summe_ust)
        ),
        vorsteuerabzug_bei_steuerpflicht=als_euro(abziehbar),
        restcent=restcent,
    )


def anteile_nach_stueckpreis(
    kosten_netto: Decimal,
    vorsteuer: Decimal,
    gewichtung: Gewichtung,
    steuersatz: Decimal,
    vorsteuer_anlagen: Decimal = NULL,
    preise: tuple[Decimal, Decimal] | None = None,
) -> Anteilsrechnung:
    """A unit price × each payer's quantity, rounded per payer; the coverage of the costs shown.

    The agreed price applies in both columns; without one, the price is the cost per unit,
    rounded to the cent: (net cost + input VAT) / quantity if not taxable, net cost / quantity
    if taxable (the input VAT is then deducted). VAT per payer on its own net amount.
    """
    mengen = gewichtung.mengen
    menge = sum(mengen, Decimal(0))
    netto_cent, vorsteuer_cent = in_cent(kosten_netto), in_cent(vorsteuer)
    jaehrlich_cent = vorsteuer_cent - in_cent(vorsteuer_anlagen)
    if gewichtung.stueckpreis is not None:
        preis_ns = preis_st = in_cent(gewichtung.stueckpreis)
    elif preise is not None:
        preis_ns, preis_st = in_cent(preise[0]), in_cent(preise[1])
    else:
        z, n = menge.as_integer_ratio()
        preis_ns = cent_aus_bruch((netto_cent + vorsteuer_cent) * n, z)
        preis_st = cent_aus_bruch(netto_cent * n, z)
    nicht_steuerbar: list[int] = []
    netto: list[int] = []
    for i, m in enumerate(mengen):
        z, n = m.as_integer_ratio()
        nicht_steuerbar.append(cent_aus_bruch(preis_ns * z, n))
        ist_erbringer = gewichtung.erbringer_traegt_anteil and i == 0
        netto.append(nicht_steuerbar[-1] if ist_erbringer else cent_aus_bruch(preis_st * z, n))
    if gewichtung.erbringer_traegt_anteil:
        eigen = Fraction(mengen[0]) / Fraction(menge) if menge else Fraction(0)
        abziehbar = jaehrlich_cent - cent_aus_bruch(jaehrlich_cent * eigen.numerator, eigen.denominator)
    else:
        abziehbar = jaehrlich_cent
    quoten = (
        _verteile(HUNDERT_PROZENT_IN_BASISPUNKTEN, gewichtung.ganzzahlig, gewichtung.restcent_index)[0]
        if menge
        else [0] * len(mengen)
    )
    anteile, summe_netto, summe_ust = _anteile(gewichtung, steuersatz, quoten, nicht_steuerbar, netto)
    return Anteilsrechnung(
        anteile=tuple(anteile),
        erstattung_nicht_steuerbar=kosten_netto + vorsteuer,
        erstattung_steuerpflichtig=Steuerbetrag(
            als_euro(summe_netto), als_euro(summe_ust), als_euro(summe_netto + summe_ust)
        ),
        vorsteuerabzug_bei_steuerpflicht=als_euro(abziehbar),
        stueckpreis=Stueckpreisrechnung(
            vereinbart=gewichtung.stueckpreis is not None,
            preis_nicht_steuerbar=als_euro(preis_ns),
            preis_netto=als_euro(preis_st),
            menge_gesamt=menge,
            mengeneinheit=gewichtung.mengeneinheit,
            kostendeckung_nicht_steuerbar=als_euro(sum(nicht_steuerbar) - netto_cent - vorsteuer_cent),
            kostendeckung_steuerpflichtig=als_euro(summe_netto - (netto_cent + vorsteuer_cent - abziehbar)),
        ),
    )
