"""Flask extensions, created unbound and bound in the app factory."""

import random
import sqlite3
import time

from flask import current_app, g, has_app_context, has_request_context, request
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


# How long a write waits for SQLite's write lock before the request is answered 503 busy.
SQLITE_BUSY_TIMEOUT_MS = 5000
# SQLite's own busy handler, for statements: short, since a transaction that writes holds the lock
# from its start; BEGIN IMMEDIATE waits in _take_write_lock instead.
SQLITE_STATEMENT_TIMEOUT_MS = 20
SQLITE_RETRY_SECONDS = 0.005

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
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_STATEMENT_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@event.listens_for(Engine, "begin")
def _begin_immediate(connection: Connection) -> None:
    """Take SQLite's write lock at the start, so two writers queue instead of failing midway."""
    if connection.dialect.name != "sqlite":
        return
    # A GET only reads (the session's last-seen time is written in a transaction of its own), and
    # so does finding the signed-in user before an API view (g.reading): in WAL mode such a plain
    # transaction never waits for a writer.
    if has_request_context() and (request.method in ("GET", "HEAD") or g.get("reading")):
        connection.exec_driver_sql("BEGIN")
    else:
        _take_write_lock(connection)


def _take_write_lock(connection: Connection) -> None:
    """Begin an immediate transaction, trying every few milliseconds until SQLITE_BUSY_TIMEOUT_MS."""
    # SQLite's busy handler sleeps up to 100 ms between tries, so a waiter kept missing the short
    # gaps between another's transactions (a large import's chunks); trying often, it does not.
    raw = connection.connection.driver_connection
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while isinstance(raw, sqlite3.Connection) and time.monotonic() < deadline:
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                break
        time.sleep(SQLITE_RETRY_SECONDS * random.uniform(0.5, 1.5))
    # Once more through SQLAlchemy, so that a failure is its OperationalError (503 when busy).
    connection.exec_driver_sql("BEGIN IMMEDIATE")
