"""Deadlines of a cooperation after the signature (issue 15): what the register and the calendar show.

Per case, from the Fallakte, its stored assessment and the register's own dates:

- **Laufzeitende**: the last day of a fixed term (``laufzeit.ende`` is exclusive: the day before).
- **Kündigung**: the last day to give notice for the next possible end. The product's agreement
  lets a partner terminate "mit einer Frist von N Monaten zum Ende eines Kalenderjahres"
  (contracts/klauseln/nw.yaml); so the end is a 31.12. and the notice must arrive by
  ``01.01. of the following year − N months − 1 day`` (§§ 187, 188 BGB: 12 months to 31.12.2028 →
  31.12.2027; 4 months to 30.06. in a leap year → 29.02.). Only ends before a fixed term's end count.
  **Weekend rule**: § 193 BGB does not move a notice deadline (the period protects the recipient;
  BGH, Urteil vom 17.02.2005 – III ZR 172/04): a deadline on a Saturday or Sunday stays there,
  and the register names the preceding Friday as the day the notice should arrive. Public holidays
  are not known to the product (said in the hint).
- **Abschlag**: the advance payments' due dates within the next ``TAGE_VORSCHAU`` days, within the
  term (as the calculation agreed them: ``abrechnung.abschlaege``, ``faelligkeit``, ``faelligkeitstag``).
  The final settlement's deadline is not a field of the case (the agreement leaves it to be filled
  in); the register says so.
- **Rechtswechsel**: 31.12.2026, the last day of the old law (§ 27 Abs. 22a UStG), for every service
  whose stored assessment applied the old law — it must be re-assessed under § 2b UStG.
- **Verbindliche Auskunft**: a binding ruling (§ 89 Abs. 2 AO) applied for and not yet given: a
  reminder ``AUSKUNFT_NACHFASSEN_MONATE`` months after the application (the product's default;
  the AO sets the tax office no deadline).

Pure: no I/O; ``heute`` is passed in.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from advisor.deutsch import datum
from advisor.fallakte import Fallakte, Laufzeit
from advisor.kosten.abschlaege import PERIODEN, faelligkeiten

TAGE_VORSCHAU = 400
AUSKUNFT_NACHFASSEN_MONATE = 3
ENDE_ALTES_RECHT = date(2026, 12, 31)
_BGH = "§ 193 BGB gilt für Kündigungsfristen nicht (BGH, Urteil vom 17.02.2005 – III ZR 172/04)"


@dataclass(frozen=True, slots=True)
class Frist:
    """One deadline: kind, date, German title, the service it belongs to, and a hint.

    ``zugang_bis``: for a notice deadline on a weekend, the preceding Friday (else ``None``).
    """

    art: str
    datum: date
    titel: str
    leistung: str | None = None
    hinweis: str | None = None
    zugang_bis: date | None = None

    def ueberfaellig(self, heute: date) -> bool:
        return self.datum < heute


def monate_zurueck(tag: date, monate: int) -> date:
    """``tag`` minus ``monate`` months; a day beyond the target month's end becomes its last day."""
    gesamt = tag.year * 12 + tag.month - 1 - monate
    jahr, monat = divmod(gesamt, 12)
    return date(jahr, monat + 1, min(tag.day, calendar.monthrange(jahr, monat + 1)[1]))


def monate_vor(tag: date, monate: int) -> date:
    """``tag`` plus ``monate`` months (last day of a shorter month)."""
    return monate_zurueck(tag, -monate)


def letzter_kuendigungstag(ende_exklusiv: date, monate: int) -> date:
    """The last day notice can arrive so that the term ends the day before ``ende_exklusiv``."""
    return monate_zurueck(ende_exklusiv, monate) - timedelta(days=1)


def werktag_davor(tag: date) -> date | None:
    """For a Saturday or Sunday the preceding Friday, else ``None``."""
    if tag.weekday() < 5:
        return None
    return tag - timedelta(days=tag.weekday() - 4)


def naechste_kuendigung(laufzeit: Laufzeit, heute: date) -> tuple[date, date] | None:
    """(last day to give notice, last day of the term it ends) for the next calendar-year end that
    can still be reached from ``heute``; ``None`` without a notice period or when the fixed term
    ends first."""
    if laufzeit.kuendigungsfrist_monate is None:
        return None
    jahr = max(heute.year, laufzeit.beginn.year)
    while True:
        ende_exklusiv = date(jahr + 1, 1, 1)
        if laufzeit.ende is not None and ende_exklusiv >= laufzeit.ende:
            return None
        stichtag = letzter_kuendigungstag(ende_exklusiv, laufzeit.kuendigungsfrist_monate)
        if stichtag >= heute and ende_exklusiv > laufzeit.beginn:
            return stichtag, ende_exklusiv - timedelta(days=1)
        jahr += 1


