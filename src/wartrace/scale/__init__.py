"""Scale-out: the per-article analysis mapped over Dask workers (one machine or many)."""

from __future__ import annotations

from wartrace.scale.cluster import DaskRunner, cluster_runner, connect_cluster

__all__ = ["DaskRunner", "cluster_runner", "connect_cluster"]
