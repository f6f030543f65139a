#!/usr/bin/env bash
# On the first day of each quarter, file the report of the quarter just ended: JSON for other
# programs and Markdown for people, named after the period (2022-Q3.json, 2022-Q3.md).
#
#   5 0 1 1,4,7,10 *  /opt/dirtrack/examples/cron/quarter-end-report.sh /srv/vptu/reports
#
# $PERIOD (default: previous, the quarter before today's) picks another period; the cut-off
# (calendar or nd09) comes from the config file's [report] cutoff (dirtrack reads no
# DIRTRACK_CUTOFF). Files are written whole (to a temporary name, then renamed), so a reader
# never sees half a report. It prints one line, what it filed: cron mails it, a receipt.
set -euo pipefail
source "$(dirname "$0")/_find-dirtrack.sh"

folder="${1:?usage: quarter-end-report.sh FOLDER}"
period="${PERIOD:-previous}"
mkdir -p "$folder"
label="$("$DIRTRACK" report --period "$period" --format csv | sed -n '2{s/,.*//;p;}')"
[ -n "$label" ] || { echo "no report for period $period" >&2; exit 1; }
for format in json md; do
  part="$folder/.$label.$format.part"
  "$DIRTRACK" report --period "$period" --format "$format" >"$part"
  mv -f "$part" "$folder/$label.$format"
done
echo "$label: $folder/$label.json, $folder/$label.md"
