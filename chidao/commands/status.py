"""`chidao status`: documents and failures, tasks by unit and role, and the giao-ban matrix."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from chidao.errors import ExitCode


def configure(parser: argparse.ArgumentParser) -> None:
    from chidao.exports import filters

    filters.add_db_argument(parser)
    parser.add_argument("--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                        help="count as of this day (default: today)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--units", type=int, default=15, metavar="N",
                        help="show the N units with most tasks (default 15)")


def run(args: argparse.Namespace) -> int:
    from chidao import status
    from chidao.exports import filters
    from chidao.store import Store
    from chidao.store.convert import task_view

    store = Store(filters.store_url(args))
    today = args.today or dt.date.today()
    tasks = [task_view(t, d) for t, d in store.tasks()]
    week_start = today - dt.timedelta(days=today.weekday())
    report = {
        "documents": len(store.documents()),
        "failures": {f.path: f"{f.code} {f.reason}" for f in store.failures()},
        "tasks": len([t for t in tasks if t["review_state"] != "rejected"]),
        "matrix": status.matrix(tasks, today),
        "due_this_week": status.due_between(tasks, week_start, week_start + dt.timedelta(days=6)),
        "units": status.by_unit(tasks),
    }
    print(_json(report) if args.json else _text(report, today, args.units))
    return ExitCode.OK


def _json(report: dict) -> str:  # type: ignore[type-arg]
    from dataclasses import asdict

    m = report["matrix"]
    out = dict(report, matrix={**asdict(m), "due": m.due, "done": m.done, "rate": m.rate,
                               "sentence": m.sentence()},
               due_this_week=[t["id"] for t in report["due_this_week"]],
               units={u: dict(c) for u, c in report["units"].items()})
    return json.dumps(out, ensure_ascii=False, indent=2)


def _text(report: dict, today: dt.date, top: int) -> str:  # type: ignore[type-arg]
    from chidao.status import CATEGORIES, LABELS

    m = report["matrix"]
    lines = [f"Tình hình thực hiện nhiệm vụ đến ngày {today:%d/%m/%Y}",
             f"Văn bản đã nhập: {report['documents']}; lỗi: {len(report['failures'])}"]
    lines += [f"  ! {path}: {reason}" for path, reason in report["failures"].items()]
    lines.append(f"Tổng số nhiệm vụ: {report['tasks']}")
    lines += [f"  {LABELS[name]}: {getattr(m, name)}" for name in CATEGORIES]
    lines.append(m.sentence()[0].upper() + m.sentence()[1:] + ".")
    lines.append(f"Đến hạn trong tuần này: {len(report['due_this_week'])}")
    lines += [f"  - {t['due_on']} {', '.join(t['lead_units']) or '(chưa rõ đơn vị)'}: "
              f"{_short(t['text'])}" for t in report["due_this_week"]]
    units = sorted(report["units"].items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    lines.append("Theo đơn vị (chủ trì / phối hợp):")
    lines += [f"  {unit}: {c['chủ trì']} / {c['phối hợp']}" for unit, c in units[:top]]
    return "\n".join(lines)


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
