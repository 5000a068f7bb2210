"""Benchmark: `chidao extract` over the corpus replicated to N documents, beside the naive pipeline.

Three runs on the same files, in the same invocation, one after the other (never side by side):

* chidao CLI — the real command, `chidao extract FILE... --format json`, in a subprocess over
  batches of paths (as many as fit in the command line); its stdout is read as a stream, one
  JSON object per line. Start-up and model loading are included, as a user would pay them.
* chidao API — `chidao.api.extract_path` over the same files in one worker process; the model
  load is timed apart (the first call) and left out of the rate.
* naive — `underthesea.sent_tokenize`, then `underthesea.ner` on every sentence. Its model load
  is also left out of the rate, which favours the naive side. When running it over all N
  documents would take too long, `--naive-sample K` measures it on the first K files (by
  default one copy of each distinct document) and its rate is reported from that sample.

Words are whitespace tokens of the input files. Peak memory is the peak RSS of the process
that did the work (`os.wait4` for the CLI, `RUSAGE_SELF` in each worker). CPU seconds are
printed too: on a shared machine they are steadier than wall time. Targets (issue 2):
throughput ≥ 10× naive, peak memory < 1 GB for 1,000 documents.

    .venv/bin/python bench/bench_extract.py [--docs 1000] [--naive-sample K] [--api-sample K] [--skip-api]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_ARG_BUDGET = 100_000  # bytes of paths per `chidao extract` call; far below ARG_MAX on Linux
_TARGET_RATIO = 10.0
_TARGET_PEAK_MB = 1024.0


@dataclass(slots=True)
class Figures:
    """One pipeline's measurements over `documents` files."""

    name: str
    documents: int
    words: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    load_s: float | None = None  # model load timed apart (left out of wall_s), or None if included
    tasks: int | None = None
    sentences: int | None = None
    failed: int = 0
    batches: int | None = None
    sampled: bool = False

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.wall_s if self.wall_s else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.wall_s if self.wall_s else 0.0

    @property
    def words_per_cpu_s(self) -> float:
        return self.words / self.cpu_s if self.cpu_s else 0.0

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = asdict(self)
        data.update(docs_per_s=self.docs_per_s, words_per_s=self.words_per_s,
                    words_per_cpu_s=self.words_per_cpu_s)
        return data


def corpus_sources() -> list[Path]:
    """Return every shared corpus document and seed, in a fixed order."""
    sys.path.insert(0, str(ROOT))
    from chidao.corpus import shared_root

    shared = shared_root(ROOT)
    if shared is None:
        sys.exit("bench_extract: ../shared (the real corpus) was not found beside the checkout; "
                 "set CHIDAO_SHARED to its folder")
    sources = sorted((shared / "corpus" / "docs").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))
    if not sources:
        sys.exit(f"bench_extract: no .txt documents under {shared}/corpus/docs or {shared}/seeds")
    return sources


def replicate(sources: list[Path], count: int, folder: Path) -> list[Path]:
    """Write `count` files cycling over `sources`, each copy with its own last line."""
    texts = [p.read_text(encoding="utf-8") for p in sources]
    paths = []
    for n in range(count):
        i = n % len(sources)
        path = folder / f"{n:05d}-{sources[i].name}"
        # A distinct closing line per copy, so no stage can reuse a result by content hash.
        path.write_text(f"{texts[i].rstrip()}\n\nBản sao số {n + 1} dùng để đo hiệu năng.\n", encoding="utf-8")
        paths.append(path)
    return paths


def count_words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def _batches(paths: list[Path]) -> list[list[str]]:
    batches: list[list[str]] = [[]]
    size = 0
    for path in map(str, paths):
        if batches[-1] and size + len(path) + 1 > _ARG_BUDGET:
            batches.append([])
            size = 0
        batches[-1].append(path)
        size += len(path) + 1
    return batches


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}


