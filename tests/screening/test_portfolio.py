"""Portfolio logic of § 2b Abs. 2 Nr. 1 and Abs. 3 Nr. 2 Buchst. d UStG over a provider's similar services."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.screening.portfolio import Portfolioposten, portfolio_werte

GRENZE = Decimal("17500")


def posten(
    bezug="Zeile 2", erbringer="Kreis A", feld="bauhof", betrag="8000.00", umsatz=None, anteil=None, oeffentlich=True
):
    return Portfolioposten(
        bezug,
        erbringer,
        feld,
        None if betrag is None else Decimal(betrag),
        None if umsatz is None else Decimal(umsatz),
        None if anteil is None else Decimal(anteil),
        oeffentlich,
    )


def test_three_services_of_8000_eur_of_one_provider_and_field_sum_to_24000_for_each_of_them():
    werte = portfolio_werte([posten(f"Zeile {n}") for n in (2, 3, 4)], GRENZE)
    assert [w.umsatz_gleichartige_taetigkeiten.wert for w in werte] == [Decimal("24000.00")] * 3
    assert "Zeile 2, Zeile 3, Zeile 4" in werte[0].umsatz_gleichartige_taetigkeiten.herkunft


def test_services_of_other_providers_or_fields_are_not_siblings():
    werte = portfolio_werte([posten(), posten(erbringer="Kreis B"), posten(feld="abfall")], GRENZE)
    assert [w.umsatz_gleichartige_taetigkeiten.wert for w in werte] == [Decimal("8000.00")] * 3


def test_the_same_provider_is_recognised_across_spelling_of_case_and_spaces():
    werte = portfolio_werte([posten(erbringer="Kreis  Musterland"), posten(erbringer="kreis musterland")], GRENZE)
    assert werte[0].umsatz_gleichartige_taetigkeiten.wert == Decimal("16000.00")


def test_a_stated_turnover_wins_for_its_row_and_applies_to_its_siblings():
    werte = portfolio_werte([posten(umsatz="50000.00"), posten(), posten()], GRENZE)
    assert werte[0].umsatz_gleichartige_taetigkeiten is None  # the row keeps its own statement
    assert [w.umsatz_gleichartige_taetigkeiten.wert for w in werte[1:]] == [Decimal("50000.00")] * 2
    assert "laut Zeile 2" in werte[1].umsatz_gleichartige_taetigkeiten.herkunft


def test_differing_stated_turnovers_give_the_siblings_the_highest_and_say_so():
    werte = portfolio_werte([posten(umsatz="10000.00"), posten(umsatz="30000.00"), posten()], GRENZE)
    assert werte[2].umsatz_gleichartige_taetigkeiten.wert == Decimal("30000.00")
    assert "höchste" in werte[2].umsatz_gleichartige_taetigkeiten.herkunft


def test_an_unknown_amount_below_the_threshold_leaves_the_turnover_unknown():
    werte = portfolio_werte([posten(), posten(betrag=None)], GRENZE)
    assert werte[0].umsatz_gleichartige_taetigkeiten is None


def test_known_amounts_above_the_threshold_decide_even_if_a_sibling_has_no_amount():
    werte = portfolio_werte([posten(betrag="9000.00"), posten(betrag="9000.00"), posten(betrag=None)], GRENZE)
    assert werte[2].umsatz_gleichartige_taetigkeiten.wert == Decimal("18000.00")
    assert werte[2].umsatz_gleichartige_taetigkeiten.herkunft.startswith("Mindestens")


def test_an_unreadable_sibling_makes_a_sum_below_the_threshold_unknown():
    werte = portfolio_werte([posten()], GRENZE, luecken={("kreisa", "bauhof")})
    assert werte[0].umsatz_gleichartige_taetigkeiten is None
    werte = portfolio_werte([posten()], GRENZE, luecken={("kreisa", None)})
    assert werte[0].umsatz_gleichartige_taetigkeiten is None


def test_the_public_share_is_the_public_part_of_the_amounts_cut_to_two_places():
    werte = portfolio_werte([posten(betrag="2000.00"), posten(betrag="1000.00", oeffentlich=False)], GRENZE)
    assert werte[0].anteil_leistungen_an_jpoer_prozent.wert == Decimal("66.66")


def test_the_public_share_stays_unknown_when_a_service_has_mixed_recipients_or_the_list_is_incomplete():
    assert portfolio_werte([posten(), posten(oeffentlich=None)], GRENZE)[0].anteil_leistungen_an_jpoer_prozent is None
    assert portfolio_werte([posten(), posten(betrag=None)], GRENZE)[0].anteil_leistungen_an_jpoer_prozent is None
    assert portfolio_werte([posten(), posten(umsatz="90000")], GRENZE)[0].anteil_leistungen_an_jpoer_prozent is None


def test_a_stated_public_share_applies_to_the_siblings_the_lowest_if_they_differ():
    werte = portfolio_werte([posten(anteil="95"), posten(anteil="70"), posten()], GRENZE)
    assert werte[2].anteil_leistungen_an_jpoer_prozent.wert == Decimal("70")


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "C"]),
            st.sampled_from(["bauhof", "abfall"]),
            st.integers(min_value=0, max_value=50_000_00),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_every_service_gets_the_sum_of_exactly_its_group(liste):
    eintraege = [posten(f"Zeile {i}", e, f, str(Decimal(c) / 100)) for i, (e, f, c) in enumerate(liste)]
    werte = portfolio_werte(eintraege, GRENZE)
    for (e, f, _), w in zip(liste, werte, strict=True):
        erwartet = sum(Decimal(c) / 100 for (e2, f2, c) in liste if (e2, f2) == (e, f))
        assert w.umsatz_gleichartige_taetigkeiten.wert == erwartet
