"""The database's full-text index behind one object, chosen once per database vendor.

Both backends get the same Python-analysed term groups (search.analysis) and return row ids,
best first. The final order is decided in Python (search.ranking), so the two databases show
the same results whenever they return the same candidates.
"""

from functools import cache

from django.db import connection

from search.backends.base import CANDIDATE_LIMIT, SearchBackend

__all__ = ["CANDIDATE_LIMIT", "SearchBackend", "backend"]


@cache
def backend_for(vendor):
    if vendor == "postgresql":
        from search.backends.postgresql import PostgreSQLBackend

        return PostgreSQLBackend()
    if vendor == "sqlite":
        from search.backends.sqlite import SQLiteBackend

        return SQLiteBackend()
    raise NotImplementedError(f"Zoeken werkt alleen met SQLite of PostgreSQL, niet met {vendor}.")


def backend():
    """The backend of the database in use."""
    return backend_for(connection.vendor)
