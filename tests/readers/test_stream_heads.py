"""The stream check finds each stream's dictionary from the right as a full scan would."""

from __future__ import annotations

import pytest

from chidao.readers.pdf import _OBJ, _last_obj_end


def _full_scan(head: bytes) -> int:
    starts = list(_OBJ.finditer(head))
    return starts[-1].end() if starts else 0


@pytest.mark.parametrize("head", [
    b"12 0 obj\n<< /Filter /FlateDecode /Length 9 >>",
    b"%PDF-1.7\n1 0 obj << >> endobj\n2 0 obj\n<< /Length 3 >>",
    b"<< /Length 3 >>",  # no object header in reach: the whole head is the dictionary
    b"12345678901 0 obj << >>",  # eleven digits: no object number, only its last ten digits
    b"7 0 objstm << >>",  # "obj" inside a longer word is no header
    b"obj 3 0 obj << >>",
    b"9 0 obj << /A (4 0 obj) >>",  # an "obj" inside a string comes last, as in a full scan
    b"5 0  \n obj << >>",
    b"x" * 5000 + b"8 0 obj << >>",
], ids=lambda h: repr(h[-24:]))
def test_last_object_header_matches_a_full_scan(head: bytes) -> None:
    assert _last_obj_end(head) == _full_scan(head)
