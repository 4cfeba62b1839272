"""Derivation families (an original and what was copied or translated from it, at any
depth) and same-story partners (independent reports of the same facts)."""

from __future__ import annotations

import sqlite3


def family_root(conn: sqlite3.Connection, article_id: str) -> str:
    """The original a chain of copies and translations goes back to."""
    seen = {article_id}
    current = article_id
    while True:
        row = conn.execute(
            "SELECT derived_from FROM articles WHERE article_id = ?", (current,)
        ).fetchone()
        if row is None or row[0] is None or row[0] in seen:
            return current
        current = row[0]
        seen.add(current)


def family_members(conn: sqlite3.Connection, root: str) -> set[str]:
    members = {root}
    frontier = [root]
    while frontier:
        nxt = []
        for aid in frontier:
            for r in conn.execute("SELECT article_id FROM articles WHERE derived_from = ?", (aid,)):
                if r[0] not in members:
                    members.add(r[0])
                    nxt.append(r[0])
        frontier = nxt
    return members


def same_story_partners(conn: sqlite3.Connection, article_id: str) -> set[str]:
    """Articles judged to tell the same story as this one, independently (link_same_story)."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT b FROM link_same_story WHERE a = ? UNION SELECT a FROM link_same_story"
            " WHERE b = ?",
            (article_id, article_id),
        )
    }
