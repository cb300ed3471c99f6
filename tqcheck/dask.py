"""``tqcheck.dask``: checking articles on a Dask cluster, the import path docs/dask.md gives users.
The code is ``tqcheck.batch.dask``."""
from tqcheck.batch.dask import DaskUnavailable, check_bag

__all__ = ["DaskUnavailable", "check_bag"]
