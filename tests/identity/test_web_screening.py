"""The web screening upload: its result's downloads are served only to whoever uploaded it (a
signed-in caller, or the uploading browser on the open page), the key is random, not the file's
hash, and uploads count against the per-client limit of expensive work (German 429 page)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.identity.conftest import A, B
from tests.identity.web_browsers import Browsers, browsers_fixture
from tests.web.test_screening_page import CSV, gemischter_bestand


@pytest.fixture
def browsers(app) -> Iterator[Browsers]:
    yield from browsers_fixture(app)


def _upload(client) -> str:
    response = client.post("/screening", files={"datei": ("bestand.csv", gemischter_bestand(), CSV)})
    assert response.status_code == 200, response.text[:300]
    found = re.search(r'href="(/screening/[^/"]+)/bestandsscreening\.csv"', response.text)
    assert found
    return found.group(1)


def test_a_signed_in_upload_is_served_only_to_its_uploader(browsers):
    a = browsers.user(A, "sachbearbeitung")
    ergebnis = _upload(a)
    assert a.get(ergebnis + "/bestandsscreening.csv").status_code == 200
    for other in (browsers.user(A, "leser"), browsers.user(B, "sachbearbeitung"), browsers.anonymous()):
        response = other.get(ergebnis + "/bestandsscreening.csv")
        assert response.status_code == 404 and "nicht mehr gespeichert" in response.text


def test_an_anonymous_upload_belongs_to_the_browser_and_the_same_file_gets_a_new_key(browsers):
    anonymous = browsers.anonymous()
    anonymous.get("/screening")  # the page (and its pre-sign-in cookie) first, as a browser does
    first, second = _upload(anonymous), _upload(anonymous)
    assert first != second, "the key is random, not derived from the file"
    assert anonymous.get(first + "/bestandsscreening.pdf").status_code == 200
    assert browsers.anonymous().get(first + "/bestandsscreening.pdf").status_code == 404


def test_an_anonymous_upload_without_a_browser_cookie_is_sent_to_sign_in(browsers):
    response = browsers.anonymous().post(
        "/screening", files={"datei": ("bestand.csv", gemischter_bestand(), CSV)}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/anmelden?weiter=/screening"


@pytest.mark.parametrize("settings_extra", [{"rate_limit_expensive": 2}])
def test_uploads_are_rate_limited_per_client_with_a_german_429_page(browsers):
    a = browsers.user(A, "sachbearbeitung")
    _upload(a)
    _upload(a)
    refused = a.post("/screening", files={"datei": ("bestand.csv", gemischter_bestand(), CSV)})
    assert refused.status_code == 429 and "Höchstens 2 solcher Anfragen je Minute" in refused.text
    assert int(refused.headers["retry-after"]) >= 1
    _upload(browsers.user(A, "sachbearbeitung"))  # another person has a limit of their own
