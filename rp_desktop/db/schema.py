"""Which schema a database has, and bringing it up to date through Alembic on open.

Reading the revision needs no Alembic, so an up-to-date database opens without importing it.
"""

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from rp_desktop.db.errors import NewerSchema

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration; a test checks that it matches the scripts in migrations/versions.
HEAD_REVISION = "0010"
KNOWN_REVISIONS = tuple(f"{number:04d}" for number in range(1, 11))


def current_revision(connection: Connection) -> str | None:
    """The database's schema revision, or None for a database with no RP Desktop schema."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine, path: Path) -> bool:
    """True when migrations must run; raises NewerSchema for a schema from a later version."""
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerSchema(path, revision)
    return revision != HEAD_REVISION


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to `target`, with foreign keys off as batch mode needs."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        # Batch migrations copy tables; foreign-key enforcement would trip over the copies.
        # The pragma only takes effect outside a transaction, hence before begin().
        _set_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left {len(broken)} broken references")
        finally:
            _set_foreign_keys(connection, on=True)


def _set_foreign_keys(connection: Connection, *, on: bool) -> None:
    """Switch enforcement on the driver's own connection, outside any transaction: inside one,
    SQLite ignores the pragma."""
    connection.commit()
    driver = connection.connection.dbapi_connection
    assert driver is not None
    driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    if driver.execute("PRAGMA foreign_keys").fetchone()[0] != int(on):
        raise RuntimeError("foreign-key enforcement could not be switched for the migration")
