"""The dirtrack export: every record, losslessly, as one JSON document (format version 5).

``{"format": "dirtrack-export", "version": 5, "office": […], "calendar": […], "units": […],
"fields": […], "leaders": […], "meetings": […], "series": […], "directives": […],
"limitations": […], "packs": […], "urgings": […]}``. Records hold facts, never values derived
as of a day (status, the deadline in force, days overdue): those follow from the facts. Each
list is in id order (units in code order, calendar days by day); every record carries its id;
references between records are unit and field codes and the ids of the others.

Both directions stream, so that memory stays flat in the register's size: the export writes
each record as it is read from the database (:func:`.export.export_chunks`), and the import reads
one record at a time (ijson), checks it and writes it in batches, all in the command's one
transaction (:func:`.importer.run`). Importing a document puts every record back with its id
into an empty database, so that export → import → export gives the same bytes, and the two
databases hold the same rows in every table but the change log.

The modules: :mod:`.records` (the format: sections, record models, versions), :mod:`.export`
(writing it), :mod:`.reading` (reading its bytes safely, into records), :mod:`.checks` (what a
record's model cannot check), :mod:`.importer` (the document read in order:
:func:`.importer.run`), with :mod:`.import_state` (what the import keeps, the steps every
section shares), :mod:`.import_sections` and :mod:`.import_directives` (each section read,
checked, written).
"""

# The byte guard's limits and reader, as tests/test_import_json_checks.py drives them directly.
from dirtrack.transfer.json_format.reading import MAX_DEPTH as MAX_DEPTH
from dirtrack.transfer.json_format.reading import MAX_DIGITS as MAX_DIGITS
from dirtrack.transfer.json_format.reading import NFC_WINDOW as NFC_WINDOW
from dirtrack.transfer.json_format.reading import READ_SIZE as READ_SIZE
from dirtrack.transfer.json_format.reading import Guarded as _Guarded
from dirtrack.transfer.json_format.reading import parse_events as parse_events

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "NFC_WINDOW", "READ_SIZE", "_Guarded", "parse_events"]
