"""`normalise.dask.resolve_dataframe` on a real dask.distributed LocalCluster."""

from __future__ import annotations

from pathlib import Path

import dask.dataframe as dd
import pandas as pd
from batchdata import make_rows
from distributed import Client, LocalCluster

from normalise.batchrow import BatchOptions
from normalise.dask import resolve_dataframe, resolve_partition


def test_local_cluster_equals_single_process(lexicon: Path) -> None:
    rows = make_rows(300)
    rows[5]["place"] = ""
    rows[6]["place"] = "x" * 10_000
    frame = pd.DataFrame(rows)
    options = BatchOptions("place", country_column="cc", admin1_column="adm")
    ddf = dd.from_pandas(frame, npartitions=6)
    # Dask stores the strings as pyarrow strings; resolve that same frame in this process.
    expected = resolve_partition(ddf.compute(scheduler="sync"), options, str(lexicon))
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):  # fmt: skip
        out = resolve_dataframe(
            ddf, "place", country_column="cc", admin1_column="adm", lexicon=lexicon
        )
        got = client.compute(out).result()
        assert len(client.scheduler_info()["workers"]) == 2
    pd.testing.assert_frame_equal(got, expected)
    assert got.loc[5, "nz_error"] == "empty name"
    assert got.loc[0, "nz_id"] == "geonames:168620"


def test_a_partition_resolved_in_slices_equals_one_slice(lexicon: Path) -> None:
    rows = make_rows(50)
    rows[3]["place"] = None
    frame = pd.DataFrame(rows, index=range(100, 150))  # a partition's index need not start at 0
    options = BatchOptions("place", country_column="cc", admin1_column="adm")
    whole = resolve_partition(frame, options, str(lexicon), slice_rows=len(frame))
    sliced = resolve_partition(frame, options, str(lexicon), slice_rows=7)
    pd.testing.assert_frame_equal(sliced, whole)
    assert list(sliced.index) == list(range(100, 150))
    assert sliced.loc[103, "nz_error"] == "empty name"
    assert sliced["nz_id"].notna().sum() >= 40
