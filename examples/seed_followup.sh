#!/usr/bin/env bash
# Two follow-up meetings in 2023 (made up for the demo, not from the seed articles), recorded on
# top of examples/seed_meetings.sh. They raise some limitations of 6/5/2022 again, so the review
# shows repeats: the first is linked by text similarity, the second confirmed with --repeat-of,
# and the Văn phòng's "chưa kịp thời" comes back a third time.
#
#   DIRTRACK_DB=/tmp/demo.db bash examples/seed_meetings.sh
#   DIRTRACK_DB=/tmp/demo.db bash examples/seed_followup.sh
#   dirtrack --db /tmp/demo.db report --period "6 tháng cuối năm 2023" --format docx --out review.docx
#
# Uses $DIRTRACK (default: dirtrack on PATH, else .venv/bin/dirtrack) and $DIRTRACK_DB.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${DIRTRACK:-}" ]; then
  if command -v dirtrack >/dev/null 2>&1; then DIRTRACK=dirtrack; else DIRTRACK="$here/../.venv/bin/dirtrack"; fi
fi
dt() { "$DIRTRACK" "$@"; }

# The limitation "Thiếu lái xe" raised about UBKTTU on 6/5/2022 (resolved on 1/8/2022).
driver=$(dt limitations --unit UBKTTU --format csv | awk -F, '$4 ~ /lái xe/ {print $1; exit}')

# --- 15/3/2023: the chair checks what became of the conclusions of 6/5/2022 ---------------------
m=$(dt add-meeting --date 15/3/2023 --kind working-session --key followup-2023-03 \
  --title "Kiểm tra việc thực hiện Kết luận buổi làm việc ngày 6/5/2022 với các cơ quan tham mưu, giúp việc Tỉnh ủy" \
  --chair "Phương Thị Thanh" --chair-title "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh" \
  --attendee VPTU --attendee BTCTU --attendee UBKTTU)
# Alike enough (88 and 76 of 100) to be linked to the limitations of 6/5/2022 without being told.
dt add-limitation "$m" --unit VPTU --category timeliness \
  "Tham mưu, đề xuất cho Thường trực Tỉnh ủy có lúc còn chưa kịp thời" >/dev/null
dt add-limitation "$m" --unit BTCTU --category timeliness \
  "Tiến độ thực hiện một số đề án, nhiệm vụ được giao còn chậm" >/dev/null
# Only 65 of 100 (dirtrack would merely suggest it): the clerk confirms it is the same problem.
dt add-limitation "$m" --unit UBKTTU --category staffing --repeat-of "$driver" \
  "Vẫn thiếu lái xe phục vụ công tác kiểm tra, giám sát" >/dev/null
# A new problem: --new keeps it apart from anything earlier.
dt add-limitation "$m" --unit UBKTTU --category equipment --new \
  "Trang thiết bị phục vụ công tác kiểm tra còn thiếu" >/dev/null
d=$(dt assign "$m" --unit VPTU --due "quý III/2023" --product "Quy chế" \
  "Xây dựng quy chế phối hợp tham mưu giữa các cơ quan giúp việc Tỉnh ủy")
dt done "$d" --date 20/9/2023 --note "Quy chế 12-QC/TU"
dt assign "$m" --unit UBKTTU --due 30/6/2023 \
  "Đề xuất phương án bố trí lái xe, phương tiện phục vụ kiểm tra, giám sát" >/dev/null

# --- 3/10/2023: giao ban quý III ----------------------------------------------------------------
m=$(dt add-meeting --date 3/10/2023 --kind briefing --key followup-2023-10 \
  --title "Giao ban các cơ quan tham mưu, giúp việc Tỉnh ủy quý III/2023" \
  --chair "Phương Thị Thanh" --chair-title "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh" \
  --attendee VPTU --attendee BTCTU)
dt add-limitation "$m" --unit "Văn phòng Tỉnh ủy" --category timeliness \
  "Việc tham mưu, đề xuất cho Thường trực Tỉnh ủy vẫn có lúc chưa kịp thời" >/dev/null
dt assign "$m" --unit BTCTU --due "tháng 12/2023" --product "Báo cáo" \
  "Báo cáo tiến độ các đề án còn chậm" >/dev/null

echo "Recorded 2 follow-up meetings into ${DIRTRACK_DB:-the default database}." >&2
