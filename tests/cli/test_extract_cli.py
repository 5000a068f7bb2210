"""`chidao extract` as a subprocess on good, empty, binary, legacy-encoded, huge and task-less files."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

GOOD = """ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH YÊN BÁI    Độc lập - Tự do - Hạnh phúc
Số: 77/UBND-TH    Yên Bái, ngày 4 tháng 6 năm 2026
V/v chuẩn bị phương án phòng, chống thiên tai
Kính gửi:
- Sở Nông nghiệp và Môi trường;
- Sở Xây dựng.
Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Xây dựng rà soát các hồ chứa xung yếu, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/6/2026.
"""  # own

NO_TASKS = """SỞ CÔNG THƯƠNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 9/BC-SCT    Yên Bái, ngày 4 tháng 6 năm 2026
BÁO CÁO
Kết quả tháng 5 năm 2026
Trong tháng, Sở đã hoàn thành 12/12 nhiệm vụ được giao.
Sở đã tổ chức 3 đoàn kiểm tra.
"""  # own


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: letters with ^, ˘, ơ, ư precomposed, the tone as a combining mark after."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


def _json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    made = {
        "good": (tmp_path / "cong-van.txt", GOOD.encode("utf-8")),
        "empty": (tmp_path / "empty.txt", b""),
        "binary": (tmp_path / "image.txt", bytes(range(256)) * 40),
        "cp1258": (tmp_path / "cp1258.txt", to_cp1258(GOOD)),
        "utf16": (tmp_path / "utf16.txt", GOOD.encode("utf-16")),
        "no_tasks": (tmp_path / "bao-cao.txt", NO_TASKS.encode("utf-8")),
    }
    for path, data in made.values():
        path.write_bytes(data)
    return {name: path for name, (path, _) in made.items()}


def test_good_file_prints_its_document(chidao, files) -> None:  # noqa: ANN001
    result = chidao("extract", str(files["good"]))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (record,) = _json_lines(result.stdout)
    assert record["document"]["number"] == "77/UBND-TH"
    assert record["document"]["date"] == "2026-06-04"
    assert "Ủy ban nhân dân tỉnh" in record["document"]["text"]  # Vietnamese survives the pipe


@pytest.mark.parametrize(("name", "reason"), [("empty", "empty"), ("binary", "binary")])
def test_bad_file_gives_a_clear_message(chidao, files, name: str, reason: str) -> None:  # noqa: ANN001
    result = chidao("extract", str(files[name]))
    assert "Traceback" not in result.stderr
    assert result.returncode == 3
    assert str(files[name]) in result.stderr and reason in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("name", ["cp1258", "utf16"])
def test_legacy_encodings_are_read(chidao, files, name: str) -> None:  # noqa: ANN001
    result = chidao("extract", "--no-text", str(files[name]))
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    (record,) = _json_lines(result.stdout)
    assert record["document"]["number"] == "77/UBND-TH"
    assert record["document"]["title"].startswith("V/v chuẩn bị phương án")
    assert "text" not in record["document"]


def test_file_without_tasks_gives_an_empty_list(chidao, files) -> None:  # noqa: ANN001
    result = chidao("extract", str(files["no_tasks"]))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    (record,) = _json_lines(result.stdout)
    assert record["tasks"] == []


def test_one_bad_file_fails_alone(chidao, files) -> None:  # noqa: ANN001
    result = chidao("extract", "--no-text", str(files["good"]), str(files["empty"]), str(files["no_tasks"]))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(files["empty"]) in result.stderr
    assert [Path(r["document"]["source"]).name for r in _json_lines(result.stdout)] == ["cong-van.txt", "bao-cao.txt"]


def test_all_bad_files_exit_3(chidao, files, tmp_path: Path) -> None:  # noqa: ANN001
    result = chidao("extract", str(files["empty"]), str(files["binary"]), str(tmp_path / "missing.txt"))
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert len([ln for ln in result.stderr.splitlines() if ln.startswith("chidao extract:")]) == 3


def test_text_format_prints_a_table(chidao, files) -> None:  # noqa: ANN001
    result = chidao("extract", "--format", "text", str(files["good"]), str(files["no_tasks"]))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert f"== {files['good']}" in result.stdout and "số 77/UBND-TH" in result.stdout
    assert "(no tasks found)" in result.stdout
    assert "chủ trì:" in result.stdout and "hạn:" in result.stdout


@pytest.mark.slow
def test_100_mb_file_is_refused_clearly(chidao, tmp_path: Path) -> None:
    paragraph = ("Giao Sở Xây dựng chủ trì, phối hợp với các sở, ngành rà soát quy hoạch, "
                 "báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026.\n").encode("utf-8")
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        block = paragraph * 10_000
        while out.tell() < 100 * 2**20:
            out.write(block)
    result = chidao("extract", "--no-text", str(big), timeout=600)
    assert "Traceback" not in result.stderr
    assert result.returncode == 3
    assert str(big) in result.stderr and "characters" in result.stderr


def test_extract_help(chidao) -> None:  # noqa: ANN001
    result = chidao("extract", "--help")
    assert result.returncode == 0
    assert "PATH" in result.stdout and "--format" in result.stdout and "table" in result.stdout


def test_evaluate_help(chidao) -> None:  # noqa: ANN001
    result = chidao("evaluate", "--help")
    assert result.returncode == 0
    assert "GOLD" in result.stdout and "--check" in result.stdout


def test_no_paths_is_a_usage_error(chidao) -> None:  # noqa: ANN001
    result = chidao("extract")
    assert result.returncode == 2 and "Traceback" not in result.stderr
