"""The analyst's dashboard, JSON API and situation report (see app.py and report.py)."""
