"""Alembic environment: runs on the connection dirtrack hands over (see dirtrack.db.upgrade)."""

from alembic import context
from sqlalchemy import Connection, text

from dirtrack import models

target_metadata = models.metadata()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"
        engine = create_engine(url)
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # One migrator at a time when several clients start together; released at commit.
        from dirtrack.db import PG_MIGRATE_LOCK

        connection.execute(text(f"SELECT pg_advisory_xact_lock({PG_MIGRATE_LOCK})"))
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