def _im_term(laufzeit: Laufzeit | None, tag: date) -> bool:
    return laufzeit is None or (laufzeit.beginn <= tag and (laufzeit.ende is None or tag < laufzeit.ende))


def fristen(
    fallakte: Fallakte,
    regime_je_leistung: dict[str, str],
    heute: date,
    auskunft_beantragt: date | None = None,
    auskunft_erteilt: date | None = None,
) -> list[Frist]:
    """Every deadline of the case, sorted by date (then kind and service); see the module."""
    ergebnis: list[Frist] = []
    for leistung in fallakte.leistungen:
        lz = leistung.laufzeit
        if lz is not None and lz.ende is not None:
            ergebnis.append(
                Frist(
                    "laufzeitende", lz.ende - timedelta(days=1), f"Laufzeitende „{leistung.bezeichnung}“", leistung.id
                )
            )
        if lz is not None:
            k = naechste_kuendigung(lz, heute)
            if k is not None:
                stichtag, endet = k
                frei = werktag_davor(stichtag)
                hinweis = (
                    f"Kündigung mit {lz.kuendigungsfrist_monate} Monaten Frist zum Ende eines Kalenderjahres: "
                    f"Zugang spätestens {datum(stichtag)}, dann endet die Zusammenarbeit am {datum(endet)}."
                )
                if frei is not None:
                    hinweis += (
                        f" Der {datum(stichtag)} ist ein Wochenende; {_BGH}: Zugang daher bis Freitag, {datum(frei)}."
                    )
                hinweis += " Feiertage sind nicht berücksichtigt."
                ergebnis.append(
                    Frist(
                        "kuendigung",
                        stichtag,
                        f"Letzter Tag der Kündigung „{leistung.bezeichnung}“",
                        leistung.id,
                        hinweis,
                        frei,
                    )
                )
        abrechnung = leistung.kosten.abrechnung if leistung.kosten else None
        if abrechnung is not None and abrechnung.abschlaege is not None:
            bis = heute + timedelta(days=TAGE_VORSCHAU)
            for jahr in range(heute.year, bis.year + 1):
                termine = faelligkeiten(abrechnung.abschlaege, jahr, abrechnung.faelligkeit, abrechnung.faelligkeitstag)
                for termin, (erster, _letzter) in zip(termine, PERIODEN[abrechnung.abschlaege], strict=True):
                    if heute <= termin <= bis and _im_term(lz, date(jahr, erster, 1)):
                        ergebnis.append(
                            Frist("abschlag", termin, f"Abschlag fällig „{leistung.bezeichnung}“", leistung.id)
                        )
        if regime_je_leistung.get(leistung.id, "ustg_2b") != "ustg_2b":
            ergebnis.append(
                Frist(
                    "rechtswechsel",
                    ENDE_ALTES_RECHT,
                    f"Ende des alten Rechts „{leistung.bezeichnung}“: nach § 2b UStG neu bewerten",
                    leistung.id,
                    "Die gespeicherte Bewertung wendet § 2 Abs. 3 UStG a. F. an; ab 01.01.2027 gilt § 2b UStG "
                    "(§ 27 Abs. 22a UStG).",
                )
            )
    if auskunft_beantragt is not None and auskunft_erteilt is None:
        ergebnis.append(
            Frist(
                "auskunft",
                monate_vor(auskunft_beantragt, AUSKUNFT_NACHFASSEN_MONATE),
                "Verbindliche Auskunft ausstehend: beim Finanzamt nachfassen",
                None,
                f"Beantragt am {datum(auskunft_beantragt)} (§ 89 Abs. 2 AO); Erinnerung nach "
                f"{AUSKUNFT_NACHFASSEN_MONATE} Monaten (Vorgabe des IKZ-Beraters, keine gesetzliche Frist).",
            )
        )
    return sorted(ergebnis, key=lambda f: (f.datum, f.art, f.leistung or ""))


def naechste_frist(liste: list[Frist], heute: date) -> Frist | None:
    """The first deadline on or after ``heute`` (an overdue one comes first: it is still open)."""
    ueberfaellig = [f for f in liste if f.art in ("rechtswechsel", "auskunft") and f.ueberfaellig(heute)]
    if ueberfaellig:
        return ueberfaellig[0]
    kommend = [f for f in liste if f.datum >= heute]
    return kommend[0] if kommend else None
