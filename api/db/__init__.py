"""Persistence of saved cases: SQLAlchemy 2 tables (``models``) and the engine/session (``session``).

The tables are plumbing; the API schemas (api/schemas.py) and the service (api/cases.py) are what
the rest of the code uses.
"""
