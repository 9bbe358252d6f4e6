"""Access logs without query strings: a query can carry case content (e.g. the deprecated
``?notiz=``), and logs are kept longer and read by more people than the database.

``hide_query_strings()`` adds a filter to uvicorn's access logger that logs ``/api/v1/cases?…``
as ``/api/v1/cases?[…]``. It works however uvicorn was started (``ikz serve`` or ``uvicorn
api.app:create_app --factory --workers N``), because the app factory installs it.
"""

from __future__ import annotations

import logging

ACCESS_LOGGER = "uvicorn.access"


class QueryStringFilter(logging.Filter):
    """Replaces the query string of the logged path (uvicorn's third log argument)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0] + "?[…]", *args[3:])
        return True


def hide_query_strings() -> None:
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, QueryStringFilter) for f in logger.filters):
        logger.addFilter(QueryStringFilter())
