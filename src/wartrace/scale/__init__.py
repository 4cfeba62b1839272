"""Scale-out: the per-article analysis mapped over Dask workers (one machine or many)."""

from __future__ import annotations

from wartrace.scale.cluster import DaskRunner, connect_cluster

__all__ = ["DaskRunner", "connect_cluster"]
