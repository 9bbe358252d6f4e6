"""The ``ikz`` command line: a thin adapter over advisor/, contracts/ and api/."""
