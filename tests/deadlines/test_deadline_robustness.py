"""Any mix of deadline words and numbers scans without error, with offsets into the text."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.deadlines import choose_deadline, find_deadlines, parse_deadline_value

WORDS = ("trước ngày tháng năm quý hằng hàng định kỳ vào đến hết trong 0 00 1 12 31 29 2 30 / - . , : "
         "2026 2027 1999 IV III II I thứ Sáu tuần sau tới này nay cuối đầu 6 của kể từ ký nhận hợp đồng "
         "dự kiến cập nhật tính và các tiếp theo Q h giờ chủ nhật lần một").split()
REFS = st.sampled_from([None, datetime.date(2026, 2, 28), datetime.date(2024, 12, 31), datetime.date(2026, 3, 31)])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join), REFS)
def test_any_phrase_scans(text: str, ref: datetime.date | None) -> None:
    mentions = find_deadlines(text, ref)
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
    chosen = choose_deadline(mentions)
    assert chosen is None or chosen.granularity != "urgency"
    parse_deadline_value(text, ref)
