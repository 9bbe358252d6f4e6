"""File formats of the inventory screening: CSV/XLSX reading and writing, the template, the PDF report.

An adapter over the pure ``advisor.screening``: this package turns files (or uploaded bytes) into
``Rohtabelle``/``Fallaktenquelle`` values and the ``Screening`` into CSV, XLSX and PDF bytes.
``screening.run`` wires the rule set, the rate tables and ``advisor.beratung.berate``.
"""
