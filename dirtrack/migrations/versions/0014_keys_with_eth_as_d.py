"""Search keys made again where their text holds the Icelandic eth Ð (U+00D0) or ð (U+00F0),
or a Cyrillic or Greek letter drawn as a Latin one.

``fold`` now reads the eth as ``đ``: an upper-case eth looks exactly like the Vietnamese ``Đ``
(U+0110), and text from a legacy code page or a misread font holds it in its place, so ``Ðội
Ðặc nhiệm`` was a second unit beside ``Đội Đặc nhiệm`` and not found when the name was typed
plainly. It reads the Cyrillic and Greek letters drawn as Latin ones as those
(``dirtrack.text.LOOK_ALIKES``: ``Văn phòng Тỉnh ủy`` with a Cyrillic Т is ``Văn phòng Tỉnh
ủy``). This revision writes each stored key again as ``fold`` gives it now, where they
differ, exactly as revision 0013 did for the characters that show nothing (its ``upgrade``,
with the current ``fold``): a unique key that would become another row's is left as it is.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

import importlib.util
from pathlib import Path

revision = "0014"
down_revision = "0013"
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
    """Nothing to undo: a key with the eth read as ``đ`` finds what the old one found."""
