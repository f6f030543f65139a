#!/usr/bin/env bash
# The five seed meetings (examples/seeds/, from ../shared/seeds/) recorded with the CLI, as a
# clerk would after each meeting, with the progress, completions, extensions and one
# cancellation that followed. A report for 2022Q3 then shows every status:
#
#   DIRTRACK_DB=/tmp/demo.db bash examples/seed_meetings.sh
#   dirtrack --db /tmp/demo.db report --quarter 2022Q3
#
# Uses $DIRTRACK (default: dirtrack on PATH, else .venv/bin/dirtrack) and $DIRTRACK_DB.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${DIRTRACK:-}" ]; then
  if command -v dirtrack >/dev/null 2>&1; then DIRTRACK=dirtrack; else DIRTRACK="$here/../.venv/bin/dirtrack"; fi
fi
dt() { "$DIRTRACK" "$@"; }

# --- the office that files the documents (report --format docx, urge) ------------------------
dt office set --kind party --parent-body "TỈNH ỦY HÀ TĨNH" --body "VĂN PHÒNG" --code VPTU \
  --place "Hà Tĩnh" --signer-authority "K/T CHÁNH VĂN PHÒNG" --signer-title "PHÓ CHÁNH VĂN PHÒNG" \
  --signer-name "Nguyễn Văn An" --to "Thường trực Tỉnh ủy" \
  --to "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy" >/dev/null

# --- units -------------------------------------------------------------------------------------
dt unit add TU "Tỉnh ủy" >/dev/null
dt unit add VPTU "Văn phòng Tỉnh ủy" --parent TU --alias "VP Tỉnh ủy" >/dev/null
dt unit add BTCTU "Ban Tổ chức Tỉnh ủy" --parent TU --alias "Ban Tổ chức" >/dev/null
dt unit add BDVTU "Ban Dân vận Tỉnh ủy" --parent TU --alias "Ban Dân vận" >/dev/null
dt unit add UBKTTU "Ủy ban Kiểm tra Tỉnh ủy" --parent TU --alias "UBKT Tỉnh ủy" >/dev/null
dt unit add VPCU "Văn phòng cấp ủy cấp huyện" --alias "văn phòng huyện ủy, thị ủy, thành ủy" >/dev/null
dt unit add VPUB "Văn phòng UBND tỉnh" --alias "VP UBND tỉnh" >/dev/null
dt unit add ThU "Thị ủy Hồng Lĩnh" >/dev/null
dt unit add VPThU "Văn phòng Thị ủy Hồng Lĩnh" --parent ThU --alias "Văn phòng Thị ủy" >/dev/null
dt unit add BTCThU "Ban Tổ chức Thị ủy Hồng Lĩnh" --parent ThU >/dev/null
dt unit add DCT "Các Đoàn công tác của Ban Thường vụ Thị ủy" --parent ThU --alias "đoàn công tác" >/dev/null

# --- 001: 01/3/2016, Hậu Giang, giao ban công tác văn phòng cấp ủy ------------------------------
m=$(dt add-meeting --date 1/3/2016 --kind briefing --key seed-001 \
  --title "Hội nghị giao ban công tác văn phòng cấp ủy năm 2016" \
  --chair "Huỳnh Thanh Tạo" --chair-title "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh" \
  --attendee VPTU --attendee VPCU)
dt add-limitation "$m" --unit VPCU --category staffing \
  "Có huyện chỉ được bố trí 4 biên chế văn phòng (quy định 11-13 biên chế)" >/dev/null
d=$(dt assign "$m" --unit VPTU --with VPCU --due 22/5/2016 --product "Kế hoạch phục vụ bầu cử" \
  "Tập trung phục vụ cấp ủy lãnh đạo cuộc bầu cử ĐBQH khóa XIV và đại biểu HĐND các cấp nhiệm kỳ 2016-2021")
dt done "$d" --date 10/5/2016 --note "Kế hoạch 15-KH/VPTU"
d=$(dt assign "$m" --unit VPTU --due "quý II/2016" \
  "Mời cán bộ văn phòng đảng ủy cơ sở dự các lần giao ban sau; định kỳ giao ban, sơ kết hoạt động văn phòng cấp ủy")
dt done "$d" --date 20/7/2016

# --- 003: 28/12/2017, Văn phòng UBND tỉnh, hội nghị cán bộ, công chức -----------------------------
m=$(dt add-meeting --date 28/12/2017 --kind review --key seed-003 \
  --title "Hội nghị cán bộ, công chức, viên chức Văn phòng UBND tỉnh năm 2018" \
  --chair "Trương Cảnh Tuyên" --chair-title "Phó Chủ tịch UBND tỉnh" --attendee VPUB)
dt add-limitation "$m" --unit VPUB --category quality \
  "Việc nắm bắt tình hình hoạt động của sở, ban ngành chưa thật sâu sát" >/dev/null
dt add-limitation "$m" --unit VPUB --category quality \
  "Cán bộ, công chức đôi lúc còn bộc lộ yếu kém, chưa ngang tầm yêu cầu nhiệm vụ mới" >/dev/null
d=$(dt assign "$m" --unit VPUB --due "quý II/2018" --product "Đề án" \
  "Kiện toàn bộ máy tổ chức Văn phòng UBND tỉnh")
dt progress "$d" --percent 60 --note "Đã trình dự thảo đề án" --date 15/5/2018
dt done "$d" --date 30/6/2018

# --- 004: 29/7/2021, Hậu Giang, Bí thư Tỉnh ủy làm việc với Văn phòng Tỉnh ủy ---------------------
m=$(dt add-meeting --date 29/7/2021 --kind working-session --key seed-004 \
  --title "Bí thư Tỉnh ủy làm việc với cán bộ chủ chốt Văn phòng Tỉnh ủy" \
  --chair "Nghiêm Xuân Thành" --chair-title "Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy" \
  --attendee VPTU)
