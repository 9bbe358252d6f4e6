"""The audit trail: append-only, hash-chained. One function records, one verifies.

- ``record(session, eintrag)`` appends an entry inside the caller's transaction (the caller
  commits; a change and its record are stored together or not at all).
- ``record_now(session_factory, eintrag)`` appends in a transaction of its own (reads, sign-ins).
- ``verify(session) -> Bruch | None`` walks the chain and returns the first broken entry.

Each entry carries the SHA-256 of the previous entry and its own hash over its fields and that
previous hash; positions run 1, 2, 3, … without gaps, and a head row holds the newest hash. A
changed field, a removed or inserted entry, or a cut-off end breaks the chain at that point.
Entries carry no case content and no personal data beyond the actor's sign-in name.
"""

from api.audit.chain import Auditeintrag, Bruch, list_entries, record, record_now, verify

__all__ = ["Auditeintrag", "Bruch", "list_entries", "record", "record_now", "verify"]
