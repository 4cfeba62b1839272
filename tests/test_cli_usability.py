"""The command line as a new user meets it: hints that work as printed, one-line errors
instead of tracebacks, no silent wrong results, ways to find ids. All articles invented."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from wartrace.cli import cli
from wartrace.cli import common as cli_common
from wartrace.cli import processing as cli_processing
from wartrace.store.access import EXIT_NO_PATH

# invented
INVENTED_EN = (
    "NORTH INVENTA, Syria (Invented Wire) - Militants attacked an army checkpoint near the\n"
    "invented town of Qasr Dummy on Saturday, killing at least 12 soldiers, a monitor said.\n"
)
# invented
INVENTED_ID = (
    "KOTA KARANGAN (berita-karangan.example) - Sedikitnya 3 warga tewas dalam serangan\n"
    "bom di pasar kota Homs pada hari Senin, kata polisi.\n"
)


def invoke(*args: str, **kw: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("usability")
    (folder / "in").mkdir()
    (folder / "in" / "en1.txt").write_text(INVENTED_EN, encoding="utf-8")
    (folder / "in" / "id1.txt").write_text(INVENTED_ID, encoding="utf-8")
    database = folder / "u.db"
    result = invoke("run", str(folder / "in"), "--db", str(database), "-q")
    assert result.exit_code == 0, result.output
    return database


def test_hint_names_the_command_as_it_was_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    venv_bin = tmp_path / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "wartrace").write_text("#!/bin/sh\n")
    (venv_bin / "wartrace").chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # the venv is not on PATH, as after `make demo`
    monkeypatch.setattr(sys, "argv", [".venv/bin/wartrace", "demo"])
    assert cli_common.self_command() == ".venv/bin/wartrace"
    monkeypatch.setenv("PATH", f"{venv_bin}:/usr/bin:/bin")
    assert cli_common.self_command() == "wartrace"
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "pkg" / "__main__.py")])
    assert cli_common.self_command().endswith(" -m wartrace")


def test_serve_without_database_names_the_demo_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WARTRACE_DB", raising=False)
    (tmp_path / "wartrace-demo.db").write_bytes(b"")
    result = invoke("serve")
    assert result.exit_code == EXIT_NO_PATH
    assert "wartrace-demo.db" in result.output and "--db wartrace-demo.db serve" in result.output
    assert "Traceback" not in result.output


def test_serve_on_a_busy_port_is_one_line(store: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = invoke("serve", "--db", str(store), "--port", str(port), "-q")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and f"cannot listen on 127.0.0.1:{port}" in lines[0]


def test_report_into_a_missing_folder_is_one_line(store: Path, tmp_path: Path) -> None:
    result = invoke(
        "report",
        "--db",
        str(store),
        "--since",
        "2020-01-01",
        "--out",
        str(tmp_path / "nope" / "r.html"),
    )
    assert result.exit_code == 1
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_report_of_an_empty_period_warns(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = invoke(
        "report",
        "--db",
        str(store),
        "--since",
        "1990-01-01",
        "--until",
        "1990-01-31",
        "--out",
        str(out),
    )
    assert result.exit_code == 0
    assert "warning: no events dated 1990-01-01 to 1990-01-31" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_evaluate_checks_for_gold_before_ingesting(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(INVENTED_EN, encoding="utf-8")
    kept = tmp_path / "eval.db"
    result = invoke("evaluate", str(corpus), "--db", str(kept))
    assert result.exit_code == 1
    assert "no gold/events.jsonl" in result.output
    assert not kept.exists()


def test_export_takes_the_format_from_the_extension(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert invoke("export", "--db", str(store), "--out", str(out)).exit_code == 0
    header = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert header[0] == "event_id_cnty"
    jsonl = tmp_path / "e.jsonl"
    assert invoke("export", "--db", str(store), "--out", str(jsonl)).exit_code == 0
    assert json.loads(jsonl.read_text(encoding="utf-8").splitlines()[0])["event_id"]
    plain = invoke("export", "--db", str(store), "--out", str(tmp_path / "e.json"))
    assert plain.exit_code == 2 and ".jsonl" in plain.output


@pytest.mark.parametrize(
    "verb", [["process"], ["report", "--since", "2020-01-01", "--out", "r.html"]]
)
def test_verbs_that_need_a_database_refuse_without_one(
    verb: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "none.db"
    result = invoke(*verb, "--db", str(missing))
    assert result.exit_code == EXIT_NO_PATH and "no database" in result.output
    assert not missing.exists()


def test_run_on_a_wrong_path_creates_nothing(tmp_path: Path) -> None:
    database = tmp_path / "w.db"
    result = invoke("run", str(tmp_path / "wrong" / "path"), "--db", str(database))
    assert result.exit_code == 2 and "does not exist" in result.output
    assert "ingested" not in result.output
    assert not database.exists()


def test_list_events_and_articles_with_dashboard_filters(store: Path) -> None:
    events = invoke("list", "--db", str(store), "--jsonl")
    assert events.exit_code == 0
    rows = [json.loads(line) for line in events.output.splitlines()]
    assert rows and all(r["event_id"].startswith("ev-") for r in rows)
    table = invoke("list", "--db", str(store))  # piped: tab-separated with a header
    assert table.output.splitlines()[0].split("\t")[0] == "event_id"
    arts = invoke("list", "--articles", "--language", "id", "--db", str(store), "--jsonl")
    ids = [json.loads(line)["article_id"] for line in arts.output.splitlines()]
    assert ids == ["id1"]
    none = invoke("list", "--since", "1990-01-01", "--until", "1990-12-31", "--db", str(store))
    assert none.output.splitlines() == [
        "\t".join(("event_id", "event_date", "event_type", "location", "country", "fatalities"))
    ]
    bad = invoke("list", "--since", "yesterday", "--db", str(store))
    assert bad.exit_code == 2 and "since: expected a date" in bad.output


def test_show_takes_an_event_id(store: Path) -> None:
    listed = invoke("list", "--db", str(store), "--jsonl")
    event_id = json.loads(listed.output.splitlines()[0])["event_id"]
    result = invoke("show", event_id, "--db", str(store))
    assert result.exit_code == 0
    assert f"event: {event_id}" in result.output and "report in " in result.output
    # every death claim says whether it counts toward the event's figure
    claim_lines = [ln for ln in result.output.splitlines() if ln.startswith("    killed ")]
    assert claim_lines and all(ln.endswith("]") for ln in claim_lines)
    assert any("[counted]" in ln for ln in claim_lines)
    missing = invoke("show", "ev-nope", "--db", str(store))
    assert missing.exit_code == 1 and "list` prints the ids" in missing.output


def test_first_run_says_it_builds_the_gazetteer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(INVENTED_EN, encoding="utf-8")
    monkeypatch.setattr(cli_processing, "_gazetteer_ready", lambda: False)
    result = invoke("run", str(tmp_path / "a.txt"), "--db", str(tmp_path / "g.db"))
    assert "Building the offline gazetteer" in result.output
    quiet = invoke("run", str(tmp_path / "a.txt"), "--db", str(tmp_path / "g2.db"), "-q")
    assert "gazetteer" not in quiet.output


@pytest.mark.skipif(shutil.which("chromium") is None, reason="PDF printing needs Chromium")
def test_report_as_pdf(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = invoke("report", "--db", str(store), "--since", "2000-01-01", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
