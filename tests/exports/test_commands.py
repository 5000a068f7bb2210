"""`chidao task` and `chidao status` over a real store, as an officer would use them."""

from __future__ import annotations

import json

from chidao.cli import main


def test_task_done_then_status_reports_the_matrix(store, capsys):
    first = store.tasks()[0][0]
    assert main(["task", first.id, "--done", "--date", "2025-07-02", "--by", "Lan", "--db", store.url]) == 0
    assert "đã hoàn thành ngày 02/07/2025" in capsys.readouterr().out
    assert store.get_task(first.id).status == "done"
    assert [e.action for e in store.events(first.id)] == ["status"]

    assert main(["status", "--db", store.url, "--today", "2025-07-10", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    matrix = report["matrix"]
    # the monthly report ("trước ngày 20 hằng tháng", first due 20/3) is next due 20/7: not overdue
    assert (matrix["done_late"], matrix["overdue"], matrix["not_yet_due"]) == (1, 0, 2)
    assert matrix["sentence"] == "đã hoàn thành 1/1 nhiệm vụ, đạt 100,0%"
    assert report["units"]["Sở Khoa học và Công nghệ"] == {"chủ trì": 1}

    assert main(["status", "--db", store.url, "--today", "2025-07-10"]) == 0
    text = capsys.readouterr().out
    assert "Đã hoàn thành 1/1 nhiệm vụ, đạt 100,0%." in text
    assert "Quá hạn chưa hoàn thành: 0" in text

    assert main(["status", "--db", store.url, "--today", "2025-07-14"]) == 0
    assert "2025-07-20 Ủy ban nhân dân các huyện, thị xã, thành phố: Yêu cầu" in capsys.readouterr().out


def test_task_open_again_clears_the_done_date(store, capsys):
    task = store.tasks()[0][0]
    main(["task", task.id, "--done", "--db", store.url])
    assert main(["task", task.id, "--open", "--db", store.url]) == 0
    reopened = store.get_task(task.id)
    assert (reopened.status, reopened.done_date) == ("open", None)


def test_unknown_task_id_is_an_error_naming_it(store, capsys):
    assert main(["task", "khong-co", "--done", "--db", store.url]) == 1
    assert "E401 khong-co: no task with this id" in capsys.readouterr().err


def test_status_lists_failures_with_their_reason(store, capsys):
    store.record_failure("van-ban/hong.pdf", "E201", "the PDF is encrypted")
    assert main(["status", "--db", store.url]) == 0
    assert "van-ban/hong.pdf: E201 the PDF is encrypted" in capsys.readouterr().out
