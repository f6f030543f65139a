"""Records in and out: spreadsheet and JSON import, JSON and Excel export, backup and restore.

``dirtrack import FILE`` goes through :func:`dirtrack.transfer.registry.run_import`, which picks
the importer by the kind of file (see :mod:`dirtrack.transfer.registry` to add one).
"""
