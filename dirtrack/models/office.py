"""The issuing office's details.

Built when first named (see :mod:`dirtrack.models`).
"""

from sqlmodel import Field, SQLModel

from dirtrack.models import DEFERRED


class Office(SQLModel, table=True):
    """The issuing office's details that its documents carry (one row, id 1).

    ``kind`` decides the layout: ``party`` (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW) or ``state``
    (NĐ 30/2020/NĐ-CP). ``recipients`` holds the default ``Kính gửi`` list as a JSON array.
    A new setting is a new nullable column here, in a migration, and in
    :data:`dirtrack.store.office.FIELDS`.
    """

    model_config = DEFERRED

    __tablename__ = "office"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="state", max_length=16)
    parent_body: str | None = Field(default=None, max_length=400)
    body: str | None = Field(default=None, max_length=400)
    code: str | None = Field(default=None, max_length=64)
    place: str | None = Field(default=None, max_length=200)
    signer_name: str | None = Field(default=None, max_length=200)
    signer_title: str | None = Field(default=None, max_length=200)
    signer_authority: str | None = Field(default=None, max_length=200)
    recipients: str | None = None
    template: str | None = None
    # Completions: whether the office accepts them (nghiệm thu), and which day decides on time:
    # ``document`` (the result document's date) or ``acceptance`` (migration 0008).
    accepts_completions: bool | None = None
    on_time_by: str | None = Field(default=None, max_length=16)
