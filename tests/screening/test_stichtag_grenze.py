"""A Stichtag for which the rule set has no values is a German 422 naming the field, not a 500."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings


def test_a_stichtag_before_the_rule_set_is_a_422_naming_stichtag(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "d", seed_examples=False))
    with TestClient(app, raise_server_exceptions=False) as client:
        frueh = client.post("/api/v1/screenings", json={"stichtag": "2000-01-01", "zeilen": [{}]})
        assert frueh.status_code == 422 and frueh.json()["errors"][0]["pfad"] == "stichtag"
        assert "01.01.2000" in frueh.json()["detail"]
        assert client.post("/api/v1/screenings", json={"stichtag": "2027-01-01", "zeilen": [{}]}).status_code == 200
    app.state.engine.dispose()
