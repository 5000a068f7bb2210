"""JSON Lines, CSV for Excel and iCalendar read back field by field."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from icalendar import Calendar

from chidao.cli import main
from chidao.exports import to_csv, to_ics, to_jsonl
from chidao.exports.ics import description
from chidao.store.convert import task_view


def _views(store):
    return [task_view(t, d) for t, d in store.tasks()]


def test_jsonl_round_trips_with_vietnamese_as_written(store):
    data = to_jsonl(_views(store))
    assert "Sở Khoa học và Công nghệ".encode() in data  # not \u escapes
    rows = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert [r["deadline"] for r in rows] == ["2025-06-30", "2025-03-20", None]
    assert rows[0]["support_units"] == ["Văn phòng UBND tỉnh"]


def test_csv_has_a_bom_for_excel_and_keeps_units_apart(store):
    data = to_csv(_views(store))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1]["lead_units"] == "Ủy ban nhân dân các huyện, thị xã, thành phố"
    assert rows[1]["recurrence"] == "FREQ=MONTHLY;BYMONTHDAY=20"
    assert rows[2]["deadline"] == "" and rows[0]["document_number"] == "27/TB-UBND"


def test_ics_parsed_back_field_by_field(store):
    store.set_status(store.tasks()[0][0].id, "done", "Lan", dt.date(2025, 6, 25))
    views = _views(store)
    calendar = Calendar.from_ical(to_ics(views))
    assert str(calendar["VERSION"]) == "2.0" and "chidao" in str(calendar["PRODID"])
    todos = list(calendar.walk("VTODO"))
    assert len(todos) == 3
    done, monthly, undated = todos

    assert str(done["UID"]) == f"{views[0]['id']}@chidao"
    assert done.decoded("DUE") == dt.date(2025, 6, 30)
    assert str(done["STATUS"]) == "COMPLETED"
    assert done.decoded("COMPLETED").date() == dt.date(2025, 6, 25)
    assert int(done["SEQUENCE"]) == views[0]["version"] - 1
    assert "DTSTAMP" in done and "RRULE" not in done
    assert str(done["DESCRIPTION"]) == description(views[0])
    assert "Chủ trì: Sở Khoa học và Công nghệ" in str(done["DESCRIPTION"])
    assert "Phối hợp: Văn phòng UBND tỉnh" in str(done["DESCRIPTION"])
    assert str(done["SUMMARY"]).startswith("Giao Sở Khoa học và Công nghệ chủ trì")

    rrule = monthly["RRULE"]
    assert rrule["FREQ"] == ["MONTHLY"] and rrule["BYMONTHDAY"] == [20]
    assert monthly.decoded("DTSTART") == dt.datetime(2025, 3, 20, 0, 0)
    assert monthly.decoded("DUE") > monthly.decoded("DTSTART")  # RFC 5545 §3.8.2.3
    assert monthly.decoded("DUE").date() == dt.date(2025, 3, 20)
    assert str(monthly["STATUS"]) == "NEEDS-ACTION"
    assert "Thời hạn: trước ngày 20 hằng tháng" in str(monthly["DESCRIPTION"])

    assert "DUE" not in undated and "DTSTART" not in undated
    assert "Chủ trì: các sở, ngành" in str(undated["DESCRIPTION"])


def test_export_command_filters_and_writes_files(store, tmp_path, capsys):
    url = store.url
    out = tmp_path / "nhiem-vu.ics"
    assert main(["export", "--db", url, "--format", "ics", "--unit", "huyện", "-o", str(out)]) == 0
    assert len(list(Calendar.from_ical(out.read_bytes()).walk("VTODO"))) == 1
    assert main(["export", "--db", url, "--format", "jsonl", "--from", "2025-06-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["deadline"] for line in lines] == ["2025-06-30"]


def test_rejected_tasks_are_left_out_unless_asked(store, capsys):
    store.review(store.tasks()[2][0].id, "reject", "Lan")
    assert main(["export", "--db", store.url, "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["export", "--db", store.url, "--format", "jsonl", "--include-rejected"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_csv_with_semicolons_for_a_vietnamese_excel(store, capsys):
    assert main(["export", "--db", store.url, "--format", "csv", "--delimiter", ";"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["id", "document_number", "document_date"] and len(rows) == 4
