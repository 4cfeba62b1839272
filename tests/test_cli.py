"""The `wartrace` command end to end, on invented articles."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from wartrace.cli import cli
from wartrace.store import db

INVENTED_EN = (
    "INVENTED TOWN, Syria (Invented Wire) - Militants attacked an army checkpoint near the\n"
    "invented town on Saturday, killing at least 12 soldiers, a war monitor said.\n"
)
INVENTED_ID = (
    "KOTA KARANGAN (berita-karangan.example) - Sedikitnya 12 tentara tewas dalam serangan\n"
    "militan terhadap pos pemeriksaan tentara pada hari Sabtu, kata seorang pemantau perang.\n"
)


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en1.txt").write_text(INVENTED_EN, encoding="utf-8")
    (folder / "id1.txt").write_text(INVENTED_ID, encoding="utf-8")
    return folder


def invoke(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), env=env, input=stdin, catch_exceptions=False)


def test_help_everywhere() -> None:
    for verb in ("", "run", "ingest", "process", "demo", "export", "evaluate", "show", "serve"):
        result = invoke(*([verb] if verb else []), "--help")
        assert result.exit_code == 0, verb
        assert "Usage:" in result.output


def test_run_then_export(inputs: Path, tmp_path: Path) -> None:
    database = str(tmp_path / "w.db")
    result = invoke("run", str(inputs), "--db", database)
    assert result.exit_code == 0, result.output
    assert "articles processed" in result.output
    conn = db.connect(database)
    assert db.counts(conn)["processed"] == 2
    languages = dict(conn.execute("SELECT article_id, language FROM articles").fetchall())
    assert languages == {"en1": "en", "id1": "id"}

    result = invoke("--db", database, "export", "--articles")
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert {r["article_id"] for r in lines} == {"en1", "id1"}


def test_db_option_before_or_after_verb_and_env(inputs: Path, tmp_path: Path) -> None:
    before, after, env = (str(tmp_path / f"{n}.db") for n in ("before", "after", "env"))
    assert invoke("--db", before, "-q", "ingest", str(inputs)).exit_code == 0
    assert invoke("ingest", str(inputs), "--db", after, "--quiet").exit_code == 0
    assert invoke("ingest", str(inputs), env={"WARTRACE_DB": env}).exit_code == 0
    for path in (before, after, env):
        assert db.counts(db.connect(path))["articles"] == 2


def test_quiet_prints_nothing(inputs: Path, tmp_path: Path) -> None:
    result = invoke("run", str(inputs), "--db", str(tmp_path / "q.db"), "--quiet")
    assert result.exit_code == 0
    assert result.output == ""


def test_rejected_inputs_give_nonzero_exit_and_keep_the_rest(inputs: Path, tmp_path: Path) -> None:
    (inputs / "broken.jsonl").write_text(
        '{"id": "j1", "text": "An invented line."}\n{not json\n', encoding="utf-8"
    )
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    database = str(tmp_path / "r.db")
    result = CliRunner().invoke(cli, ["run", str(inputs), "--db", database])
    assert result.exit_code == 1
    assert "broken.jsonl" in result.output and "line 2" in result.output
    assert "empty.txt" in result.output
    assert db.counts(db.connect(database))["articles"] == 3


def test_stdin_dash(tmp_path: Path) -> None:
    database = str(tmp_path / "s.db")
    result = invoke("ingest", "-", "--db", database, stdin=INVENTED_EN)
    assert result.exit_code == 0, result.output
    (text,) = db.connect(database).execute("SELECT raw_text FROM articles").fetchone()
    assert text == INVENTED_EN


def test_rerun_is_idempotent(inputs: Path, tmp_path: Path) -> None:
    database = str(tmp_path / "i.db")
    invoke("run", str(inputs), "--db", database)
    first = db.counts(db.connect(database))
    result = invoke("run", str(inputs), "--db", database)
    assert "articles unchanged" in result.output
    assert db.counts(db.connect(database)) == first


def test_export_formats_to_files(inputs: Path, tmp_path: Path) -> None:
    database = str(tmp_path / "e.db")
    invoke("run", str(inputs), "--db", database, "-q")
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        assert invoke("export", "--db", database, "--format", fmt, "--out", str(out)).exit_code == 0
        assert out.exists()
    header = next(csv.reader(io.StringIO((tmp_path / "events.csv").read_text())))
    assert header[:3] == ["event_id_cnty", "event_date", "year"]
    assert "event_id" in pq.read_schema(tmp_path / "events.parquet").names


def test_export_without_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0
    assert "no database" in result.output


def test_show_article(inputs: Path, tmp_path: Path) -> None:
    database = str(tmp_path / "sh.db")
    invoke("run", str(inputs), "--db", database, "-q")
    result = invoke("show", "en1", "--db", database)
    assert result.exit_code == 0
    assert "language: en" in result.output
    missing = CliRunner().invoke(cli, ["show", "nope", "--db", database])
    assert missing.exit_code != 0 and "no article" in missing.output


def test_module_entry_point_runs(tmp_path: Path, inputs: Path) -> None:
    env = {**os.environ, "WARTRACE_DB": str(tmp_path / "m.db")}
    proc = subprocess.run(
        [sys.executable, "-m", "wartrace", "run", str(inputs), "-q"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
