"""Flask extensions, created unbound and bound in the app factory."""

import sqlite3

from flask import current_app, has_app_context, has_request_context, request
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base with stable constraint names for migrations."""

    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)
csrf = CSRFProtect()
migrate = Migrate()


# SQLite's fsync policy in WAL mode (config SQLITE_SYNCHRONOUS). FULL, the default, syncs the log
# at every commit: an acknowledged write survives a power cut. NORMAL syncs only at checkpoints:
# it survives a crash of the app, but a power cut or an OS crash may lose the last commits.
SQLITE_SYNCHRONOUS = ("FULL", "NORMAL")


def _sqlite_synchronous() -> str:
    """Return the configured synchronous mode, FULL unless NORMAL is asked for."""
    wanted = current_app.config.get("SQLITE_SYNCHRONOUS", "FULL") if has_app_context() else "FULL"
    if str(wanted).upper() not in SQLITE_SYNCHRONOUS:
        raise ValueError(f"SQLITE_SYNCHRONOUS must be one of {SQLITE_SYNCHRONOUS}, not {wanted!r}")
    return str(wanted).upper()


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection: object, _record: object) -> None:
    """Use WAL and a busy timeout, and let SQLAlchemy (not pysqlite) begin transactions."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA synchronous={_sqlite_synchronous()}")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@event.listens_for(Engine, "begin")
def _begin_immediate(connection: Connection) -> None:
    """Take SQLite's write lock at the start, so two writers queue instead of failing midway.

    A GET only reads (the session's last-seen time is written in a transaction of its own), so
    it begins a plain transaction: in WAL mode readers never wait for a writer.
    """
    if connection.dialect.name != "sqlite":
        return
    reading = has_request_context() and request.method in ("GET", "HEAD")
    connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")
