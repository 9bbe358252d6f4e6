"""Passwords: Argon2id (argon2-cffi, RFC 9106 parameters) and the rules a new password must meet.

Hashing costs tens of milliseconds and 64 MiB on purpose; it runs only at sign-in and when a
password is set, never per API request. Signing in with an unknown address verifies against a
dummy hash, so the answer takes as long as for a known one (no enumeration by timing).
"""

from __future__ import annotations

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
MAX_LENGTH = 1024

#: Argon2id, t=3, m=64 MiB, p=4: RFC 9106's second recommended option (argon2-cffi's default).
PARAMETERS = profiles.RFC_9106_LOW_MEMORY
_HASHER = PasswordHasher.from_parameters(PARAMETERS)
#: What an unknown address is verified against: a hash with the same parameters (so the same cost)
#: that no account has. A literal, so that no worker spends a hash on it at start;
#: tests/identity/test_signin_and_csrf.py checks that it matches ``PARAMETERS``.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$hJixEWmgTF0/C0Ko7213Jg$ujPiLXt6v6RhHqA0OcV0MBrjb0O1Z6qDZpEDzG7ktIE"


def hash_password(password: str) -> str:
    """The Argon2id hash to store (salted; contains its parameters)."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; with no stored hash, spends the same time and says no."""
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with older parameters and should be replaced at next sign-in."""
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def password_problem(password: str) -> str | None:
    """A German sentence if ``password`` is not acceptable as a new password, else ``None``."""
    if len(password) < MIN_LENGTH:
        return f"Das Passwort muss mindestens {MIN_LENGTH} Zeichen lang sein."
    if len(password) > MAX_LENGTH:
        return f"Das Passwort darf höchstens {MAX_LENGTH} Zeichen lang sein."
    if password.strip() != password:
        return "Das Passwort darf nicht mit Leerzeichen beginnen oder enden."
    return None
