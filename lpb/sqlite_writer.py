"""SQLite's writers, one at a time: a queue across processes, WAL, and BEGIN IMMEDIATE.

An SQLite connection joins a file-locked queue before it writes, so concurrent writers wait their
turn instead of failing midway; a writer that waits too long is answered 503 busy (lpb/jsonapi.py).
PostgreSQL needs none of this.
"""

import fcntl
import os
import random
import signal
import sqlite3
import threading
import time

from flask import current_app, g, has_app_context, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

# How long a write waits for SQLite's write lock before the request is answered 503 busy.
SQLITE_BUSY_TIMEOUT_MS = 5000
# SQLite's own busy handler, for statements: short, since a transaction that writes holds the lock
# from its start; BEGIN IMMEDIATE waits in _take_write_lock instead.
SQLITE_STATEMENT_TIMEOUT_MS = 20
SQLITE_RETRY_SECONDS = 0.005
# How often a writer outside the main thread (a threaded development server) checks the queue.
SQLITE_QUEUE_POLL_SECONDS = 0.001


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


class _QueueTimeout(Exception):
    """The wait for the write queue passed its deadline."""


def _end_wait(_signal: int, _frame: object) -> None:
    """Interrupt a blocked wait for the write queue."""
    raise _QueueTimeout


class QueuedSQLiteConnection(sqlite3.Connection):
    """A SQLite connection whose write transactions queue on a lock file next to the database.

    SQLite lets a waiting writer poll, sleeping 1 to 10 ms between tries: with a few workers the
    write lock sat idle between transactions and the waiters took turns at random. A blocking
    flock wakes the next writer as soon as one commits. SQLite's own locking still decides (a
    writer without the queue, like the sqlite3 shell, is waited for as before); the queue only
    orders our writers, and the kernel releases it when a process dies.
    """

    queue_path: str | None = None  # None for an in-memory database
    _queue: int | None = None  # the lock file's descriptor, once opened

    def join_write_queue(self, deadline: float) -> None:
        """Wait, until deadline at most, for this connection's turn to write."""
        if self.queue_path is None:
            return
        if self._queue is None:
            self._queue = os.open(self.queue_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._queue, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if threading.current_thread() is threading.main_thread():
            _wait_blocking(self._queue, deadline)
        else:  # signals reach only the main thread: poll, still far more often than SQLite
            while time.monotonic() < deadline:
                time.sleep(SQLITE_QUEUE_POLL_SECONDS)
                try:
                    fcntl.flock(self._queue, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return
                except BlockingIOError:
                    continue

    def leave_write_queue(self) -> None:
        """Let the next writer go (harmless when this connection was not in the queue)."""
        if self._queue is not None:
            fcntl.flock(self._queue, fcntl.LOCK_UN)

    def commit(self) -> None:
        """Commit, then let the next writer go: it starts on what this one wrote."""
        try:
            super().commit()
        finally:
            self.leave_write_queue()

    def rollback(self) -> None:
        """Roll back, then let the next writer go."""
        try:
            super().rollback()
        finally:
            self.leave_write_queue()

    def close(self) -> None:
        """Close the database and the lock file."""
        try:
            super().close()
        finally:
            if self._queue is not None:
                os.close(self._queue)  # also releases the lock
                self._queue = None


def _wait_blocking(queue: int, deadline: float) -> None:
    """Block on the lock file until it is ours, or until an alarm at the deadline ends the wait."""
    previous = signal.signal(signal.SIGALRM, _end_wait)
    started = time.monotonic()
    pending, interval = signal.setitimer(signal.ITIMER_REAL, max(deadline - started, 0.001))
    try:
        fcntl.flock(queue, fcntl.LOCK_EX)
    except _QueueTimeout:
        pass  # BEGIN IMMEDIATE decides: most likely busy, answered 503
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if pending:  # someone else's alarm was set: it goes on (late, if it was due meanwhile)
            left = max(pending - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, interval)


def engine_options(database_uri: str) -> dict:
    """Return the engine options a database needs: SQLite's connections join the write queue."""
    if not database_uri.startswith("sqlite"):
        return {}
    return {"connect_args": {"factory": QueuedSQLiteConnection}}


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
    if isinstance(dbapi_connection, QueuedSQLiteConnection):
        main_file = next(
            row[2] for row in cursor.execute("PRAGMA database_list") if row[1] == "main"
        )
        dbapi_connection.queue_path = f"{main_file}-writers" if main_file else None
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
    if isinstance(raw, QueuedSQLiteConnection):
        raw.join_write_queue(deadline)
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
