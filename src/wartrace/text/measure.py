"""Measure the text stage on an annotated corpus (see the corpus FORMAT.md).

    python -m wartrace.text.measure /path/to/corpus [--lines]

Prints, per article, the boilerplate lines removed (with ``--lines``, the lines
themselves, to check that none is article text), the language against the gold, the
origin fields, then language accuracy, printed-date agreement and the speed.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from wartrace.text import analyse_text, line_keys, outlet_key
from wartrace.text.dates import _parse_core_cached
from wartrace.text.lines import split_lines


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--lines", action="store_true", help="print every removed line")
    args = parser.parse_args(argv)
    meta = _read_jsonl(args.corpus / "articles.jsonl")
    gold = {g["id"]: g for g in _read_jsonl(args.corpus / "gold" / "articles.jsonl")}
    texts = {
        m["id"]: (args.corpus / "articles" / f"{m['id']}.txt").read_text("utf-8") for m in meta
    }

    # learned boilerplate, as the pipeline does it: lines recurring in >= 3 articles of an outlet
    per_outlet: dict[str | None, Counter[str]] = {}
    keys = {m["id"]: outlet_key(texts[m["id"]], m.get("url"), m.get("outlet")) for m in meta}
    for m in meta:
        per_outlet.setdefault(keys[m["id"]], Counter()).update(line_keys(texts[m["id"]]))

    lang_ok = date_ok = date_n = removed_total = 0
    started = time.perf_counter()
    for m in meta:
        text, key = texts[m["id"]], keys[m["id"]]
        recurring = {h for h, n in per_outlet[key].items() if n >= 3} if key else set()
        a = analyse_text(
            text,
            url=m.get("url"),
            outlet=m.get("outlet"),
            published=m.get("published"),
            title=m.get("title"),
            recurring_lines=recurring,
        )
        g = gold.get(m["id"], {})
        lang_ok += a.language == g.get("language")
        if a.printed_date and g.get("published"):
            date_n += 1
            date_ok += a.printed_date == g["published"]
        removed_total += len(a.boilerplate)
        rules = Counter(s.label for s in a.boilerplate)
        print(
            f"{m['id']}\tlines={len(split_lines(text))}\tremoved={len(a.boilerplate)}"
            f"\tlang={a.language}/{g.get('language')} {a.language_confidence:.2f}"
            f"\toutlet={a.outlet!r} credit={a.credit!r} dateline={a.dateline!r}"
            f" printed={a.printed_date} headline={(a.headline or '')[:40]!r}"
            f"\trules={dict(rules)} warnings={a.warnings}"
        )
        if args.lines:
            for s in a.boilerplate:
                print(f"    [{s.label}] {text[s.start : s.end][:100]!r}")
    elapsed = time.perf_counter() - started
    n = len(meta)
    print(f"language accuracy: {lang_ok}/{n}")
    print(f"printed date = gold published: {date_ok}/{date_n} (where both exist)")
    print(f"boilerplate lines removed: {removed_total} in {n} articles")
    print(f"speed (first pass, includes loading the models): {n / elapsed:.1f} articles/s")
    _parse_core_cached.cache_clear()  # the warm pass must parse its dates again
    started = time.perf_counter()
    for m in meta:
        analyse_text(
            texts[m["id"]],
            url=m.get("url"),
            outlet=m.get("outlet"),
            published=m.get("published"),
            title=m.get("title"),
            recurring_lines=set(),
        )
    print(f"speed (warm): {n / (time.perf_counter() - started):.1f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
