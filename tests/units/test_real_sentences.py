"""Units and roles in real sentences of ../shared/corpus, found by short anchor phrases.

The sentences are read at test time (from the anchor to the end of its sentence); only the
anchors and the expected unit names live here.
"""

from __future__ import annotations

import pytest

from extractors.roles import assign_roles

CV_KT = "CV-UBND-KT_giao-SCT-tham-muu-uy-quyen_truoc-15.9.2025.txt"
CV_CD = "cong-van-ubnd-tinh-chi-dao.txt"
TB = "thong-bao-ket-luan-ubnd.txt"
BB = "bien-ban-lam-viec-lien-nganh-ccn.txt"
HN = "news-2024-11-hanoi-cau-song-hong.txt"
KH = "KH-09-KH-BTNMT-06-8-2024-trien-khai-CT-13.txt"
KS = "CV-UBND-bao-ve-khoang-san-chua-khai-thac.txt"
GM = "giay-moi-hop-ubnd.txt"
QD = "hanoi_QD-2280-UBND-2026-thoat-nuoc.txt"

CASES = [
    # explicit assignment: giao ... chủ trì, phối hợp với ...
    (CV_KT, "Giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp", ["Sở Công Thương"], ["Sở Tư pháp", "các cơ quan có liên quan"]),
    (CV_CD, "Giao Sở Công Thương chủ trì hướng dẫn", ["Sở Công Thương"], ["Ủy ban nhân dân phường Âu Lâu"]),
    (CV_CD, "Giao Sở Tài chính chủ trì", ["Sở Tài chính"], ["các cơ quan liên quan"]),
    (CV_CD, "Giao Ủy ban nhân dân phường Yên Bái chủ trì", ["Ủy ban nhân dân phường Yên Bái"], ["Ủy ban nhân dân phường Văn Phú", "các cơ quan, đơn vị có liên quan"]),
    (BB, "Hai là, giao Sở Công Thương", ["Sở Công Thương"], ["các Sở, ngành", "UBND phường Yên Bái", "UBND phường Văn Phú"]),
    # collective + elliptical list after a head
    (CV_CD, "giao các sở, ngành liên quan", ["các sở, ngành liên quan", "UBND phường Yên Bái", "UBND phường Văn Phú"], []),
    # elliptical "các Sở:" list with "và" inside a name
    (HN, "Lãnh đạo thành phố giao các Sở", ["Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn"], None),
    # mentioned, not lead: a document's author and a report recipient
    (HN, "Lãnh đạo thành phố giao Sở Kế hoạch", ["Sở Kế hoạch và Đầu tư"], []),
    # items whose subject is the unit named at their start
    (TB, "Ban Quản lý dự án đầu tư xây dựng số 1 đẩy", ["Ban Quản lý dự án đầu tư xây dựng số 1"], []),
    (TB, "Ban Quản lý dự án đầu tư xây dựng công trình giao thông", ["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"], []),
    # support only: the lead is the item's heading, outside this text
    (TB, "Khẩn trương chủ trì, phối hợp với Ủy ban nhân dân phường", [], ["Ủy ban nhân dân phường Văn Phú", "Ủy ban nhân dân xã Yên Bình"]),
    (TB, "Chủ trì, phối hợp với Ban Quản lý Khu kinh tế", [], ["Ban Quản lý Khu kinh tế tỉnh", "các đơn vị liên quan"]),
    (TB, "Khẩn trương chủ trì, phối hợp với các sở, ngành", [], ["các sở, ngành, địa phương liên quan"]),
    # an open qualifier ends where the list goes on with another unit (was a strict xfail)
    (TB, "chủ trì, phối hợp với các chủ đầu tư", [], ["các chủ đầu tư hạ tầng cụm công nghiệp", "Ủy ban nhân dân các xã, phường", "các đơn vị liên quan"]),
    # press bodies: Trung tâm, Báo, Tạp chí
    (KH, "4. Trung tâm Truyền thông tài nguyên", ["Trung tâm Truyền thông tài nguyên và môi trường", "Báo Tài nguyên và Môi trường",
                                                  "Tạp chí Tài nguyên và Môi trường"], []),
    # a collective with its owner ("thuộc"/"của" + unit)
    (KH, "Phối hợp với cơ quan chuyên môn thuộc Bộ Tài chính", [], ["cơ quan chuyên môn thuộc Bộ Tài chính"]),
    (GM, "Viễn thông Lào Cai: chủ trì", ["Viễn thông Lào Cai"], ["các bộ phận liên quan của Văn phòng UBND tỉnh"]),
    # a collective qualified by the licence its members hold
    (KS, "9. Các tổ chức, cá nhân được cấp", ["Các tổ chức, cá nhân được cấp giấy phép thăm dò, khai thác khoáng sản"], []),
    # "và các" after a collective written without "các" opens a new entry
    (QD, "Phối hợp với chính quyền địa phương và các đơn vị liên quan", [], ["chính quyền địa phương", "các đơn vị liên quan"]),
    # a heading "Trách nhiệm của X" names who carries out its items; an owner after a dash
    ("QD-2170-2026-CTDT-KCN-Ban-Qua.txt", "1. Trách nhiệm của nhà đầu tư", ["nhà đầu tư"], []),
    (QD, "Chủ động phối hợp với Tổng công ty Điện lực", [], ["Tổng công ty Điện lực Hà Nội", "các Công ty Điện lực khu vực"]),
    ("CV-2449-CV-DU-07-9-2026.txt", "1. Ủy ban nhân dân tỉnh, chỉ đạo", ["Ủy ban nhân dân tỉnh"], []),
    # mentioned only: neither lead nor support
    (TB, "Định kỳ hằng quý tổng hợp", [], []),
    (TB, "Theo dõi, đôn đốc các cơ quan", [], []),
    (TB, "Chủ trì tham mưu Ủy ban nhân dân tỉnh ưu tiên", [], []),
    # assigner is not a lead; titles before collectives are left out
    (TB, "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng", ["các sở, ngành, đơn vị", "Ủy ban nhân dân các xã, phường"], []),
    (TB, "Ủy ban nhân dân tỉnh yêu cầu Lãnh đạo", ["các sở, ngành", "các Ban Quản lý dự án", "Ủy ban nhân dân các xã, phường"], []),
    (TB, "Văn phòng Ủy ban nhân dân tỉnh thông báo và đề nghị", ["các sở, ban, ngành, đơn vị, địa phương liên quan"], []),
]


@pytest.mark.parametrize(("document", "anchor", "lead", "support"), CASES, ids=[(c.values if hasattr(c, "values") else c)[1][:40] for c in CASES])
def test_real_sentence_roles(real_sentence, document: str, anchor: str, lead: list[str], support: list[str] | None) -> None:
    roles = assign_roles(real_sentence(document, anchor))
    got_lead = [u.text for u in roles.lead]
    assert got_lead[: len(lead)] == lead if support is None else got_lead == lead
    if support is not None:
        assert [u.text for u in roles.support] == support


@pytest.mark.parametrize(
    ("document", "anchor", "assigner"),  # who notifies and requests assigns
    [(TB, "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng", "Ủy ban nhân dân tỉnh"),
     (TB, "Văn phòng Ủy ban nhân dân tỉnh thông báo và đề nghị", "Văn phòng Ủy ban nhân dân tỉnh")],
)
def test_real_assigner(real_sentence, document: str, anchor: str, assigner: str) -> None:
    assert assign_roles(real_sentence(document, anchor)).assigner == assigner
