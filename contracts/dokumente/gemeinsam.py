"""What the documents of a case share: one view of case, assessment and calculation (``Fall``),
German words for results and facts, the table of key facts, and the per-partner cost rows.

Every document of a case is built from the same ``Beratung`` (one assessment, one calculation)
and the same Stand, so their figures agree with each other and with the agreement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.bewertung import Bewertung, Kriterium, Leistungsbewertung
from advisor.bezeichnungen import (
    ANHANG_I,
    ARTEN,
    ENTGELTE,
    ERGEBNISSE_RECHTLICH,
    FAKT_AUSWAHL,
    RECHTSFORMEN,
    REGIME,
)
from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Beteiligter, Fallakte, Leistung
from contracts.assembly import kalkulation_als_dict, nicht_zugelassene_beteiligte, traeger
from contracts.entwurf import Tabelle
from contracts.formatting import format_citation, format_date, format_money, format_number, format_percent
from contracts.klauselbibliothek import Klauselbibliothek, load_clause_library
from contracts.merkmale import braucht_auskunft, entscheidendes_kriterium, leistungsbewertung, leistungskalkulation
from contracts.platzhalter import Sammler
from contracts.stand import stand_oder_heute

ERGEBNISSE = ERGEBNISSE_RECHTLICH


@dataclass(frozen=True, slots=True)
class Leistungsfall:
    """One service with its assessment and its calculation (JSON view, None if not calculable)."""

    index: int
    leistung: Leistung
    bewertung: Leistungsbewertung
    kalkulation: Mapping[str, Any] | None

    @property
    def entscheidend(self) -> Kriterium | None:
        return entscheidendes_kriterium(self.bewertung)

    @property
    def braucht_auskunft(self) -> bool:
        return braucht_auskunft(self.bewertung)


@dataclass(frozen=True)
class Fall:
    """Case, assessment, calculation, rule set and (where the Land has one) clause library."""

    fallakte: Fallakte
    bewertung: Bewertung
    kalkulation: Mapping[str, Any] | None
    regelwerk: Any
    bib: Klauselbibliothek | None
    stand: date
    final: bool
    leistungen: tuple[Leistungsfall, ...]
    beratung: Any

    @property
    def namen(self) -> dict[str, str]:
        return {b.id: b.name for b in self.fallakte.beteiligte}

    @property
    def traeger(self) -> Beteiligter:
        return traeger(self.fallakte)

    def norm(self, kennung: str) -> str:
        """A norm of the clause library (with non-breaking spaces), e.g. ``ao_auskunft``."""
        return format_citation(self.benoetigte_bibliothek().norm(kennung))

    def benoetigte_bibliothek(self) -> Klauselbibliothek:
        if self.bib is None:
            raise UngueltigeEingabe(
                [
                    Feldproblem(
                        "bundesland", f"Für das Land „{self.fallakte.bundesland}“ gibt es noch keine Klauselbibliothek."
                    )
                ],
                "Das Dokument kann nicht erstellt werden.",
            )
        return self.bib

    def nicht_zugelassen(self) -> list[Beteiligter]:
        """Parties § 23 GkG NRW does not admit to an agreement (empty without a library)."""
        if self.bib is None or self.fallakte.rechtsform not in ("oerv_delegierend", "oerv_mandatierend"):
            return []
        return [b for _, b in nicht_zugelassene_beteiligte(self.bib, self.fallakte)]

    def sammler(self) -> Sammler:
        return Sammler(self.bib, self.fallakte)


def fall_aus(beratung: Any, *, regelwerk: Any = None, stand: date | None = None, final: bool = False) -> Fall:
    """The common view of a case for its documents; ``regelwerk`` defaults to the shipped rule set."""
    if regelwerk is None:
        from rules_loader import load_rules

        regelwerk = load_rules()
    fallakte: Fallakte = beratung.fallakte
    try:
        bib: Klauselbibliothek | None = load_clause_library(fallakte.bundesland)
    except KeyError:
        bib = None
    kalkulation = kalkulation_als_dict(beratung.kalkulation)
    leistungen = tuple(
        Leistungsfall(
            i,
            leistung,
            leistungsbewertung(beratung.bewertung, leistung, i),
            leistungskalkulation(kalkulation, leistung),
        )
        for i, leistung in enumerate(fallakte.leistungen)
    )
    return Fall(
        fallakte, beratung.bewertung, kalkulation, regelwerk, bib, stand_oder_heute(stand), final, leistungen, beratung
    )


def ja_nein(wert: Any, fakt: str | None = None) -> str:
    """A fact's value in plain German: "ja", "nein", the label of a choice (of fact ``fakt`` where
    given), a number."""
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, Decimal | int) and not isinstance(wert, bool):
        return format_number(Decimal(wert))
    if isinstance(wert, str):
        if fakt in FAKT_AUSWAHL:
            return FAKT_AUSWAHL[fakt].get(wert, wert)
        return ANHANG_I.get(wert) or ENTGELTE.get(wert) or ("keine" if wert == "keine" else wert)
    return str(wert)


def rechtsform_text(fall: Fall) -> str:
    """The legal form in words; for parties an agreement cannot have, the instrument to use."""
    if fall.nicht_zugelassen():
        bib = fall.benoetigte_bibliothek()
        normen = {f"norm_{k}": n.text for k, n in bib.normen.items()}
        from contracts.klauselbibliothek import fill_template

        return format_citation(fill_template(bib.beteiligte.instrument, normen))
    return format_citation(RECHTSFORMEN.get(fall.fallakte.rechtsform, fall.fallakte.rechtsform))


def anzuwendendes_recht(regime: str) -> str:
    """The law an assessment (or one service) applies, in words: "§ 2b UStG (neues Recht)", the old
    law under the option, or both when the governing law is still open."""
    if regime in ("ustg_2b", "altes_recht"):
        return REGIME[regime]
    return "§ 2b UStG oder altem Recht (§ 2 Abs. 3 UStG a. F.; je nach Option nach § 27 Abs. 22 UStG)"


def kopfdaten(fall: Fall, *weitere: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """The key facts under a document's title; "Würdigung" is the assessment's title, which names
    the law it applies (§ 2b UStG, or the old law under the option of § 27 Abs. 22 UStG)."""
    rw = fall.bewertung.regelwerk
    beteiligte = "; ".join(f"{b.name} ({ARTEN.get(b.art, b.art)})" for b in fall.fallakte.beteiligte)
    return (
        ("Zusammenarbeit", fall.fallakte.bezeichnung),
        ("Rechtsform", rechtsform_text(fall)),
        ("Beteiligte", beteiligte),
        *weitere,
        *((("Würdigung", fall.bewertung.titel),) if fall.bewertung.titel else ()),
        ("Stichtag der Würdigung", format_date(date.fromisoformat(rw.stichtag))),
        ("Regelwerk", f"Version {rw.version}"),
        ("Stand", format_date(fall.stand)),
    )


def kurzes_ergebnis(lf: Leistungsfall) -> str:
    """ "nicht steuerbar (§ 2b Abs. 3 Nr. 1 UStG – Gesetzlicher Vorbehalt …); Risiko mittel"."""
    text = ERGEBNISSE.get(lf.bewertung.ergebnis, lf.bewertung.ergebnis)
    k = lf.entscheidend
    if k is not None:
        text += f" ({k.norm} – {k.titel})"
    return format_citation(f"{text}; Risiko {lf.bewertung.risiko}")


def name_des_zahlers(anteil: Mapping[str, Any], namen: Mapping[str, str]) -> str:
    name = namen.get(anteil["beteiligter"], anteil["beteiligter"])
    return f"{name} (Eigenanteil)" if anteil.get("rolle") == "erbringer" else name


def anteile_tabelle(lf: Leistungsfall, namen: Mapping[str, str], *, mit_steuer: bool, titel: str) -> Tabelle | None:
    """Per partner and year: the share without VAT and, if asked, with VAT; totals from the calculation."""
    kalk = lf.kalkulation
    if kalk is None:
        return None
    anteile = kalk.get("anteile", [])
    if not mit_steuer:
        return Tabelle(
            titel=titel,
            spalten=("Beteiligter", "Quote", "Jahresanteil"),
            zeilen=tuple(
                (name_des_zahlers(a, namen), format_percent(a["quote_prozent"]), format_money(a["nicht_steuerbar"]))
                for a in anteile
            ),
            summen=(("Summe", "", format_money(kalk["erstattung_nicht_steuerbar"])),),
            rechts=(False, True, True),
            breiten=(0.56, 0.16, 0.28),
        )
    stpfl = kalk["erstattung_steuerpflichtig"]
    return Tabelle(
        titel=titel,
        spalten=(
            "Beteiligter",
            "ohne Umsatzsteuer",
            "bei Steuerpflicht netto",
            "Umsatzsteuer",
            "brutto",
            "Mehrbelastung",
        ),
        zeilen=tuple(
            (
                name_des_zahlers(a, namen),
                format_money(a["nicht_steuerbar"]),
                format_money(a["steuerpflichtig"]["netto"]),
                format_money(a["steuerpflichtig"]["umsatzsteuer"]),
                format_money(a["steuerpflichtig"]["brutto"]),
                format_money(a["mehrbelastung_bei_steuerpflicht"]),
            )
            for a in anteile
        ),
        summen=(
            (
                "Summe",
                format_money(kalk["erstattung_nicht_steuerbar"]),
                format_money(stpfl["netto"]),
                format_money(stpfl["umsatzsteuer"]),
                format_money(stpfl["brutto"]),
                format_money(kalk["kennzahlen"]["mehrbelastung_bei_steuerpflicht"]),
            ),
        ),
        rechts=(False, True, True, True, True, True),
        breiten=(0.25, 0.15, 0.16, 0.14, 0.15, 0.15),
    )


def kosten_fehlen_text(fall: Fall, lf: Leistungsfall, sammler: Sammler, fundstelle: str) -> str:
    text = "[Kostenkalkulation ergänzen]"
    return sammler.pruefe(text, fundstelle, {text: f"leistungen[{lf.index}].kosten"})
