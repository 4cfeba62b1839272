"""The embedded store (SQLite) and its exports."""
