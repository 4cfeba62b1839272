"""Opening the store safely, and what an operational failure means to the person at the keys.

* Writers (``run``, ``ingest``, ``process``, ``demo``) hold an exclusive lock on the database
  for the whole command, so a second writer refuses at once with a clear message instead of
  interleaving with the first (``StoreBusy``).
* Readers (``export``, ``show``, ``report``, ``serve``) open the file read-only and never
  migrate: they refuse a file that is not a wartrace store, or one of another schema
  version, and work on a database in a read-only folder.
* ``failure_of`` turns SQLite and OS errors into a one-line message and an exit code.
"""

from __future__ import annotations

import errno
import fcntl
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from wartrace.store import db

# Exit codes of the command line (documented in the README).
EXIT_BUSY = 3  # another wartrace process is writing, or the database stayed locked
EXIT_BAD_STORE = 4  # corrupt, not a wartrace database, or another schema version
EXIT_READ_ONLY = 5  # no permission to write (read-only file, folder or file system)
EXIT_DISK_FULL = 6  # disk full, file-size limit, or a failing disk
EXIT_NO_PATH = 7  # the database (for readers) or a parent folder does not exist

REQUIRED_TABLES = frozenset({"articles", "events", "reports", "claims"})


class StoreError(Exception):
    """An operational failure with its exit code; the message is one line for the user."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def latest_version() -> int:
    return max(version for version, _ in db._migrations())


def check_store(conn: sqlite3.Connection, path: str | Path, *, writable: bool) -> None:
    """Refuse a file that is not a wartrace store of a version this program knows.

    A writer may upgrade an older store (migrations) and may create a new one; a reader
    may do neither.
    """
    version = db.schema_version(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    latest = latest_version()
    if version == 0 and not tables and writable:
        return  # a new, empty file: the writer creates the store
    if version == 0 or not tables >= REQUIRED_TABLES:
        raise StoreError(f"{path} is an SQLite file but not a wartrace database", EXIT_BAD_STORE)
    if version > latest:
        raise StoreError(
            f"{path} was written by a newer wartrace (schema {version}; this one knows up to"
            f" {latest}); upgrade wartrace to read it",
            EXIT_BAD_STORE,
        )
    if version < latest and not writable:
        raise StoreError(
            f"{path} has an older schema ({version} < {latest}); run `wartrace process"
            f" --db {path}` once to upgrade it",
            EXIT_BAD_STORE,
        )


def open_read_only(path: str | Path) -> sqlite3.Connection:
    """The store at ``path`` opened so that nothing can be written, even by mistake.

    In a read-only folder SQLite cannot create the WAL's shared-memory file; the file is
    then opened as immutable (no process can be writing where no file can be created).
    """
    p = Path(path)
    if not p.is_file():
        raise StoreError(f"no database at {path}; run `wartrace run` first", EXIT_NO_PATH)
    uri = p.resolve().as_uri()
    last: sqlite3.Error | None = None
    for suffix in ("?mode=ro", "?mode=ro&immutable=1"):
        conn = sqlite3.connect(uri + suffix, uri=True, check_same_thread=False)
        try:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("PRAGMA busy_timeout = 5000")
            check_store(conn, path, writable=False)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if _primary(exc) not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
                raise
            last = exc
            continue
        except BaseException:
            conn.close()
            raise
        conn.row_factory = sqlite3.Row
        return conn
    assert last is not None
    raise last


_held: dict[str, int] = {}  # database path -> descriptor holding its writer lock


def connect_writer(path: str | Path) -> sqlite3.Connection:
    """The store opened (created, migrated) for writing by this process alone.

    The lock is held until the process ends, so the steps of one command (ingest, process,
    summary) cannot interleave with another writer's.
    """
    p = Path(path)
    if not p.parent.is_dir():
        raise StoreError(
            f"folder {p.parent} does not exist (for the database {path})", EXIT_NO_PATH
        )
    if p.exists():
        _check_existing(p)
    _lock(p)
    try:
        return db.connect(p)
    except sqlite3.Error as exc:
        raise failure_of(exc, path) from None


def _lock(p: Path) -> None:
    key = str(p.resolve())
    if key in _held:
        return
    try:
        fd = os.open(p, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise failure_of(exc, p) from None
    try:
        # flock, not fcntl: SQLite's own POSIX locks on the file are left alone. The
        # descriptor stays open: closing it while SQLite has the file open would drop
        # SQLite's locks.
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StoreError(
            f"another wartrace process is writing to {p}; wait for it to finish"
            " (readers such as export and serve may run meanwhile)",
            EXIT_BUSY,
        ) from None
    _held[key] = fd


def _check_existing(p: Path) -> None:
    """Refuse a foreign or newer file before migrations could add tables to it."""
    try:
        conn = sqlite3.connect(p.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise failure_of(exc, p) from None
    try:
        check_store(conn, p, writable=True)
    except sqlite3.Error as exc:
        raise failure_of(exc, p) from None
    finally:
        conn.close()


def _primary(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def failure_of(exc: BaseException, path: str | Path | None = None) -> StoreError:
    """The one-line message and exit code for an operational failure."""
    if isinstance(exc, StoreError):
        return exc
    where = f" ({path})" if path else ""
    if isinstance(exc, sqlite3.Error):
        code = _primary(exc)
        text = str(exc)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
            return StoreError(f"database is locked by another process{where}", EXIT_BUSY)
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) or "readonly" in text:
            return StoreError(f"cannot write the database: it is read-only{where}", EXIT_READ_ONLY)
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text:
            return StoreError(
                f"database is corrupt or not an SQLite file{where}: {text}", EXIT_BAD_STORE
            )
        if code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
            return StoreError(
                f"cannot write the database: disk full, file-size limit or disk error{where}",
                EXIT_DISK_FULL,
            )
        if code == sqlite3.SQLITE_CANTOPEN:
            return StoreError(f"cannot open the database{where}", EXIT_NO_PATH)
        return StoreError(f"database error{where}: {text}", EXIT_BAD_STORE)
    if isinstance(exc, OSError):
        name = exc.filename or path
        at = f" ({name})" if name else ""
        if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO):
            return StoreError(f"cannot write: disk full or file-size limit{at}", EXIT_DISK_FULL)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return StoreError(f"permission denied or read-only{at}", EXIT_READ_ONLY)
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return StoreError(f"no such file or folder{at}", EXIT_NO_PATH)
        return StoreError(f"{exc.strerror or exc}{at}", EXIT_BAD_STORE)
    raise TypeError(exc)


OPERATIONAL = (StoreError, sqlite3.Error, OSError)


@contextmanager
def atomic_file(out: str | Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A file written under a temporary name beside ``out`` and renamed over it only once
    complete: a failed export (disk full, interrupted) leaves the old file untouched."""
    target = Path(out)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)  # as a plain open() would create it, not mkstemp's 0600
    try:
        if binary:
            stream: IO[Any] = os.fdopen(fd, "wb")
        else:
            stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
