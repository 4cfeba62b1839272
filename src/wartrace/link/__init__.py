"""Linking: derived articles (copies, rewrites and translations) and events across reports.

A run links its articles chunk by chunk (``CHUNK`` processed articles, in article-id
order): each chunk is indexed and paired with every article indexed before it, the
derivations its pairs touch are resolved, and its reports are built into events. A run
links each whole chunk as soon as it is saved (``link_ready``), while its workers go on
analysing, and the rest at the end (``link_all``); the chunks do not depend on when the
linking happens, so a run on Dask workers exports what a single process does.

What chunking changes: a chunk's reports are matched to the events of the chunks before it
(within a chunk, originals first, then by date, as for a whole run). A copy whose original
comes in a later chunk is first taken for an original; once its source is found, its events
are looked at again (merged with the original's, its claims counted as a copy's). Each
report keeps the reason it joined when it joined.
"""

from wartrace.link.chunks import link_all, link_ready
from wartrace.link.derive import CHUNK
from wartrace.link.describe import describe_links

__all__ = ["CHUNK", "describe_links", "link_all", "link_ready"]
