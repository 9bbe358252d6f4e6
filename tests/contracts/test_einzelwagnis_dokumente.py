"""A Wagnis line with evidence of a specific risk (Einzelwagnis) is a cost: the agreement does not
call it a Wagnis or profit surcharge and the Prüfvermerk does not ask to drop it; a general Wagnis
without evidence is still named in both (the boundary either side)."""

from __future__ import annotations

import pytest

from contracts.dokumente import als_pdf, erstelle
from tests.contracts.conftest import STAND, aus_daten, echte_beratung, example_daten, flach, seiten

ZUSCHLAG_IM_VERTRAG = "Die Kalkulation enthält einen Wagnis- oder Gewinnzuschlag"
ZUSCHLAG_IM_VERMERK = "Die Kalkulation enthält einen Wagnis- oder Gewinnzuschlag. Er ist keine Kostenerstattung"


def _texte(wagnis: dict) -> tuple[str, str]:
    daten = example_daten("personalabrechnung-mandatierend")
    daten["leistungen"][0]["kosten"]["positionen"].append(wagnis)
    beratung = echte_beratung(aus_daten(daten))
    vertrag, vermerk = (erstelle(art, beratung, stand=STAND) for art in ("vereinbarung", "pruefvermerk"))
    return flach(seiten(als_pdf(vertrag))), flach(seiten(als_pdf(vermerk)))


@pytest.mark.parametrize(
    ("wagnis", "genannt"),
    [
        (
            {
                "art": "wagnis",
                "bezeichnung": "Forderungsausfälle",
                "betrag": "1500",
                "einzelwagnis_nachweis": "Ausfälle 2023–2025",
            },
            False,
        ),
        ({"art": "wagnis", "bezeichnung": "Allgemeines Wagnis", "betrag": "1500"}, True),
    ],
    ids=["einzelwagnis_mit_nachweis", "allgemeines_wagnis"],
)
def test_only_a_general_wagnis_is_named_as_a_surcharge(wagnis, genannt):
    vertrag, vermerk = _texte(wagnis)
    assert (ZUSCHLAG_IM_VERTRAG in vertrag) is genannt
    assert (ZUSCHLAG_IM_VERMERK in vermerk) is genannt
    if not genannt:
        assert "Wagnis- und Gewinnzuschläge werden nicht erhoben." in vertrag
