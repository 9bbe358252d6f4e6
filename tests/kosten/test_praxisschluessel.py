"""The four published cost splits of issue 16, entered as they were agreed, and one test per key
type against a hand calculation written here (never the program's own output).

1. ÖPNV among nine towns: 70 % line time + 30 % vehicle-km (mixed key).
2. Information-security officer: 50 % in equal parts, 50 % by population (Sockel; and the same as a
   mixed key of equal parts and population).
3. VHS-Zweckverband: half by population, half by courses held (mixed key).
4. Procurement office: one Gemeinde pays a fixed 15 %, the providing town the rest.
Plus: a unit price × actual quantity (21 € per processed claim) settled on actual quantities, and a
Kreis with a fixed 30 % and the rest by Sockel and inhabitants of its towns (the example).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from advisor.errors import UngueltigeEingabe
from advisor.kosten import Leistungskalkulation, calculate, ist_aus_dict, settle
from advisor.parsing import fallakte_aus_dict, parse_fallakte

from .conftest import UST

D = Decimal


def _fall(beteiligte: list[dict], empfaenger: list[str], verteilung: dict, betrag: str, **extra) -> dict:
    kosten = {
        "kalkulationsjahr": 2027,
        "satzgrundlage": "eigene_klr",
        "positionen": [{"art": "sachkosten", "bezeichnung": "Kosten laut Vereinbarung", "betrag": betrag}],
        "verteilung": verteilung,
        "abrechnung": {"verfahren": "spitzabrechnung", "abschlaege": "vierteljaehrlich"},
    }
    kosten.update(extra)
    return {
        "format": "ikz-fallakte/1",
        "bezeichnung": "Vereinbarung",
        "stichtag": "2027-01-01",
        "rechtsform": "oerv_mandatierend",
        "beteiligte": beteiligte,
        "leistungen": [
            {
                "id": "dienst",
                "bezeichnung": "Leistung",
                "aufgabenfeld": "sonstiges",
                "erbringer": beteiligte[0]["id"],
                "empfaenger": empfaenger,
                "entgelt": "kostenerstattung",
                "kosten": kosten,
            }
        ],
    }


def _rechne(daten: dict, satztabellen) -> Leistungskalkulation:
    (k,) = calculate(fallakte_aus_dict(daten), satztabellen, UST).leistungen
    assert isinstance(k, Leistungskalkulation)
    return k


def _anteile(k: Leistungskalkulation) -> dict[str, Decimal]:
    return {a.beteiligter: a.nicht_steuerbar for a in k.anteile}


def _stadt(i: int, einwohner: int | None = None, art: str = "stadt") -> dict:
    b = {"id": f"s{i}", "name": f"Stadt {i}", "art": art}
    if einwohner is not None:
        b["einwohner"] = einwohner
    return b


# 1 --------------------------------------------------------------------------------------------

LINIENZEIT = [3000, 2000, 1500, 1000, 800, 700, 500, 300, 200]  # hours, Σ 10,000
FAHRZEUG_KM = [200_000, 150_000, 100_000, 100_000, 150_000, 100_000, 100_000, 50_000, 50_000]  # Σ 1,000,000
# Hand calculation, total 1,000,000.00: share = 1,000,000 × (0.7 × h/10,000 + 0.3 × km/1,000,000)
# s1: 0.7 × 0.30 + 0.3 × 0.20 = 0.27   → 270,000.00     s6: 0.7 × 0.07 + 0.3 × 0.10 = 0.079 →  79,000.00
# s2: 0.7 × 0.20 + 0.3 × 0.15 = 0.185  → 185,000.00     s7: 0.7 × 0.05 + 0.3 × 0.10 = 0.065 →  65,000.00
# s3: 0.7 × 0.15 + 0.3 × 0.10 = 0.135  → 135,000.00     s8: 0.7 × 0.03 + 0.3 × 0.05 = 0.036 →  36,000.00
# s4: 0.7 × 0.10 + 0.3 × 0.10 = 0.10   → 100,000.00     s9: 0.7 × 0.02 + 0.3 × 0.05 = 0.029 →  29,000.00
# s5: 0.7 × 0.08 + 0.3 × 0.15 = 0.101  → 101,000.00     Σ = 1,000,000.00
OEPNV_ERWARTET = [270000, 185000, 135000, 100000, 101000, 79000, 65000, 36000, 29000]


def test_oepnv_nine_towns_70_percent_line_time_30_percent_vehicle_km(satztabellen):
    staedte = [f"s{i}" for i in range(1, 10)]
    verteilung = {
        "schluessel": "gemischt",
        "bestandteile": [
            {"id": "linienzeit", "bezeichnung": "Linienfahrzeit", "gewicht_prozent": 70, "schluessel": "nutzung",
             "werte": dict(zip(staedte, LINIENZEIT, strict=True))},
            {"id": "fahrzeug_km", "bezeichnung": "Fahrzeugkilometer", "gewicht_prozent": 30, "schluessel": "nutzung",
             "werte": dict(zip(staedte, FAHRZEUG_KM, strict=True))},
        ],
    }  # fmt: skip
    beteiligte = [{"id": "vv", "name": "Verkehrsverbund", "art": "zweckverband"}] + [_stadt(i) for i in range(1, 10)]
    k = _rechne(_fall(beteiligte, staedte, verteilung, "1000000.00"), satztabellen)
    assert [_anteile(k)[s] for s in staedte] == [D(x) for x in OEPNV_ERWARTET]
    assert k.verteilung == (
        "Gemischter Schlüssel: 70 % Linienfahrzeit (nach Nutzung), 30 % Fahrzeugkilometer (nach Nutzung)".replace(
            " %", "\u00a0%"
        )
    )
    assert k.bestandteilwerte["linienzeit"][0] == 3000


# 2 --------------------------------------------------------------------------------------------

# Information-security officer, 80,000.00: 50 % = 40,000 in 4 equal parts (10,000 each) + 50 % by
# population 40,000 / 30,000 / 20,000 / 10,000 (Σ 100,000): 16,000 / 12,000 / 8,000 / 4,000
# → 26,000.00 / 22,000.00 / 18,000.00 / 14,000.00
ISB_EINWOHNER = [40000, 30000, 20000, 10000]
ISB_ERWARTET = [D("26000.00"), D("22000.00"), D("18000.00"), D("14000.00")]


@pytest.mark.parametrize(
    "verteilung",
    [
        {"schluessel": "sockel_plus_variabel", "sockel_prozent": 50, "variabler_schluessel": "einwohner"},
        {
            "schluessel": "gemischt",
            "bestandteile": [
                {
                    "id": "gleich",
                    "bezeichnung": "zu gleichen Teilen",
                    "gewicht_prozent": 50,
                    "schluessel": "gleiche_teile",
                },
                {"id": "ew", "bezeichnung": "Einwohner", "gewicht_prozent": 50, "schluessel": "einwohner"},
            ],
        },
    ],
    ids=["sockel", "gemischt"],
)
def test_information_security_officer_half_equal_half_population(satztabellen, verteilung):
    verteilung = {**verteilung, "einwohner_stichtag": "2025-12-31"}
    beteiligte = [{"id": "kreis", "name": "Kreis", "art": "kreis"}] + [
        _stadt(i, e, "gemeinde") for i, e in enumerate(ISB_EINWOHNER, 1)
    ]
    empfaenger = [f"s{i}" for i in range(1, 5)]
    k = _rechne(_fall(beteiligte, empfaenger, verteilung, "80000.00"), satztabellen)
    assert [_anteile(k)[s] for s in empfaenger] == ISB_ERWARTET
    assert "Stand 31.12.2025" in k.verteilung
    assert not k.warnungen  # a reference date is given; the Kreis is the provider, not in the key


# 3 --------------------------------------------------------------------------------------------


def test_vhs_zweckverband_half_population_half_courses_held(satztabellen):
    # 500,000.00: half (250,000) by population 60,000 / 30,000 / 10,000 → 150,000 / 75,000 / 25,000;
    # half by courses 200 / 150 / 50 (Σ 400) → 125,000 / 93,750 / 31,250
    # → 275,000.00 / 168,750.00 / 56,250.00
    mitglieder = ["s1", "s2", "s3"]
    verteilung = {
        "schluessel": "gemischt",
        "einwohner_stichtag": "2025-06-30",
        "bestandteile": [
            {"id": "einwohner", "bezeichnung": "Einwohner", "gewicht_prozent": 50, "schluessel": "einwohner"},
            {"id": "kurse", "bezeichnung": "durchgeführte Kurse", "gewicht_prozent": 50, "schluessel": "fallzahlen",
             "werte": {"s1": 200, "s2": 150, "s3": 50}},
        ],
    }  # fmt: skip
    beteiligte = [{"id": "vhs", "name": "VHS-Zweckverband", "art": "zweckverband"}] + [
        _stadt(1, 60000),
        _stadt(2, 30000),
        _stadt(3, 10000, "gemeinde"),
    ]
    daten = _fall(beteiligte, mitglieder, verteilung, "500000.00")
    daten["rechtsform"] = "zweckverband"
    k = _rechne(daten, satztabellen)
    assert [_anteile(k)[s] for s in mitglieder] == [D("275000.00"), D("168750.00"), D("56250.00")]

    # settled with the courses actually held: 220 / 130 / 50 (Σ 400), same costs:
    # 150,000 + 137,500 = 287,500.00; 75,000 + 81,250 = 156,250.00; 25,000 + 31,250 = 56,250.00
    ist = {
        "format": "ikz-ist/1",
        "leistungen": [
            {"leistung": "dienst", "jahr": 2027, "steuerpflichtig": False, "kosten_netto": "500000.00",
             "vorsteuer": "0", "bestandteile": {"kurse": {"s1": 220, "s2": 130, "s3": 50}},
             "abschlaege_gezahlt": {"s1": "275000.00", "s2": "168750.00", "s3": "56250.00"}},
        ],
    }  # fmt: skip
    (a,) = settle(fallakte_aus_dict(daten), ist_aus_dict(ist), UST).leistungen
    assert [(z.beteiligter, z.ist_anteil, z.nachzahlung) for z in a.zeilen] == [
        ("s1", D("287500.00"), D("12500.00")),
        ("s2", D("156250.00"), D("-12500.00")),
        ("s3", D("56250.00"), D("0.00")),
    ]


# 4 --------------------------------------------------------------------------------------------


def test_procurement_office_one_gemeinde_pays_a_fixed_15_percent(satztabellen):
    # 120,000.00: the Gemeinde pays 15 % = 18,000.00; the town runs the office, uses it itself and
    # bears the rest, 102,000.00 (its own share is no supply: no VAT on it)
    beteiligte = [_stadt(0), {"id": "g", "name": "Gemeinde G", "art": "gemeinde"}]
    verteilung = {"schluessel": "gleiche_teile", "festanteile": {"g": 15}, "erbringer_traegt_anteil": True}
    k = _rechne(_fall(beteiligte, ["g"], verteilung, "120000.00"), satztabellen)
    assert _anteile(k) == {"s0": D("102000.00"), "g": D("18000.00")}
    assert k.anteile[1].quote_prozent == D("15.00")
    assert k.festanteile == {"g": D(15)}
    # if taxable: 18,000.00 net + 19 % = 3,420.00 VAT for the Gemeinde; none on the town's share
    assert (k.anteile[1].steuerpflichtig.umsatzsteuer, k.anteile[0].steuerpflichtig.umsatzsteuer) == (
        D("3420.00"),
        D("0.00"),
    )
    assert k.verteilung.startswith("Festanteil: Gemeinde G 15\u00a0%; übrige 85\u00a0% zu gleichen Teilen")


def test_several_fixed_shares_and_the_rest_by_population(satztabellen):
    # 100,000.00: a pays 20 %, b 10 % (fixed); c and d share 70 % by population 30,000 / 10,000
    # → c 52,500.00, d 17,500.00
    beteiligte = [{"id": "kreis", "name": "Kreis", "art": "kreis"}] + [
        _stadt(i, e) for i, e in ((1, 5000), (2, 5000), (3, 30000), (4, 10000))
    ]
    verteilung = {"schluessel": "einwohner", "festanteile": {"s1": 20, "s2": 10}, "einwohner_stichtag": "2025-12-31"}
    k = _rechne(_fall(beteiligte, ["s1", "s2", "s3", "s4"], verteilung, "100000.00"), satztabellen)
    assert _anteile(k) == {"s1": D("20000.00"), "s2": D("10000.00"), "s3": D("52500.00"), "s4": D("17500.00")}


def test_fixed_shares_of_100_percent_or_more_are_rejected_naming_the_field(satztabellen):
    beteiligte = [{"id": "kreis", "name": "Kreis", "art": "kreis"}, _stadt(1, 5), _stadt(2, 5)]
    daten = _fall(beteiligte, ["s1", "s2"], {"schluessel": "einwohner", "festanteile": {"s1": 60, "s2": 40}}, "1.00")
    with pytest.raises(UngueltigeEingabe) as e:
        fallakte_aus_dict(daten)
    assert "leistungen[0].kosten.verteilung.festanteile" in {p.pfad for p in e.value.probleme}


# the example: a Kreis with a fixed 30 % ---------------------------------------------------------


def test_the_kreis_pays_a_fixed_30_percent_and_the_towns_share_the_rest_by_sockel_and_inhabitants(
    example_texts, satztabellen
):
    k = calculate(parse_fallakte(example_texts["digitaler-zwilling"]), satztabellen, UST).leistungen[0]
    assert isinstance(k, Leistungskalkulation)
    gesamt = Fraction(k.erstattung_nicht_steuerbar)
    assert gesamt == 380935  # see test_kalkulation.EXPECTED
    rest = gesamt * Fraction(70, 100)
    einwohner = {"neuheim": 154000, "dornbach": 64800, "grefrath": 63900, "meerfeld": 54700, "kaarfeld": 43400,
                 "korsbach": 33300, "juechheim": 23400, "rommersdorf": 13500}  # fmt: skip
    summe = sum(einwohner.values())  # 451,000 — exactly the Kreis's own population: counted twice before
    anteile = _anteile(k)
    assert anteile["kreis"] == D("114280.50")  # 380,935 × 30 %
    for stadt, e in einwohner.items():
        # rest × (20 % / 8 + 80 % × e / 451,000), rounded to the cent
        erwartet = rest * (Fraction(20, 100 * 8) + Fraction(80, 100) * Fraction(e, summe))
        assert abs(Fraction(anteile[stadt]) - erwartet) <= Fraction(1, 100), stadt
    assert not any("doppelt" in w for w in k.warnungen)


def test_a_kreis_in_a_population_key_with_its_towns_is_warned_about(satztabellen):
    beteiligte = [{"id": "zv", "name": "Zweckverband", "art": "zweckverband"},
                  {"id": "kreis", "name": "Kreis K", "art": "kreis", "einwohner": 100000},
                  _stadt(1, 60000, "gemeinde"), _stadt(2, 40000)]  # fmt: skip
    daten = _fall(
        beteiligte, ["kreis", "s1", "s2"], {"schluessel": "einwohner", "einwohner_stichtag": "2025-12-31"}, "1000.00"
    )
    k = _rechne(daten, satztabellen)
    assert any("dieselben Einwohner doppelt" in w and "festanteile" in w for w in k.warnungen)
    # a kreisfreie Stadt next to a Kreis is no double count
    beteiligte[2]["art"] = beteiligte[3]["art"] = "kreisfreie_stadt"
    assert not any("doppelt" in w for w in _rechne(daten, satztabellen).warnungen)


def test_population_without_a_reference_date_is_warned_about(satztabellen):
    beteiligte = [{"id": "kreis", "name": "Kreis", "art": "kreis"}, _stadt(1, 30000), _stadt(2, 10000)]
    k = _rechne(_fall(beteiligte, ["s1", "s2"], {"schluessel": "einwohner"}, "1000.00"), satztabellen)
    assert any("Stichtag der Einwohnerzahlen fehlt" in w for w in k.warnungen)


# unit price --------------------------------------------------------------------------------------


def _stueckpreis_fall(**verteilung) -> dict:
    beteiligte = [{"id": "kreis", "name": "Kreis", "art": "kreis"}, _stadt(1), _stadt(2)]
    v = {"schluessel": "stueckpreis", "mengeneinheit": "bearbeiteter Antrag", "werte": {"s1": 1200, "s2": 800}}
    v.update(verteilung)
    return _fall(beteiligte, ["s1", "s2"], v, "41000.00")


def test_unit_price_times_quantity_with_the_over_recovery_shown_and_warned(satztabellen):
    # 21.00 € × 1,200 = 25,200.00; 21.00 € × 800 = 16,800.00; Σ 42,000.00 against costs of 41,000.00:
    # an over-recovery of 1,000.00 — more than a cost reimbursement
    k = _rechne(_stueckpreis_fall(stueckpreis="21.00"), satztabellen)
    assert _anteile(k) == {"s1": D("25200.00"), "s2": D("16800.00")}
    assert k.stueckpreis is not None and k.stueckpreis.kostendeckung_nicht_steuerbar == D("1000.00")
    assert any("Überdeckung" in w for w in k.warnungen)
    # taxable: 25,200.00 + 19 % = 4,788.00
    assert k.anteile[0].steuerpflichtig.umsatzsteuer == D("4788.00")


def test_a_unit_price_without_an_agreed_price_is_the_cost_per_unit(satztabellen):
    # 41,000.00 / 2,000 = 20.50 €; 20.50 × 1,200 = 24,600.00; × 800 = 16,400.00: no over-recovery
    k = _rechne(_stueckpreis_fall(), satztabellen)
    assert k.stueckpreis is not None and k.stueckpreis.preis_nicht_steuerbar == D("20.50")
    assert _anteile(k) == {"s1": D("24600.00"), "s2": D("16400.00")}
    assert k.stueckpreis.kostendeckung_nicht_steuerbar == 0


def test_a_unit_price_is_settled_on_the_actual_quantities(satztabellen):
    # actual 1,310 and 750 claims at 21.00 €: 27,510.00 and 15,750.00; a town without claims pays 0
    ist = {
        "format": "ikz-ist/1",
        "leistungen": [
            {"leistung": "dienst", "jahr": 2027, "steuerpflichtig": False, "kosten_netto": "42500.00", "vorsteuer": "0",
             "mengen": {"s1": 1310, "s2": 750}, "abschlaege_gezahlt": {"s1": "25200.00", "s2": "16800.00"}},
        ],
    }  # fmt: skip
    fall = fallakte_aus_dict(_stueckpreis_fall(stueckpreis="21.00"))
    (a,) = settle(fall, ist_aus_dict(ist), UST).leistungen
    assert [(z.ist_anteil, z.nachzahlung) for z in a.zeilen] == [
        (D("27510.00"), D("2310.00")),
        (D("15750.00"), D("-1050.00")),
    ]
    # 43,260.00 invoiced against 42,500.00 actual costs: 760.00 over-recovered
    assert a.stueckpreis is not None and a.stueckpreis.kostendeckung_nicht_steuerbar == D("760.00")
    ist["leistungen"][0]["mengen"] = {"s1": 0, "s2": 750}
    (a,) = settle(fall, ist_aus_dict(ist), UST).leistungen
    assert a.zeilen[0].ist_anteil == D("0.00")
    # the planned (derived) price is recomputed from the plan when no price was agreed: 20.50 €
    fall = fallakte_aus_dict(_stueckpreis_fall())
    (a,) = settle(fall, ist_aus_dict(ist), UST, satztabellen).leistungen
    assert a.zeilen[1].ist_anteil == D("15375.00")  # 750 × 20.50
    with pytest.raises(UngueltigeEingabe):
        settle(fall, ist_aus_dict(ist), UST)  # without rate tables the plan cannot be recomputed


# equal weights, whatever the order --------------------------------------------------------------


def test_equal_weights_pay_equal_amounts_whatever_the_order_and_the_rule_is_stated(satztabellen):
    beteiligte = [{"id": "kreis", "name": "Kreis", "art": "kreis"}] + [_stadt(i) for i in range(1, 4)]
    for reihenfolge in (["s1", "s2", "s3"], ["s3", "s1", "s2"]):
        k = _rechne(_fall(beteiligte, reihenfolge, {"schluessel": "gleiche_teile"}, "100.00"), satztabellen)
        # 100.00 / 3 = 33.333…: each 33.33, the provider bears 0.01 (not invoiced)
        assert _anteile(k) == {"s1": D("33.33"), "s2": D("33.33"), "s3": D("33.33")}
        assert k.restcent.nicht_steuerbar == D("0.01")
        assert "trägt der Erbringer „Kreis“" in k.restcent_regel
    # the agreement may name another bearer: then s2 takes the cent
    k = _rechne(
        _fall(beteiligte, ["s1", "s2", "s3"], {"schluessel": "gleiche_teile", "restcent_traeger": "s2"}, "100.00"),
        satztabellen,
    )
    assert _anteile(k) == {"s1": D("33.33"), "s2": D("33.34"), "s3": D("33.33")}
    assert k.restcent.nicht_steuerbar == 0 and "übernimmt „Stadt 2“" in k.restcent_regel
