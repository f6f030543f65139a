#!/usr/bin/env bash
# Page 1 of the report and of an urging letter, from the example database, as README shows
# them (docs/img/): LibreOffice renders the .docx to PDF, pdftoppm page 1 to PNG at 60 dpi.
# Run from the repository after `make demo`: bash tools/page_images.sh
set -euo pipefail
here=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp demo/demo.db "$work/demo.db"  # urge records its letter: not in the demo's database
dirtrack=("$here/.venv/bin/dirtrack" --db "$work/demo.db" --lang vi)
"${dirtrack[@]}" report --quarter 2022Q3 --format docx --number 12 --date 5/10/2022 \
    --out "$work/report-party.docx"
"${dirtrack[@]}" urge VPTU --as-of 30/9/2022 --number 45 --date 3/10/2022 \
    --out "$work/urge-party.docx"
cd "$work"
for name in report-party urge-party; do
    soffice --headless --convert-to pdf "$name.docx" >/dev/null
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$name.pdf" "$here/docs/img/$name-page1"
done
