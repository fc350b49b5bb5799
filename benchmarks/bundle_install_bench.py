"""Installing a content bundle the size of today's built-in content: the median wall time of
``content_store.install`` (every check: archive, sizes, signature, manifest hashes, the packs
validated, the folder renamed into place), each run into an empty data folder with an empty
content cache (the worst case: nothing already checked). Target: under one second. The
baseline, for scale, is only unzipping the same file. ``python benchmarks/bundle_install_bench.py``
prints the figures; ``benchmarks/run.py`` puts the row in its table."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from common import row  # noqa: E402

TARGET_S = 1.0


def _bundle(work: Path):
    """A signed bundle of the built-in content (version raised) and the trusted key's folder."""
    from wizard.core import bundle, signing
    from wizard import paths

    content = work / "content"
    shutil.copytree(paths.questionnaires_dir(), content)
    manifest = content / "content.yaml"
    text = manifest.read_text("utf-8")
    manifest.write_text(text.replace('version: "', 'version: "9', 1), "utf-8")
    pair = signing.generate()
    keys = work / "keys"
    keys.mkdir()
    (keys / f"{pair.key_id}.pub").write_bytes(pair.public_pem)
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(pair.private_pem, password=None)
    path = work / "bench.aitr-content"
    path.write_bytes(bundle.build(content, key, paths.questionnaires_dir()).data)
    return path, keys


def measure(quick: bool = False) -> list[dict]:
    from wizard import content_store, paths

    work = Path(tempfile.mkdtemp(prefix="aitr-bench-install-"))
    try:
        path, keys = _bundle(work)
        paths.publisher_keys_dir = lambda: keys       # the bench's own key, as shipped
        runs = 3 if quick else 7
        ours, base = [], []
        for number in range(runs):
            os.environ["READINESS_DATA_DIR"] = str(work / f"data{number}")
            os.environ["READINESS_CACHE_DIR"] = str(work / f"cache{number}")
            start = time.perf_counter()
            result = content_store.install(path)
            ours.append(time.perf_counter() - start)
            assert result.row.verified and not result.already
            target = work / f"unzipped{number}"
            start = time.perf_counter()
            with zipfile.ZipFile(path) as archive:
                archive.extractall(target)
            base.append(time.perf_counter() - start)
        size = path.stat().st_size
    finally:
        shutil.rmtree(work, ignore_errors=True)
    median = statistics.median(ours)
    result = row(f"install a content bundle ({size / 1024:.0f} KB, built-in content), "
                 "median", median, statistics.median(base), TARGET_S, kind="absolute")
    return [result]


if __name__ == "__main__":
    rows = measure(quick="--quick" in sys.argv)
    for r in rows:
        print(f"{r['metric']}: {r['ours'] * 1000:.0f} ms (unzipping alone "
              f"{r['baseline'] * 1000:.0f} ms); target under {TARGET_S * 1000:.0f} ms: "
              f"{'pass' if r['passed'] else 'FAIL'}")
    sys.exit(0 if all(r["passed"] for r in rows) else 1)
