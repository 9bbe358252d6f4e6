"""The upload page's screening results in the database (api/screening_store.py): what is stored
comes back equal, only for the caller who uploaded, only while complete and kept, and the stored
bytes can name no class outside the result's own."""

from __future__ import annotations

import pickle
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from advisor.screening import STICHTAG_STANDARD
from api import screening_store
from api.db.screening_tables import ScreeningChunkRow, ScreeningResultRow
from api.db.startup import open_database
from rules_loader import load_rate_tables, load_rules
from screening.run import screen_tables, screening_context
from tests.screening.conftest import bauhof_zeilen, tabelle, zeile


@pytest.fixture
def database(database_url):
    database = open_database(database_url)
    yield database
    database.dispose()


#: The uploader of the stored results (the web page's anonymous browser, api/web/screening.py).
BROWSER = "browser:" + "ab" * 32


@pytest.fixture(scope="module")
def screening_factory():
    kontext = screening_context(STICHTAG_STANDARD, load_rules(), load_rate_tables())

    def make(anzahl: int = 4):
        zeilen = [
            *bauhof_zeilen(anzahl),
            zeile(kennung="O-1", aufgabenfeld="personalabrechnung"),  # facts missing: open questions
            zeile(kennung="M-1", aufgabenfeld="raumfahrt"),  # a problem row
        ]
        return screen_tables([tabelle(zeilen)], kontext=kontext, jobs=1)

    return make


def test_a_stored_screening_comes_back_equal_with_every_kind_of_record(database, screening_factory):
    screening = screening_factory()
    assert any(z.offene_fragen for z in screening.zeilen) and any(z.aus_bestand for z in screening.zeilen)
    assert len(screening.probleme) >= 1
    token = screening_store.store_screening(database.sessions, screening, {"bauhof": "Bauhof"}, "bestand.csv", BROWSER)
    loaded = screening_store.load_screening(database.read_sessions, token, BROWSER)
    assert loaded is not None
    wieder, titel, quelle = loaded
    assert (titel, quelle) == ({"bauhof": "Bauhof"}, "bestand.csv")
    assert list(wieder.zeilen) == list(screening.zeilen)
    assert list(wieder.probleme) == list(screening.probleme)
    assert wieder.zusammenfassung == screening.zusammenfassung
    assert (wieder.stichtag, wieder.regelwerk_sha256) == (screening.stichtag, screening.regelwerk_sha256)
    wieder.close()
    screening.close()


def test_rows_beyond_one_chunk_come_back_in_order(database, screening_factory, monkeypatch):
    monkeypatch.setattr(screening_store, "CHUNK_RECORDS", 2)
    screening = screening_factory(7)
    token = screening_store.store_screening(database.sessions, screening, {}, "b.csv", BROWSER)
    with database.sessions() as session:
        chunks = session.execute(select(func.count()).select_from(ScreeningChunkRow)).scalar_one()
    assert chunks == 5  # 9 rows in chunks of 2, 1 problem
    wieder, _, _ = screening_store.load_screening(database.read_sessions, token, BROWSER)
    assert [z.kennung for z in wieder.zeilen] == [z.kennung for z in screening.zeilen]


def test_a_result_of_a_signed_in_caller_is_only_served_to_that_caller(database, screening_factory):
    token = screening_store.store_screening(database.sessions, screening_factory(1), {}, "b.csv", "nutzer:7")
    assert screening_store.load_screening(database.read_sessions, token, "nutzer:7") is not None
    assert screening_store.load_screening(database.read_sessions, token, "nutzer:8") is None
    assert screening_store.load_screening(database.read_sessions, token, None) is None


def test_a_result_stored_without_an_uploader_is_served_to_nobody(database, screening_factory):
    token = screening_store.store_screening(database.sessions, screening_factory(1), {}, "b.csv", None)
    assert screening_store.load_screening(database.read_sessions, token, None) is None
    assert screening_store.load_screening(database.read_sessions, token, BROWSER) is None


def test_unknown_malformed_incomplete_and_expired_results_are_not_served(database, screening_factory):
    assert screening_store.load_screening(database.read_sessions, "x" * 32, None) is None
    assert screening_store.load_screening(database.read_sessions, "../../etc/passwd", None) is None
    token = screening_store.store_screening(database.sessions, screening_factory(1), {}, "b.csv", BROWSER)
    with database.sessions() as session:
        session.execute(update(ScreeningResultRow).values(complete=False))
        session.commit()
    assert screening_store.load_screening(database.read_sessions, token, BROWSER) is None
    with database.sessions() as session:
        row = session.execute(select(ScreeningResultRow)).scalar_one()
        row.complete = True
        row.created_at = row.created_at - screening_store.AUFBEWAHRUNG - timedelta(seconds=1)
        session.commit()
    assert screening_store.load_screening(database.read_sessions, token, BROWSER) is None


def test_storing_a_new_result_removes_the_expired_ones_with_their_chunks(database, screening_factory):
    alt = screening_store.store_screening(database.sessions, screening_factory(1), {}, "alt.csv", BROWSER)
    with database.sessions() as session:
        row = session.execute(select(ScreeningResultRow)).scalar_one()
        row.created_at = row.created_at - screening_store.AUFBEWAHRUNG - timedelta(minutes=1)
        session.commit()
    screening_store.store_screening(database.sessions, screening_factory(1), {}, "neu.csv", BROWSER)
    with database.sessions() as session:
        assert session.execute(select(ScreeningResultRow.quelle)).scalars().all() == ["neu.csv"]
        assert session.execute(select(func.count()).select_from(ScreeningChunkRow)).scalar_one() == 2
    assert screening_store.load_screening(database.read_sessions, alt, BROWSER) is None


class Boese:
    def __reduce__(self):
        return (print, ("ausgeführt",))


def test_stored_bytes_that_name_any_other_callable_are_refused(database, screening_factory, caplog):
    with pytest.raises(pickle.UnpicklingError, match="builtins.print"):
        screening_store.sicher_laden(pickle.dumps(Boese()))
    token = screening_store.store_screening(database.sessions, screening_factory(1), {}, "b.csv", BROWSER)
    with database.sessions() as session:
        session.execute(update(ScreeningResultRow).values(kopf=pickle.dumps(Boese())))
        session.commit()
    assert screening_store.load_screening(database.read_sessions, token, BROWSER) is None
    assert "nicht lesbar" in caplog.text