def run_cli(paths: list[Path], words: int) -> Figures:
    """Time the real `chidao extract` command, reading its JSON lines as they come."""
    chidao = [sys.executable, "-m", "chidao.cli", "extract"]
    documents = tasks = failed = 0
    cpu = peak_kb = 0.0
    batches = _batches(paths)
    start = time.perf_counter()
    for batch in batches:
        with tempfile.TemporaryFile() as errors:
            proc = subprocess.Popen([*chidao, *batch, "--format", "json"], cwd=ROOT, env=_env(),
                                    stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8")
            assert proc.stdout is not None
            for line in proc.stdout:
                documents += 1
                tasks += len(json.loads(line)["tasks"])
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            errors.seek(0)
            failed += sum(1 for line in errors.read().decode("utf-8", "replace").splitlines()
                          if line.startswith("chidao extract:"))
        cpu += usage.ru_utime + usage.ru_stime
        peak_kb = max(peak_kb, usage.ru_maxrss)
        if proc.returncode not in (0, 1):
            sys.exit(f"bench_extract: chidao extract exited with {proc.returncode} on a batch of {len(batch)} files")
    wall = time.perf_counter() - start
    return Figures("chidao extract (CLI)", documents, words, wall, cpu, peak_kb / 1024,
                   tasks=tasks, failed=failed, batches=len(batches))


def run_worker(kind: str, paths: list[Path], words: int, sampled: bool = False) -> Figures:
    """Run an in-process measurement in a fresh worker so its peak memory is its own."""
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False, encoding="utf-8") as listing:
        listing.write("\n".join(map(str, paths)))
    try:
        out = subprocess.run([sys.executable, __file__, "--worker", kind, "--list", listing.name],
                             cwd=ROOT, env=_env(), check=True, capture_output=True, text=True)
    finally:
        os.unlink(listing.name)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return Figures(words=words, sampled=sampled, **data)


def _worker(kind: str, listing: Path) -> None:
    """Measure one pipeline over the listed files and print its figures as one JSON line."""
    paths = listing.read_text(encoding="utf-8").splitlines()
    load_start = time.perf_counter()
    step = _api_step(paths[0]) if kind == "api" else _naive_step()
    load = time.perf_counter() - load_start
    cpu_start = time.process_time()
    counts = {"tasks": 0, "sentences": 0, "failed": 0}
    start = time.perf_counter()
    for path in paths:
        step(path, counts)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    name = "chidao.api.extract_path" if kind == "api" else "naive (underthesea sent_tokenize + ner)"
    result = {"name": name, "documents": len(paths), "wall_s": wall, "cpu_s": time.process_time() - cpu_start,
              "peak_rss_mb": peak, "load_s": load, "failed": counts["failed"]}
    result["tasks" if kind == "api" else "sentences"] = counts["tasks" if kind == "api" else "sentences"]
    print(json.dumps(result))


def _api_step(first: str):  # type: ignore[no-untyped-def]
    from chidao.api import extract_path
    from chidao.errors import ChidaoError

    extract_path(first)  # loads the models; timed as load, apart from the rate

    def step(path: str, counts: dict[str, int]) -> None:
        try:
            counts["tasks"] += len(extract_path(path).tasks)
        except ChidaoError:
            counts["failed"] += 1
    return step


def _naive_step():  # type: ignore[no-untyped-def]
    from underthesea import ner, sent_tokenize

    ner("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính.")  # loads the CRF model

    def step(path: str, counts: dict[str, int]) -> None:
        for sentence in sent_tokenize(Path(path).read_text(encoding="utf-8")):
            ner(sentence)
            counts["sentences"] += 1
    return step


def _row(f: Figures) -> str:
    note = f"  (sample of {f.documents})" if f.sampled else ""
    return (f"{f.name:<42} {f.documents:>6} {f.wall_s:>9.1f} {f.docs_per_s:>8.2f} {f.words_per_s:>9.0f} "
            f"{f.words_per_cpu_s:>9.0f} {f.peak_rss_mb:>8.0f}{note}")


