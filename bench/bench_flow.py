"""Benchmark: N documents through the Prefect ingest flow beside `chidao extract` on the same files.

Both are run as a user runs them — one `chidao` process each, start-up included — on the
same generated documents in the same run, and the flow's overhead is reported as
(flow time / extract time − 1). Target: ≤ 25 % at 1,000 documents.

    .venv/bin/python bench/bench_flow.py [--docs 1000] [--workers 1] [--out bench/out]
"""

from __future__ import annotations

import argparse
import os
import shutil
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


def timed(cmd: list[str]) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, os.cpu_count() or 1],
                        help="the flow's --workers; one flow run per value (default: 1 and the CPU count)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    paths = write_corpus(args.out / "flow-docs", args.docs)
    chidao = [sys.executable, "-m", "chidao.cli"]
    n = len(paths)
    extract_s = timed([*chidao, "extract", "--no-text", *map(str, paths)])
    print(f"documents:            {n}")
    print(f"chidao extract:       {extract_s:8.1f} s  {n / extract_s:7.1f} docs/s", flush=True)
    for workers in args.workers:
        db = args.out / f"bench-flow-{workers}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        ingest = [*chidao, "ingest", str(args.out / "flow-docs"), "--db", f"sqlite:///{db}", "-q"]
        flow_s = timed([*ingest, "--workers", str(workers)])
        rerun_s = timed(ingest)
        print(f"chidao ingest (flow): {flow_s:8.1f} s  {n / flow_s:7.1f} docs/s  workers={workers}, "
              f"overhead {100 * (flow_s / extract_s - 1):+.1f} % (target ≤ 25 %); "
              f"re-run with nothing new {rerun_s:.1f} s", flush=True)
    print(f"cpu count: {os.cpu_count()}, load average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
