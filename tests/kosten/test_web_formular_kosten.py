"""The form fields of issue 16 (fixed shares, population reference date, unit price, remainder-cent
bearer, due dates, overhead flags): shown in the form and read back unchanged."""

from __future__ import annotations

import re

import pytest
import yaml
from fastapi.testclient import TestClient

from advisor.parsing import fallakte_aus_dict, parse_fallakte
from api.app import create_app
from api.settings import Settings
from api.web.form_fallakte import fallakte_dict_aus_formular
from api.web.form_state import apply_action, nest
from tests.web.helpers import form_items

from .conftest import fall_daten


@pytest.fixture
def client(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "daten", seed_examples=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.engine.dispose()


def _wert(html: str, name: str) -> str | None:
    m = re.search(rf'name="{re.escape(name)}"[^>]*value="([^"]*)"', html)
    return m.group(1) if m else None


def test_the_example_shows_the_fixed_kreis_share_and_the_population_date_in_the_form(client):
    html = client.get("/formular?beispiel=digitaler-zwilling").text
    assert _wert(html, "leistungen[0].kosten.verteilung.festanteile.@0") == "30"
    assert _wert(html, "leistungen[0].kosten.verteilung.einwohner_stichtag") == "31.12.2025"


def _fall_mit_allem() -> str:
    daten = fall_daten(
        empfaenger={"stadt-a": 40000, "gemeinde-b": 10000, "gemeinde-c": 5000},
        verteilung={
            "schluessel": "einwohner",
            "einwohner_stichtag": "2025-12-31",
            "festanteile": {"stadt-a": "15"},
            "restcent_traeger": "gemeinde-b",
        },
        positionen=[
            {"art": "personal", "bezeichnung": "Leitung", "betrag": "90000.00", "leitungsposition": True},
            {"art": "personal", "bezeichnung": "KLR", "betrag": "60000.00", "gemeinkosten_enthalten": True},
            {"art": "wagnis", "bezeichnung": "Ausfälle", "betrag": "500.00", "einzelwagnis_nachweis": "Ø 2023–2025"},
        ],
        abrechnung={
            "verfahren": "spitzabrechnung",
            "abschlaege": "vierteljaehrlich",
            "faelligkeit": "im_voraus",
            "faelligkeitstag": 15,
        },
    )
    return yaml.safe_dump(daten, allow_unicode=True)


def test_the_new_cost_fields_survive_the_way_through_the_form():
    text = _fall_mit_allem()
    gelesen = fallakte_dict_aus_formular(nest(form_items(text)))
    assert gelesen.probleme == []
    assert fallakte_aus_dict(gelesen.daten) == parse_fallakte(text)


def test_removing_a_partner_moves_the_remainder_cent_bearer_and_the_fixed_shares_along():
    state = nest(form_items(_fall_mit_allem()))
    apply_action(state, "beteiligter_weg:1")  # stadt-a (row 1; row 0 is the provider)
    verteilung = fallakte_dict_aus_formular(state).daten["leistungen"][0]["kosten"]["verteilung"]
    assert verteilung["restcent_traeger"] == "gemeinde-b"
    assert "festanteile" not in verteilung or verteilung["festanteile"] == {}
