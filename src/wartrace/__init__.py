"""wartrace: multilingual conflict news in, a trustworthy ACLED-style event dataset out."""

__version__ = "0.1.0"
