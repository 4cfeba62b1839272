"""What one event-linking run looks up again and again, kept for the run: derivation
families and same-story partners (the derivation step has fixed them before events are
built), whether an article is a note and the dates a report's sentences write out (the
link index does not change while events are built), the matching facts of each event row
(recomputed whenever the row differs), and each event's articles and named places
(forgotten whenever the event's reports change: ``forget``)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from wartrace.link.event_evidence import (
    MAX_PLACE_REPORTS,
    event_articles,
    event_states,
    stated_dates,
    with_places,
)
from wartrace.link.families import family_members, family_root, same_story_partners
from wartrace.link.match import Facts, facts
from wartrace.link.refresh import FieldState, Member, field_state


@dataclass
class RunMemo:
    conn: sqlite3.Connection
    roots: dict[str, str] = field(default_factory=dict)  # article -> its family's root
    members: dict[str, set[str]] = field(default_factory=dict)  # root -> family (read only)
    partners: dict[str, set[str]] = field(default_factory=dict)  # article -> same story
    event_facts: dict[str, tuple[tuple[object, ...], Facts]] = field(default_factory=dict)
    notes: dict[str, bool] = field(default_factory=dict)  # article -> is a note
    articles_of: dict[str, set[str]] = field(default_factory=dict)  # event -> its articles
    places_of: dict[str, tuple[Facts, Facts]] = field(default_factory=dict)  # event -> facts
    # (article, evidence) -> the dates the report's sentences write out
    dates_of: dict[tuple[str, str | None], set[tuple[int, int]]] = field(default_factory=dict)
    # event -> day -> whether one of its reports of that day writes the day out
    states_of: dict[str, dict[int | None, bool]] = field(default_factory=dict)
    # event -> what picking its fields needs of its members, updated as reports join
    field_states: dict[str, FieldState] = field(default_factory=dict)

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

    def forget(self, event_id: str) -> None:
        """The event's reports changed (one joined, or it was merged, created or emptied)."""
        self.articles_of.pop(event_id, None)
        self.places_of.pop(event_id, None)
        self.states_of.pop(event_id, None)

    def joined(self, event_id: str, member: Member) -> FieldState:
        """The event's ``FieldState`` once ``member`` (already stored) has joined it: the
        kept one updated, else read from the store."""
        state = self.field_states.get(event_id)
        if state is None:
            state = self.field_states[event_id] = field_state(self.conn, event_id, self.roots)
        else:
            state.add(member)
        return state

    def forget_fields(self, event_id: str) -> None:
        """The event's members changed otherwise (it was created, merged or emptied)."""
        self.field_states.pop(event_id, None)

    def event_articles(self, event_id: str) -> set[str]:
        """``event_evidence.event_articles`` (a shared set: do not change it)."""
        if event_id not in self.articles_of:
            self.articles_of[event_id] = event_articles(self.conn, event_id)
        return self.articles_of[event_id]

    def with_places(self, event_id: str, event: Facts) -> Facts:
        """``event_evidence.with_places``: the event's facts with the places its texts name."""
        cached = self.places_of.get(event_id)
        if cached is not None and (cached[0] is event or cached[0] == event):
            return cached[1]
        found = with_places(self.conn, event_id, event)
        self.places_of[event_id] = (event, found)
        return found

    def stated_dates(self, article_id: str, evidence: str | None) -> set[tuple[int, int]]:
        """``event_evidence.stated_dates`` (a shared set: do not change it): the link index
        it reads does not change while events are built, and each candidate event's reports
        are read again for every report that could join it."""
        key = (article_id, evidence)
        if key not in self.dates_of:
            self.dates_of[key] = stated_dates(self.conn, article_id, evidence)
        return self.dates_of[key]

    def event_states(self, event_id: str, day: int | None) -> bool:
        """``event_evidence.event_states``: merging asks it of one event for each of its
        neighbours."""
        known = self.states_of.setdefault(event_id, {})
        if day not in known:
            known[day] = event_states(self.conn, event_id, day, self.stated_dates)
        return known[day]

    def notes_only(self, article_ids: set[str]) -> bool:
        """``event_evidence.notes_only``: every text is a note (one short paragraph, read
        from its index), and there are at most MAX_PLACE_REPORTS of them."""
        if len(article_ids) > MAX_PLACE_REPORTS:
            return False
        return all(self._note(a) for a in sorted(article_ids))

    def _note(self, article_id: str) -> bool:
        if article_id not in self.notes:
            row = self.conn.execute(
                "SELECT length(short_shingles) > 0 AND json_array_length(passages) = 1"
                " FROM link_index WHERE article_id = ?",
                (article_id,),
            ).fetchone()
            self.notes[article_id] = bool(row is not None and row[0])
        return self.notes[article_id]
