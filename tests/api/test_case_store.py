"""The saved-cases service (api/cases.py) on a real database (a SQLite file; PostgreSQL with
``pytest --postgres``): versions, locking, idempotency."""

from __future__ import annotations

import threading
from dataclasses import replace
from types import SimpleNamespace

import pytest
from sqlalchemy import inspect

from advisor.beratung import berate
from advisor.bewertung import Regelwerksstand
from advisor.parsing import parse_fallakte
from api import cases
from api.db.session import make_engine, make_session_factory, run_migrations
from rules_loader import load_rate_tables, load_rules


@pytest.fixture(scope="module")
def real_advice(example_texts):
    return berate(parse_fallakte(example_texts["personalabrechnung-mandatierend"]), load_rules(), load_rate_tables())


@pytest.fixture
def advice(real_advice):
    """The personnel example's real advice, with the result and rule-set stamp set by the test."""

    def make(ergebnis: str = "offen", version: str = "2026.11", sha: str = "a" * 64) -> SimpleNamespace:
        stand = Regelwerksstand(version=version, sha256=sha, stichtag="2027-01-01", regime="ustg_2b")
        bewertung = replace(real_advice.bewertung, regelwerk=stand, ergebnis=ergebnis)
        return SimpleNamespace(bewertung=bewertung, kalkulation=real_advice.kalkulation)

    return make


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    run_migrations(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine):
    return make_session_factory(engine)


@pytest.fixture
def fallakte(example_texts):
    return parse_fallakte(example_texts["personalabrechnung-mandatierend"])


