"""Benchmark: N documents through the Prefect ingest flow beside `chidao extract` on the same files.

Both are run as a user runs them — one `chidao` process each, start-up included — on the
same generated documents in the same run, and the flow's overhead is reported as
(flow time / extract time − 1). Target: ≤ 25 % at 1,000 documents.

    .venv/bin/python bench/bench_flow.py [--docs 1000] [--workers 1] [--repeat 3] [--out bench/out]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNITS = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng",
         "Sở Công Thương", "Sở Tư pháp", "Ban Quản lý các khu công nghiệp", "Công an tỉnh",
         "Ủy ban nhân dân các huyện, thị xã, thành phố"]
WORKS = ["rà soát, cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức",
         "xây dựng kế hoạch cải cách hành chính năm 2026",
         "kiểm tra an toàn thực phẩm tại các bếp ăn tập thể",
         "tổng hợp số liệu giải ngân vốn đầu tư công",
         "hướng dẫn các địa phương gia cố nhà ở trước mùa mưa bão",
         "đôn đốc tiến độ giải phóng mặt bằng các dự án trọng điểm"]
DEADLINES = ["hoàn thành trước ngày 30/11/2025", "báo cáo Ủy ban nhân dân tỉnh trong tháng 12/2025",
             "trình Ủy ban nhân dân tỉnh trong quý IV/2025", "báo cáo trước ngày 20 hằng tháng"]


def notice(n: int) -> str:
    """Return a generated thông báo kết luận of six items, different for every n."""
    items = []
    for i in range(6):
        lead, support = UNITS[(n + i) % len(UNITS)], UNITS[(n + i + 4) % len(UNITS)]
        work, due = WORKS[(n * 7 + i) % len(WORKS)], DEADLINES[(n + i) % len(DEADLINES)]
        items.append(f"{i + 1}. Giao {lead} chủ trì, phối hợp với {support} {work}, {due}.")
    return (f"ỦY BAN NHÂN DÂN TỈNH AN HÒA\n\nSố: {n + 1}/TB-UBND          An Hòa, ngày "
            f"{1 + n % 28:02d} tháng 10 năm 2025\n\nTHÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân "
            "dân tỉnh tại cuộc họp giao ban\n\nChủ tịch Ủy ban nhân dân tỉnh kết luận như sau:\n\n"
            + "\n\n".join(items)
            + "\n\nVăn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.\n")


def write_corpus(folder: Path, count: int) -> list[Path]:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = [folder / f"tb-{n:05d}.txt" for n in range(count)]
    for n, path in enumerate(paths):
        path.write_text(notice(n), encoding="utf-8")
    return paths


def timed(cmd: list[str], api_url: str | None = None) -> tuple[float, float]:
    """Return the wall seconds and the CPU seconds (the process and all it started) of `cmd`.

    CPU time counts Prefect's temporary server and worker processes too, and it stays
    steady on a shared machine where wall time follows the other users' load. With
    `api_url` the run uses that Prefect server instead of starting its own.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    if api_url:
        env["PREFECT_API_URL"] = api_url
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ingest_cmd(args: argparse.Namespace, name: str) -> list[str]:
    """Return the `chidao ingest` command of one flow run, into a new store of its own."""
    db = args.out / f"bench-flow-{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return [sys.executable, "-m", "chidao.cli", "ingest", str(args.out / "flow-docs"), "--db",
            f"sqlite:///{db}", "-q"]


def _against_running_server(ingest: list[str], n: int, extract_s: float, extract_cpu: float) -> None:
    """Time one worker against a Prefect server started beforehand (its start-up not counted)."""
    from flows.server import TemporaryServer

    server = TemporaryServer().start()
    try:
        server.wait()
        assert server.process is not None
        before = _process_cpu(server.process.pid)
        flow_s, flow_cpu = timed(ingest, api_url=server.api_url)
        server_cpu = _process_cpu(server.process.pid) - before
    finally:
        server.stop()
    print(f"chidao ingest, running Prefect server: {flow_s:7.1f} s wall {n / flow_s:6.1f} docs/s | "
          f"{flow_cpu:7.1f} s CPU + the server's {server_cpu:.1f} s during the run | overhead: wall "
          f"{100 * (flow_s / extract_s - 1):+.1f} %, CPU {100 * (flow_cpu / extract_cpu - 1):+.1f} % "
          f"(with the server's {100 * ((flow_cpu + server_cpu) / extract_cpu - 1):+.1f} %)", flush=True)


def _process_cpu(pid: int) -> float:
    """Return the CPU seconds a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1],
                        help="the flow's --workers; one flow run per value and repeat (default: 1)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of `chidao extract` then `chidao ingest`; each ingest is compared "
                             "with the extract just before it, as this machine's speed drifts by "
                             "±20 %% over minutes (default: 3)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--running-server", action="store_true",
                        help="also time one worker against a Prefect server started beforehand "
                             "(PREFECT_API_URL, as docs/scale-out.md describes)")
    args = parser.parse_args()
    paths = write_corpus(args.out / "flow-docs", args.docs)
    chidao = [sys.executable, "-m", "chidao.cli"]
    n = len(paths)
    print(f"documents: {n}; cpus: {os.cpu_count()}; load average: {os.getloadavg()[0]:.1f}")
    overheads: dict[int, list[float]] = {w: [] for w in args.workers}
    for round_ in range(1, args.repeat + 1):
        extract_s, extract_cpu = timed([*chidao, "extract", "--no-text", *map(str, paths)])
        print(f"round {round_}: chidao extract:       {extract_s:7.1f} s wall {n / extract_s:6.1f} docs/s | "
              f"{extract_cpu:7.1f} s CPU", flush=True)
        for workers in args.workers:
            ingest = ingest_cmd(args, str(workers))
            flow_s, flow_cpu = timed([*ingest, "--workers", str(workers)])
            rerun_s, _ = timed(ingest)
            overheads[workers].append(flow_s / extract_s - 1)
            print(f"round {round_}: chidao ingest (flow): {flow_s:7.1f} s wall {n / flow_s:6.1f} docs/s | "
                  f"{flow_cpu:7.1f} s CPU | workers={workers} | overhead: wall "
                  f"{100 * (flow_s / extract_s - 1):+.1f} %, CPU {100 * (flow_cpu / extract_cpu - 1):+.1f} % "
                  f"| re-run with nothing new {rerun_s:.1f} s", flush=True)
        if args.running_server:
            _against_running_server(ingest_cmd(args, "running"), n, extract_s, extract_cpu)
    for workers, values in overheads.items():
        print(f"workers={workers}: wall overhead median {100 * statistics.median(values):+.1f} % "
              f"(rounds: {', '.join(f'{100 * v:+.1f} %' for v in values)}; target ≤ 25 %)")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
