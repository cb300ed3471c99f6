"""The version of tqcheck, in a module of its own: everything that records it (signatures, the
result cache, reports) imports it without importing the package's public API (the engine)."""

__version__ = "0.1.0"
