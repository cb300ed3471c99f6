"""The Dask integration gives the single-machine results, on an in-process LocalCluster."""
import json

import pytest

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from helpers import invoke  # noqa: E402

from tqcheck import Config  # noqa: E402 (the import paths docs/dask.md gives users)
from tqcheck.dask import check_bag  # noqa: E402
from tqcheck.formats.pairing import Pairing  # noqa: E402

TEXTS = ["Drones flew over Kiev.", "The the Kremlin said nothing.", "A clean sentence.",
         "The plan was approved by 国务院 yesterday.", "Kharkov and Odessa were shelled."]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as local:
        yield local


@pytest.fixture()
def articles(tmp_path):
    paths = []
    for i, text in enumerate(TEXTS * 2):
        path = tmp_path / f"article{i:02d}.en.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_check_bag_matches_the_local_linter(cluster, articles, linter):
    with distributed.Client(cluster, set_as_default=False) as client:
        bag = dask_bag.from_sequence(articles, npartitions=3)
        results = check_bag(bag, Config()).compute(scheduler=client.get)
    local = [linter.check_pairing(Pairing(p)) for p in articles]
    assert [r.path for r in results] == articles
    assert [[(f.code, f.start, f.end, f.message) for f in r.findings] for r in results] == \
        [[(f.code, f.start, f.end, f.message) for f in r.findings] for r in local]
    assert sum(len(r.findings) for r in results) >= 6


def test_cli_dask_report_is_identical_to_the_local_one(cluster, articles, tmp_path):
    local = invoke("check", "--no-cache", "--format", "json", str(tmp_path))
    remote = invoke("check", "--dask", cluster.scheduler_address, "--format", "json", str(tmp_path))
    assert remote.exit_code == local.exit_code == 1
    assert json.loads(remote.output) == json.loads(local.output)
