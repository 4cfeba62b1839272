"""What one event-linking run looks up again and again, kept for the run: derivation
families and same-story partners (the derivation step has fixed them before events are
built), and the matching facts of each event row (recomputed whenever the row differs)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from wartrace.link.families import family_members, family_root, same_story_partners
from wartrace.link.match import Facts, facts


@dataclass
class RunMemo:
    conn: sqlite3.Connection
    roots: dict[str, str] = field(default_factory=dict)  # article -> its family's root
    members: dict[str, set[str]] = field(default_factory=dict)  # root -> family (read only)
    partners: dict[str, set[str]] = field(default_factory=dict)  # article -> same story
    event_facts: dict[str, tuple[tuple[object, ...], Facts]] = field(default_factory=dict)

    def root(self, article_id: str) -> str:
        if article_id not in self.roots:
            self.roots[article_id] = family_root(self.conn, article_id)
        return self.roots[article_id]

    def family(self, root: str) -> set[str]:
        """The members of the family of ``root`` (a shared set: do not change it)."""
        if root not in self.members:
            self.members[root] = family_members(self.conn, root)
        return self.members[root]

    def same_story(self, article_id: str) -> set[str]:
        """Same-story partners of an article (a shared set: do not change it)."""
        if article_id not in self.partners:
            self.partners[article_id] = same_story_partners(self.conn, article_id)
        return self.partners[article_id]

    def facts_of(self, row: sqlite3.Row) -> Facts:
        """``match.facts`` of an event row, computed again only when the row's values
        changed (an event is refreshed each time a report joins it)."""
        key = tuple(row)
        cached = self.event_facts.get(row["event_id"])
        if cached is not None and cached[0] == key:
            return cached[1]
        found = facts(row)
        self.event_facts[row["event_id"]] = (key, found)
        return found
