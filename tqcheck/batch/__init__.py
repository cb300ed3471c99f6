"""Checking many articles: over worker processes (``parallel``), with the result cache
(``cache``), or on a Dask cluster (``dask``). Uses the engine; the engine never uses it.
"""