d=$(dt assign "$m" --unit VPTU --due "cuối năm 2021" --product "Báo cáo" \
  "Rà soát những phần việc trong năm 2021 và chương trình toàn khóa để báo cáo, tham mưu Thường trực Tỉnh ủy")
dt done "$d" --date 15/12/2021 --note "Báo cáo 120-BC/VPTU"
d=$(dt assign "$m" --unit VPTU --due "quý IV/2021" --product "Đề án" \
  "Sắp xếp lại bộ máy tổ chức tinh gọn, hoạt động hiệu lực, hiệu quả")
dt progress "$d" --percent 40 --date 20/11/2021 --note "Đang lấy ý kiến các phòng"

# --- 000: 6/5/2022, làm việc với các cơ quan tham mưu, giúp việc Tỉnh ủy --------------------------
m=$(dt add-meeting --date 6/5/2022 --kind working-session --key seed-000 \
  --title "Đánh giá hoạt động của các cơ quan tham mưu, giúp việc Tỉnh ủy 4 tháng đầu năm 2022" \
  --chair "Phương Thị Thanh" --chair-title "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh" \
  --attendee VPTU --attendee BTCTU --attendee BDVTU --attendee UBKTTU)
dt add-limitation "$m" --unit VPTU --category timeliness \
  "Tham mưu, đề xuất cho Thường trực, Ban Thường vụ Tỉnh ủy có lúc chưa kịp thời" >/dev/null
dt add-limitation "$m" --unit "Ban Tổ chức" --category timeliness \
  "Chưa đảm bảo tiến độ một số đề án, nhiệm vụ được giao" >/dev/null
dt add-limitation "$m" --unit "ban dan van" --category budget \
  "Kinh phí thường xuyên hạn hẹp, khó khăn trong triển khai nhiệm vụ chuyên môn" >/dev/null
lim=$(dt add-limitation "$m" --unit "Ủy ban Kiểm tra Tỉnh uỷ" --category staffing \
  "Thiếu lái xe, khó khăn trong bố trí, sử dụng xe phục vụ công tác")
dt resolve "$lim" --date 1/8/2022 --note "Đã hợp đồng 01 lái xe"
dt assign "$m" --attendees --key seed-000-quality \
  "Tiếp tục nâng cao chất lượng tham mưu cho Ban Thường vụ và Thường trực Tỉnh ủy" >/dev/null
d=$(dt assign "$m" --unit BTCTU --due 30/6/2022 --product "Đề án" \
  "Đẩy nhanh tiến độ các đề án, nhiệm vụ được giao còn chậm")
dt done "$d" --date 15/7/2022
d=$(dt assign "$m" --unit UBKTTU --due "tháng 8/2022" \
  "Bố trí lái xe, bảo đảm phương tiện phục vụ công tác kiểm tra, giám sát")
dt progress "$d" --percent 30 --date 10/8/2022 --note "Đang tuyển dụng"
d=$(dt assign "$m" --unit BDVTU --with VPTU --due "quý III/2022" --product "Tờ trình" \
  "Đề xuất bổ sung kinh phí thường xuyên năm 2022")
dt cancel "$d" --date 10/8/2022 --reason "Kinh phí đã được bố trí trong dự toán điều chỉnh"
d=$(dt assign "$m" --unit VPTU --with BTCTU --with BDVTU --with UBKTTU --due "tháng 9/2022" \
  --product "Báo cáo" "Tăng cường, nâng cao hiệu quả công tác phối hợp giữa các cơ quan tham mưu")
dt done "$d" --date 28/9/2022 --note "Báo cáo 35-BC/VPTU"

# --- 002: 7/9/2022, Thị ủy Hồng Lĩnh giao ban với các Đoàn công tác -------------------------------
m=$(dt add-meeting --date 7/9/2022 --kind briefing --key seed-002 --doc "46-QĐ/ThU" \
  --title "Giao ban với các Đoàn công tác của Ban Thường vụ Thị ủy tại các đảng bộ, chi bộ cơ sở" \
  --chair "Lê Thành Đông" --chair-title "Bí thư Thị ủy" \
  --attendee VPThU --attendee BTCThU --attendee DCT)
dt add-limitation "$m" --unit DCT --category discipline \
  "Một số thành viên chưa tự giác, chưa chủ động bố trí thời gian đi chỉ đạo cơ sở" >/dev/null
dt add-limitation "$m" --unit DCT --category coordination \
  "Phối hợp giữa thành viên đoàn Thị xã với đoàn cơ sở còn thiếu chặt chẽ" >/dev/null
d=$(dt assign "$m" --unit VPThU --with DCT --due "trong tháng 9" --product "Quy chế sửa đổi" \
  "Nghiên cứu sửa đổi quy chế hoạt động của các đoàn công tác")
dt extend "$d" --to "tháng 10/2022" --date 28/9/2022 --reason "Chờ ý kiến các đảng bộ cơ sở"
d=$(dt assign "$m" --unit BTCThU --due 30/9/2022 \
  "Tham mưu bổ sung thành viên các đoàn công tác phù hợp với địa phương, cán bộ, đại biểu HĐND")
dt done "$d" --date 25/9/2022
dt assign "$m" --unit DCT --due "3 tháng cuối năm" \
  "Soát xét lại để tham mưu cho Ban Thường vụ; hướng dẫn, đôn đốc thực hiện nhiệm vụ chính trị" >/dev/null

echo "Recorded 5 meetings into ${DIRTRACK_DB:-the default database}." >&2
