"""find_units over sentences written for these tests in official style, grouped by phenomenon."""

from __future__ import annotations

import pytest

from extractors.units import find_units


def texts(sentence: str) -> list[str]:
    return [u.text for u in find_units(sentence)]


HEAD_TYPES = [
    ("Sở Y tế tỉnh Quảng Ninh tổ chức kiểm tra.", ["Sở Y tế tỉnh Quảng Ninh"]),
    ("Giao Cục Biến đổi khí hậu xây dựng dự thảo.", ["Cục Biến đổi khí hậu"]),
    ("Giao Vụ Tổ chức cán bộ xây dựng kế hoạch tuyển dụng.", ["Vụ Tổ chức cán bộ"]),
    ("Học viện Hành chính Quốc gia mở lớp bồi dưỡng.", ["Học viện Hành chính Quốc gia"]),
    ("Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc.", ["Văn phòng Ủy ban nhân dân tỉnh"]),
    ("Ban Thường vụ Tỉnh ủy cho ý kiến.", ["Ban Thường vụ Tỉnh ủy"]),
    ("Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.", ["Ban Tuyên giáo Tỉnh ủy"]),
    ("Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh tăng cường tuần tra.", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
    ("Kho bạc Nhà nước khu vực VIII kiểm soát chi.", ["Kho bạc Nhà nước khu vực VIII"]),
    ("Chi nhánh Ngân hàng Nhà nước khu vực 8 theo dõi tín dụng.", ["Chi nhánh Ngân hàng Nhà nước khu vực 8"]),
    ("Công ty Điện lực Lào Cai khảo sát phương án cấp điện.", ["Công ty Điện lực Lào Cai"]),
    ("Thủ tướng Chính phủ giao Văn phòng Chính phủ đôn đốc.", ["Thủ tướng Chính phủ", "Văn phòng Chính phủ"]),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động nhân dân.", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    ("Đài Phát thanh - Truyền hình tỉnh đưa tin.", ["Đài Phát thanh - Truyền hình tỉnh"]),
    ("Vườn quốc gia Hoàng Liên quản lý rừng đặc dụng.", ["Vườn quốc gia Hoàng Liên"]),
    ("UBND tỉnh, HĐND tỉnh và UBMTTQ tỉnh giám sát.", ["UBND tỉnh", "HĐND tỉnh", "UBMTTQ tỉnh"]),
    ("Uỷ ban nhân dân thành phố Hà Nội chỉ đạo.", ["Uỷ ban nhân dân thành phố Hà Nội"]),
    ("Sở NN&MT, Sở KH&ĐT và Sở TN&MT phối hợp.", ["Sở NN&MT", "Sở KH&ĐT", "Sở TN&MT"]),
    # "Vu" for "Vụ": a dropped diacritic (typing, OCR); the unit is kept as written (§3)
    ("Vu Pháp chế thẩm định dự thảo.", ["Vu Pháp chế"]),
]

COLLECTIVES = [
    ("Các sở, ban, ngành cấp tỉnh triển khai.", ["Các sở, ban, ngành cấp tỉnh"]),
    ("Yêu cầu các cơ quan, đơn vị liên quan thực hiện.", ["các cơ quan, đơn vị liên quan"]),
    ("Đề nghị các bộ, ngành, địa phương khẩn trương rà soát.", ["các bộ, ngành, địa phương"]),
    ("Ủy ban nhân dân các xã, phường bố trí mặt bằng.", ["Ủy ban nhân dân các xã, phường"]),
    ("Yêu cầu Thủ trưởng các sở, ngành và Chủ tịch UBND các xã báo cáo.", ["các sở, ngành", "UBND các xã"]),
    ("Các doanh nghiệp trên địa bàn tỉnh kê khai sản lượng.", ["Các doanh nghiệp trên địa bàn tỉnh"]),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo.", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
]

NOT_UNITS = [  # "các" before a noun that is not an addressee; heads used as ordinary words; headings in capitals
    ("Sắp xếp các đơn vị hành chính cấp xã.", []),
    ("Ban hành Quyết định về các cụm công nghiệp.", []),
    ("Báo cáo kết quả với các cơ sở dữ liệu quốc gia.", []),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", []),
    ("Phòng cháy, chữa cháy tại các khu vực đông dân cư.", []),
    ("Hàng hóa nhập khẩu từ Đài Loan tăng.", []),
    ("Ông Trần Văn Vu phát biểu ý kiến.", []),
]

ELLIPTICAL = [
    ("Giao các Sở: Công Thương, Tài chính, Xây dựng phối hợp.", ["Sở Công Thương", "Sở Tài chính", "Sở Xây dựng"]),
    ("Đề nghị các Bộ: Công an, Tài chính cho ý kiến.", ["Bộ Công an", "Bộ Tài chính"]),
    ("Lãnh đạo các Sở: Nội vụ, Nông nghiệp và Môi trường, Văn phòng Ủy ban nhân dân tỉnh dự họp.",
     ["Sở Nội vụ", "Sở Nông nghiệp và Môi trường", "Văn phòng Ủy ban nhân dân tỉnh"]),
    ("UBND các phường: Bắc Lệnh, Cốc San tăng cường kiểm tra.", ["UBND phường Bắc Lệnh", "UBND phường Cốc San"]),
    ("Bộ Công an, Quốc phòng và Ngoại giao phối hợp.", ["Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao"]),
]

VA_INSIDE_NAMES = [
    ("Bộ Tài chính, Bộ Kế hoạch và Đầu tư thẩm định.", ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"]),
    ("Bộ Văn hóa, Thể thao và Du lịch hướng dẫn.", ["Bộ Văn hóa, Thể thao và Du lịch"]),
    ("Sở Khoa học và Công nghệ và Sở Nội vụ thẩm định.", ["Sở Khoa học và Công nghệ", "Sở Nội vụ"]),
    ("Cục Bảo tồn thiên nhiên và Đa dạng sinh học đánh giá.", ["Cục Bảo tồn thiên nhiên và Đa dạng sinh học"]),
    ("Bộ Dân tộc và Tôn giáo và Bộ Nông nghiệp và Môi trường rà soát.", ["Bộ Dân tộc và Tôn giáo", "Bộ Nông nghiệp và Môi trường"]),
    ("Báo cáo Bộ Chính trị và Chương trình hành động.", ["Bộ Chính trị"]),
]

STOP_AT_VERBS = [
    ("Sở Công Thương chủ trì, phối hợp với Sở Tài chính tham mưu.", ["Sở Công Thương", "Sở Tài chính"]),
    ("Ủy ban nhân dân tỉnh giao Sở Xây dựng thẩm định.", ["Ủy ban nhân dân tỉnh", "Sở Xây dựng"]),
    ("Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh đẩy nhanh tiến độ.",
     ["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"]),
    ("Trung tâm dịch vụ tổng hợp cấp xã lập hồ sơ.", ["Trung tâm dịch vụ tổng hợp cấp xã"]),
    ("Ủy ban nhân dân xã Yên Bình hoàn thành phương án.", ["Ủy ban nhân dân xã Yên Bình"]),
    ("Công ty cổ phần Xi măng Bắc Hà vận hành thử.", ["Công ty cổ phần Xi măng Bắc Hà"]),
    ("6. Công ty Điện lực Lào Cai\nKhảo sát, xây dựng phương án cấp điện.", ["Công ty Điện lực Lào Cai"]),  # own: a label's line
]

LOCAL_BODIES = [  # own sentences: commune- and district-level bodies and offices
    ("Trạm Y tế xã Tân Lập giám sát chặt chẽ các ổ dịch.", ["Trạm Y tế xã Tân Lập"]),
    ("Giao Bộ phận Tài chính - Kế toán rà soát các khoản chi.", ["Bộ phận Tài chính - Kế toán"]),
    ("Bộ phận Một cửa xã tiếp nhận hồ sơ trực tuyến.", ["Bộ phận Một cửa xã"]),
    ("Công chức Văn hóa - Xã hội chủ trì tuyên truyền.", ["Công chức Văn hóa - Xã hội"]),
    ("Hạt Kiểm lâm huyện Bảo Yên tăng cường tuần tra.", ["Hạt Kiểm lâm huyện Bảo Yên"]),
    ("Các trường chủ động tuyên truyền phòng bệnh.", ["Các trường"]),
    ("Trong các trường hợp khẩn cấp, báo cáo ngay.", []),
    ("Trạm bơm Yên Sở vận hành liên tục.", []),  # a pumping station, not a body
    ("Giao Văn phòng HĐND và UBND huyện theo dõi, đôn đốc.", ["Văn phòng HĐND và UBND huyện"]),
    ("Văn phòng UBND tỉnh và Sở Tài chính phối hợp.", ["Văn phòng UBND tỉnh", "Sở Tài chính"]),
    ("Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch tỉnh giới thiệu dự án.",
     ["Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch tỉnh"]),  # ", X và Y" inside one name
    ("Phòng Kinh tế, Hạ tầng và Đô thị phối hợp.", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),
    ("Trung tâm Y tế, Hội Chữ thập đỏ và Đoàn Thanh niên phối hợp.",
     ["Trung tâm Y tế", "Hội Chữ thập đỏ", "Đoàn Thanh niên"]),  # each with its head: a list
]

LEADERS = [  # a title is not part of the unit: the unit as named stands (ANNOTATION §3)
    ("Giám đốc Sở Công Thương chịu trách nhiệm.", ["Sở Công Thương"]),
    ("Chủ tịch Ủy ban nhân dân phường Cốc Lếu chỉ đạo.", ["Ủy ban nhân dân phường Cốc Lếu"]),
    ("Phó Thủ tướng Chính phủ yêu cầu.", ["Phó Thủ tướng Chính phủ"]),
]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    HEAD_TYPES + COLLECTIVES + NOT_UNITS + ELLIPTICAL + VA_INSIDE_NAMES + STOP_AT_VERBS + LEADERS + LOCAL_BODIES,
)
def test_units_as_named(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), COLLECTIVES)
def test_collectives_flagged(sentence: str, expected: list[str]) -> None:
    assert [u.collective for u in find_units(sentence)] == [True] * len(expected)


def test_offsets_and_heads() -> None:
    sentence = "Giao các Sở: Công Thương, Tài chính rà soát; UBND tỉnh theo dõi."
    units = find_units(sentence)
    assert [sentence[u.start : u.end] for u in units] == ["Công Thương", "Tài chính", "UBND tỉnh"]
    assert [u.head for u in units] == ["Sở", "Sở", "Ủy ban nhân dân"]
    assert not any(u.collective for u in units)


def test_wrapped_name_is_written_on_one_line() -> None:
    [unit] = find_units("Giao Sở Nông nghiệp và\nMôi trường chủ trì.")
    assert unit.text == "Sở Nông nghiệp và Môi trường"
    assert unit.end - unit.start == len("Sở Nông nghiệp và\nMôi trường")
