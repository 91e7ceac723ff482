"""A throwaway PostgreSQL server for the tests (Debian's postgresql package, started here)."""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


def _binary(name: str) -> str:
    """Return the path of a PostgreSQL server program, newest version first."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    if not found:
        raise RuntimeError(
            f"PostgreSQL's {name} is missing: install Debian's postgresql package "
            "(scripts/test does that)."
        )
    return found[0]


def _as_postgres(command: list[str]) -> list[str]:
    """Run as the postgres user when we are root, since the server refuses to run as root."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    """Return a free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# A test cluster need not survive a power cut; a benchmark that claims durability asks for one that does.
FAST = "-c fsync=off"
DURABLE = "-c fsync=on -c synchronous_commit=on -c full_page_writes=on"


@contextmanager
def running_postgres(durable: bool = False):
    """Start a PostgreSQL server in a temporary folder; yield its URL; stop and remove it.

    durable=True runs it as a production server would (fsync=on, synchronous_commit=on): a commit
    returns only once its WAL is on disk. The tests' default, fsync=off, is faster and not durable.
    """
    folder = Path(tempfile.mkdtemp(prefix="lpb-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres(
            [_binary("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync"]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_postgres(
            [
                _binary("pg_ctl"),
                "-D",
                str(data),
                "-w",
                "-l",
                str(folder / "log"),
                "-o",
                f"-k {folder} -p {port} -c listen_addresses='' {DURABLE if durable else FAST}",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        for _ in range(50):
            if (folder / f".s.PGSQL.{port}").exists():
                break
            time.sleep(0.1)
        yield f"postgresql+psycopg://postgres@/postgres?host={folder}&port={port}"
    finally:
        subprocess.run(
            _as_postgres([_binary("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)
