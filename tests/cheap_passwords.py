"""Cheap Argon2 parameters for the tests that only need a user to sign in.

Hashing with the production parameters (t=3, 64 MiB, 4 lanes) costs about 0.2 s of CPU per
password, on purpose; the suite hashes and verifies some hundred passwords, which was a sixth
of its time. So in this test process api/identity/passwords.py hashes with argon2-cffi's
``profiles.CHEAPEST`` (the profile it offers for tests) — the same code, the same Argon2id, only
cheaper. Tests of the parameters themselves (the stored hash, the re-hash at sign-in) are marked
``real_password_cost`` and run with the production hasher; processes a test starts
(``ikz serve``, the browser tests' server) use it anyway.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher, profiles

from api.identity import passwords

MARKER = "real_password_cost"
_CHEAP = PasswordHasher.from_parameters(profiles.CHEAPEST)
_CHEAP_DUMMY = _CHEAP.hash("kein Konto – nur für gleiche Antwortzeiten")
_REAL, _REAL_DUMMY = passwords._HASHER, passwords._DUMMY_HASH


def add_marker(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}: hashes passwords with the production Argon2 parameters")


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing() -> Iterator[None]:
    """For the whole test process, module-scoped apps included."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_HASHER", _CHEAP)
        patch.setattr(passwords, "_DUMMY_HASH", _CHEAP_DUMMY)
        yield


@pytest.fixture(autouse=True)
def _real_password_cost_when_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker(MARKER):
        monkeypatch.setattr(passwords, "_HASHER", _REAL)
        monkeypatch.setattr(passwords, "_DUMMY_HASH", _REAL_DUMMY)