def report(figures: list[Figures], naive: Figures, cli: Figures) -> dict[str, object]:
    print(f"{'pipeline':<42} {'docs':>6} {'wall s':>9} {'docs/s':>8} {'words/s':>9} {'w/cpu-s':>9} {'peak MB':>8}")
    for f in figures:
        print(_row(f))
    ratio = cli.words_per_s / naive.words_per_s
    cpu_ratio = cli.words_per_cpu_s / naive.words_per_cpu_s
    docs_ratio = cli.docs_per_s / naive.docs_per_s
    if naive.sampled:
        print(f"naive measured on a sample of {naive.documents} documents; its rate is the sample's "
              f"(≈ {cli.documents / naive.docs_per_s:.0f} s for all {cli.documents})")
    print(f"throughput ratio, chidao CLI / naive: {ratio:.1f}× words/s, {docs_ratio:.1f}× docs/s, "
          f"{cpu_ratio:.1f}× words per CPU-second  (target ≥ {_TARGET_RATIO:.0f}×: "
          f"{'met' if ratio >= _TARGET_RATIO else 'NOT met'})")
    print(f"chidao CLI peak memory: {cli.peak_rss_mb:.0f} MB over {cli.documents} documents "
          f"(target < {_TARGET_PEAK_MB:.0f} MB: {'met' if cli.peak_rss_mb < _TARGET_PEAK_MB else 'NOT met'})")
    return {"ratio_words_per_s": ratio, "ratio_docs_per_s": docs_ratio, "ratio_words_per_cpu_s": cpu_ratio}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="Writes the figures as JSON to bench/out/extract.json.")
    parser.add_argument("--docs", type=int, default=1000, help="documents to replicate the corpus to (default 1000)")
    parser.add_argument("--naive-sample", type=int, default=None, metavar="K",
                        help="run the naive pipeline on the first K files only (default: one copy of "
                             "each distinct document; 0 = all files)")
    parser.add_argument("--api-sample", type=int, default=0, metavar="K",
                        help="run the in-process chidao.api comparison on the first K files only (0 = all)")
    parser.add_argument("--skip-api", action="store_true", help="leave out the in-process chidao.api run")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "extract.json")
    parser.add_argument("--worker", choices=("api", "naive"), help=argparse.SUPPRESS)
    parser.add_argument("--list", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        sys.path.insert(0, str(ROOT))
        _worker(args.worker, args.list)
        return 0
    sources = corpus_sources()
    folder = Path(tempfile.mkdtemp(prefix="chidao-bench-extract-"))
    try:
        paths = replicate(sources, args.docs, folder)
        words = count_words(paths)
        sample = len(sources) if args.naive_sample is None else args.naive_sample
        naive_paths = paths if sample <= 0 or sample >= len(paths) else paths[:sample]
        print(f"{len(paths)} documents ({len(sources)} distinct, {words} words) in {folder}", flush=True)
        cli = run_cli(paths, words)
        print(_row(cli), flush=True)
        figures = [cli]
        if not args.skip_api:
            api_paths = paths[:args.api_sample] if 0 < args.api_sample < len(paths) else paths
            figures.append(run_worker("api", api_paths, count_words(api_paths), sampled=api_paths is not paths))
            print(_row(figures[-1]), flush=True)
        naive = run_worker("naive", naive_paths, count_words(naive_paths), sampled=naive_paths is not paths)
        figures.append(naive)
        print()
        ratios = report(figures, naive, cli)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    machine = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
               "platform": platform.platform(), "python": platform.python_version(),
               "load_average_at_end": os.getloadavg()[0]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": machine, "documents": len(paths), "distinct": len(sources),
                                    "words": words, "runs": [f.to_dict() for f in figures], **ratios},
                                   ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.out}; cpus {os.cpu_count()}, load average at end {machine['load_average_at_end']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
