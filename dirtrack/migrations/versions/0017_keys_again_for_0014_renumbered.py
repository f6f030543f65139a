"""Search keys made again as ``fold`` gives them now, for the registers that never had 0014's.

For an hour (commits 62b9f22 to 507aacd) dirtrack's revision 0014 was what is now 0015 (a lead
unit taken out of its own coordinating units); the merge that gave 0014 to the keys with the
eth read as ``đ`` moved it to 0015. A register that dirtrack upgraded in that hour is stamped
0014, so today's 0014 never ran on it: a unit named with the eth ``Ð`` kept the key
``ðang uy …`` where ``fold`` now gives ``dang uy …``. This revision writes the keys again,
as 0013 and 0014 do (0013's ``upgrade``, with the current ``fold``): where they already agree
it changes nothing.
It also gives the keys of text typed with the digits of other scripts (Arabic-Indic,
full-width), which ``fold`` reads as ASCII digits from this revision on.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""

import importlib.util
from pathlib import Path

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    path = Path(__file__).with_name("0013_keys_without_unseen_characters.py")
    spec = importlib.util.spec_from_file_location("dirtrack_migration_0013", path)
    assert spec is not None and spec.loader is not None
    keys_again = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(keys_again)
    keys_again.upgrade()


def downgrade() -> None:
    """Nothing to undo: a key as ``fold`` gives it finds what the old one found."""
