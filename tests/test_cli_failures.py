"""Operational failures end in one line and a documented exit code, never a traceback.

Locked, read-only, corrupt, foreign or newer database, disk full, missing folders, a
second writer; read-only verbs never write. Texts invented.
"""

from __future__ import annotations

import fcntl
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from wartrace.cli import cli
from wartrace.store import access, db

SRC = str(Path(__file__).resolve().parents[1] / "src")
# invented
TEXT = (
    "INVENTED TOWN (Invented Wire) - Gunmen attacked a police post in the invented town of\n"
    "Barrow Vale on Saturday, killing three officers, officials said.\n"
)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _one_line_error(result: Result | subprocess.CompletedProcess[str]) -> str:
    err = result.stderr if isinstance(result, subprocess.CompletedProcess) else result.output
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    path = folder / "w.db"
    assert invoke("run", str(folder / "a.txt"), "--db", str(path), "-q").exit_code == 0
    return path


def _copy(store: Path, folder: Path) -> Path:
    target = folder / "copy.db"
    src = sqlite3.connect(store)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


def _wartrace(
    *args: str, preexec: Callable[[], None] | None = None, cwd: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run(
        [sys.executable, "-m", "wartrace", *args],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=preexec,
        cwd=cwd,
        timeout=300,
    )


def test_export_refuses_a_foreign_sqlite_file_and_leaves_it_untouched(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    for verb in (["export"], ["show", "x"], ["run", str(tmp_path)]):
        result = invoke(*verb, "--db", str(foreign))
        assert result.exit_code == access.EXIT_BAD_STORE, result.output
        assert "not a wartrace database" in _one_line_error(result)
    assert foreign.read_bytes() == before


def test_a_newer_schema_is_refused_clearly(store: Path, tmp_path: Path) -> None:
    newer = _copy(store, tmp_path)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    for verb in (["export"], ["process"]):
        result = invoke(*verb, "--db", str(newer))
        assert result.exit_code == access.EXIT_BAD_STORE
        assert "newer wartrace" in _one_line_error(result)


def test_a_corrupt_database_is_one_line_and_its_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    for verb in (["export"], ["process"]):
        result = invoke(*verb, "--db", str(bad))
        assert result.exit_code == access.EXIT_BAD_STORE, result.output
        _one_line_error(result)


def test_missing_folders_for_the_database_and_the_output(store: Path, tmp_path: Path) -> None:
    result = invoke("run", str(tmp_path), "--db", str(tmp_path / "no" / "such" / "w.db"))
    assert result.exit_code == access.EXIT_NO_PATH
    assert "does not exist" in _one_line_error(result)
    result = invoke("export", "--db", str(store), "--out", str(tmp_path / "no" / "out.csv"))
    assert result.exit_code == access.EXIT_NO_PATH
    _one_line_error(result)
    result = invoke("export", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == access.EXIT_NO_PATH


def test_a_second_writer_refuses_clearly_while_readers_go_on(store: Path, tmp_path: Path) -> None:
    path = _copy(store, tmp_path)
    fd = os.open(path, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as a running `wartrace run` holds it
    try:
        result = invoke("process", "--db", str(path))
        assert result.exit_code == access.EXIT_BUSY
        assert "another wartrace process" in _one_line_error(result)
        assert invoke("export", "--db", str(path)).exit_code == 0
    finally:
        os.close(fd)
    assert invoke("process", "--db", str(path), "-q").exit_code == 0


def test_a_locked_database_is_reported_as_busy(store: Path, tmp_path: Path) -> None:
    path = _copy(store, tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")  # another program holds SQLite's own lock
    try:
        failure = access.failure_of(sqlite3.OperationalError("database is locked"))
        assert failure.code == access.EXIT_BUSY
        result = _wartrace("export", "--db", str(path))
        assert result.returncode == access.EXIT_BUSY, result.stderr
        assert "locked" in _one_line_error(result)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _limit_file_size(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_disk_full_during_run_is_one_line_and_exit_code(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for i in range(30):
        (tmp_path / "in" / f"a{i}.txt").write_text(TEXT * 20 + f"Item {i}.\n", encoding="utf-8")
    result = _wartrace(
        "run",
        str(tmp_path / "in"),
        "--db",
        str(tmp_path / "w.db"),
        preexec=_limit_file_size(40 * 1024),
    )
    assert result.returncode == access.EXIT_DISK_FULL, result.stderr
    assert "disk full" in _one_line_error(result)


def test_export_out_is_atomic_a_failed_export_keeps_the_old_file(
    store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    out.write_text("old complete export\n" * 2000, encoding="utf-8")  # 40 kB
    result = _wartrace(
        "export",
        "--db",
        str(store),
        "--format",
        "csv",
        "--out",
        str(out),
        preexec=_limit_file_size(100),
    )
    assert result.returncode == access.EXIT_DISK_FULL, result.stderr
    _one_line_error(result)
    assert out.read_text(encoding="utf-8") == "old complete export\n" * 2000
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]  # no temporary left over
    ok = invoke("export", "--db", str(store), "--format", "csv", "--out", str(out))
    assert ok.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("event_id_cnty,")


@pytest.fixture()
def read_only_folder(store: Path) -> Iterator[Path]:
    """A copy of the store in a folder nobody may write (run as an unprivileged user when
    the tests run as root, since root ignores modes)."""
    folder = Path(tempfile.mkdtemp(prefix="wartrace-ro-"))
    folder.chmod(0o755)
    target = folder / "w.db"
    shutil.copy(store, target)
    target.chmod(0o444)
    folder.chmod(0o555)
    yield target
    folder.chmod(0o755)
    shutil.rmtree(folder)


def _as_unprivileged(work: Callable[[], None]) -> int:
    """Run ``work`` in a forked child that cannot write the folder (an unprivileged user
    when the tests run as root, since root ignores file modes); returns its exit code."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            work()
            code = 0
        except BaseException as exc:  # reported through the exit code
            sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
        finally:
            os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_read_verbs_work_on_a_read_only_database_in_a_read_only_folder(
    read_only_folder: Path,
) -> None:
    from fastapi.testclient import TestClient

    from wartrace.web.app import create_app

    db_path = str(read_only_folder)

    def export_csv() -> None:
        result = invoke("export", "--db", db_path, "--format", "csv")
        assert result.exit_code == 0, result.output
        assert result.output.startswith("event_id_cnty,")

    def dashboard() -> None:
        client = TestClient(create_app(db_path, read_only=True))
        assert client.get("/api/events").status_code == 200

    def writer() -> None:
        result = invoke("process", "--db", db_path)
        assert result.exit_code == access.EXIT_READ_ONLY, result.output
        _one_line_error(result)

    assert _as_unprivileged(export_csv) == 0
    assert _as_unprivileged(dashboard) == 0
    assert _as_unprivileged(writer) == 0
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == ["w.db"]


def test_read_verbs_never_migrate_or_create(store: Path, tmp_path: Path) -> None:
    path = _copy(store, tmp_path)
    before = path.read_bytes()
    assert invoke("export", "--db", str(path)).exit_code == 0
    assert invoke("show", "a", "--db", str(path)).exit_code == 0
    assert path.read_bytes() == before
    conn = access.open_read_only(path)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM events")
    assert db.schema_version(conn) == access.latest_version()


def test_export_into_a_closed_pipe_is_quiet(store: Path) -> None:
    """`wartrace export | head`: the reader leaving early is not an error."""
    env = {**os.environ, "PYTHONPATH": SRC}
    export = subprocess.Popen(
        [sys.executable, "-m", "wartrace", "--db", str(store), "export", "--articles"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert export.stdout is not None and export.stderr is not None
    export.stdout.close()  # the reader is gone before the first byte
    err = export.stderr.read().decode()
    assert export.wait(timeout=300) == 0, err
    assert "Traceback" not in err and "error:" not in err
