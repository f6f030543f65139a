"""Queries and mutations. Functions take ``session`` first, add and flush, and never commit:
the caller's :func:`dirtrack.db.session_scope` makes each command one transaction."""