@pytest.mark.sqlite_only("legt die SQLite-Datei an")
def test_migrations_create_the_database_file_and_its_tables_and_can_run_again(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path}/neu/unter/ordner.sqlite")
    run_migrations(engine)
    run_migrations(engine)
    assert (tmp_path / "neu" / "unter" / "ordner.sqlite").is_file()
    assert {"cases", "case_versions", "idempotency_keys", "alembic_version"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_a_new_case_starts_at_version_one_and_gives_its_fallakte_back(sessions, fallakte, advice):
    with sessions() as s:
        saved = cases.create_case(s, fallakte, advice("steuerpflichtig"), note="erste Fassung")
    with sessions() as s:
        latest = cases.get_case(s, saved.case_id)
    assert (latest.number, latest.ergebnis, latest.note) == (1, "steuerpflichtig", "erste Fassung")
    assert latest.fallakte() == fallakte
    assert latest.fallakte_daten["leistungen"][0]["umsatz_gleichartige_taetigkeiten"] == "380000"


def test_every_update_adds_a_version_and_the_old_versions_stay_as_they_were(sessions, fallakte, advice):
    geaendert = fallakte.model_copy(update={"bezeichnung": "Neuer Titel"})
    with sessions() as s:
        first = cases.create_case(s, fallakte, advice("offen", version="alt", sha="1" * 64))
        cases.update_case(s, first.case_id, geaendert, advice("steuerpflichtig", version="neu", sha="2" * 64))
    with sessions() as s:
        versions = cases.list_versions(s, first.case_id)
        old = cases.get_version(s, first.case_id, 1)
        latest = cases.get_case(s, first.case_id)
    assert [(v.number, v.ergebnis, v.regelwerk_version) for v in versions] == [
        (1, "offen", "alt"),
        (2, "steuerpflichtig", "neu"),
    ]
    assert (old.bezeichnung, old.regelwerk_sha256) == (fallakte.bezeichnung, "1" * 64)
    assert (latest.number, latest.bezeichnung, latest.regelwerk_sha256) == (2, "Neuer Titel", "2" * 64)


def test_parallel_updates_from_many_threads_never_lose_a_version(sessions, fallakte, advice):
    with sessions() as s:
        case_id = cases.create_case(s, fallakte, advice()).case_id
    writers = 12
    barrier = threading.Barrier(writers)
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            barrier.wait()
            with sessions() as s:
                cases.update_case(s, case_id, fallakte, advice(), note=f"Schreiber {i}")
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with sessions() as s:
        versions = cases.list_versions(s, case_id)
        assert cases.get_case(s, case_id).number == writers + 1
    assert [v.number for v in versions] == list(range(1, writers + 2))
    assert sorted(v.note for v in versions[1:]) == sorted(f"Schreiber {i}" for i in range(writers))


def test_an_update_against_an_outdated_version_is_refused_and_stores_nothing(sessions, fallakte, advice):
    with sessions() as s:
        case_id = cases.create_case(s, fallakte, advice()).case_id
        cases.update_case(s, case_id, fallakte, advice(), expected_version=1)
        with pytest.raises(cases.VersionConflict, match="aktuell ist Version 2"):
            cases.update_case(s, case_id, fallakte, advice(), expected_version=1)
        assert len(cases.list_versions(s, case_id)) == 2


def test_a_session_that_read_the_case_before_another_writer_still_adds_the_next_version(sessions, fallakte, advice):
    with sessions() as s:
        case_id = cases.create_case(s, fallakte, advice()).case_id
    with sessions() as early, sessions() as other:
        assert cases.get_case(early, case_id).number == 1
        early.commit()
        cases.update_case(other, case_id, fallakte, advice())
        assert cases.update_case(early, case_id, fallakte, advice()).number == 3


def test_the_same_idempotency_key_with_the_same_request_gives_the_first_version_back(sessions, fallakte, advice):
    with sessions() as s:
        first, replayed_first = cases.create_case_once(s, "schluessel-1", "h" * 64, fallakte, advice())
        again, replayed_again = cases.create_case_once(s, "schluessel-1", "h" * 64, fallakte, advice())
        assert cases.list_cases(s).total == 1
    assert (replayed_first, replayed_again) == (False, True)
    assert again == first


def test_the_same_idempotency_key_for_a_different_request_is_refused(sessions, fallakte, advice):
    with sessions() as s:
        cases.create_case_once(s, "schluessel-2", "h" * 64, fallakte, advice())
        with pytest.raises(cases.IdempotencyConflict, match="andere Anfrage"):
            cases.create_case_once(s, "schluessel-2", "x" * 64, fallakte, advice())
        assert cases.list_cases(s).total == 1


def test_unknown_cases_and_versions_are_named_in_german(sessions, fallakte, advice):
    with sessions() as s:
        case_id = cases.create_case(s, fallakte, advice()).case_id
        with pytest.raises(cases.CaseNotFound, match="Nummer 999"):
            cases.get_case(s, 999)
        with pytest.raises(cases.CaseNotFound):
            cases.list_versions(s, 999)
        with pytest.raises(cases.CaseNotFound):
            cases.update_case(s, 999, fallakte, advice())
        with pytest.raises(cases.VersionNotFound, match=f"Fall {case_id} hat keine Version 7"):
            cases.get_version(s, case_id, 7)


def test_the_case_list_shows_the_latest_result_most_recently_changed_first_in_pages(sessions, fallakte, advice):
    with sessions() as s:
        ids = [cases.create_case(s, fallakte, advice("offen")).case_id for _ in range(3)]
        cases.update_case(s, ids[0], fallakte, advice("steuerpflichtig"))
        page = cases.list_cases(s, limit=2, offset=0)
        rest = cases.list_cases(s, limit=2, offset=2)
    assert page.total == 3
    assert [(c.case_id, c.latest_version, c.ergebnis) for c in page.cases][0] == (ids[0], 2, "steuerpflichtig")
    assert len(page.cases) == 2 and len(rest.cases) == 1
    assert {c.case_id for c in page.cases + rest.cases} == set(ids)


def test_the_migrations_create_exactly_the_tables_the_models_describe(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from api.db.models import Base

    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
