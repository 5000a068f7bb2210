"""Prefect flows: orchestration only. Every step they run is a chidao library call.

`flows.ingest.run_ingest(paths, db_url)` is what `chidao ingest` calls.
"""
