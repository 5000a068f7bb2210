"""Small documents written for these tests (not taken from any real document)."""

THONG_BAO = """ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ GIANG    Độc lập - Tự do - Hạnh phúc
Số: 125/TB-UBND    Hà Giang, ngày 12 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số
Ngày 10/3/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp về chuyển đổi số. Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:
Năm 2025, các sở, ngành đã hoàn thành 45/50 chỉ tiêu chuyển đổi số.
Để hoàn thành các chỉ tiêu năm 2026, Chủ tịch UBND tỉnh yêu cầu Sở Khoa học và Công nghệ thực hiện các nhiệm vụ sau, hoàn thành trước ngày 30/6/2026:
1. Rà soát, cập nhật danh mục cơ sở dữ liệu dùng chung của tỉnh.
2. Hướng dẫn các xã, phường triển khai nền tảng số cấp xã.
3. Sở Tài chính bố trí kinh phí thực hiện chuyển đổi số, hoàn thành trong tháng 4/2026.
Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện.
Nơi nhận:
- Sở Khoa học và Công nghệ;
- Sở Tài chính;
- Lưu: VT.
"""

CONG_VAN = """ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÀO CAI    Độc lập - Tự do - Hạnh phúc
Số: 88/UBND-XD    Lào Cai, ngày 2 tháng 6 năm 2026
V/v chủ động phòng, chống mưa lũ
Kính gửi:
- Sở Nông nghiệp và Môi trường;
- Ủy ban nhân dân các xã, phường.
Dự báo trong những ngày tới trên địa bàn tỉnh có mưa lớn diện rộng.
Đề nghị khẩn trương rà soát các khu vực có nguy cơ sạt lở, chủ động sơ tán người dân khỏi vùng nguy hiểm.
"""

BAO_CAO = """SỞ CÔNG THƯƠNG    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do - Hạnh phúc
Số: 210/BC-SCT    Lào Cai, ngày 25 tháng 6 năm 2026
BÁO CÁO
Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2026
Trong 6 tháng đầu năm, Sở đã hoàn thành 70/76 nhiệm vụ được giao.
Sở đã ban hành 12 văn bản hướng dẫn các doanh nghiệp.
Tổng kim ngạch xuất khẩu đạt 1.200 triệu USD, tăng 8% so với cùng kỳ.
Sở đã tổ chức 5 đoàn kiểm tra an toàn thực phẩm.
"""
