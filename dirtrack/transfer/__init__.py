"""Records in and out: spreadsheet and JSON import, JSON and Excel export, backup and restore.

``dirtrack import FILE`` asks :func:`dirtrack.transfer.registry.detect` for the kind of file,
whose handler imports it (see :mod:`dirtrack.transfer.registry` to add a kind).
"""
