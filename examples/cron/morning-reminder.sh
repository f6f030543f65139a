#!/usr/bin/env bash
# Every working morning, each unit gets by mail what is overdue and what falls due soon.
#
#   30 6 * * 1-5  /opt/dirtrack/examples/cron/morning-reminder.sh /etc/dirtrack/recipients
#
# RECIPIENTS: one "address UNIT" a line (UNIT as dirtrack knows it: code, name or alias, spaces
# allowed; blank lines and # comments are skipped). A unit with nothing to remind gets no mail. The window is
# remind's: --within from $WITHIN, else [remind] within in the config file, else 7 days.
# The database: $DIRTRACK_DB or the config file. $MAILER (default: mail) is called as
# `$MAILER -s SUBJECT ADDRESS` with the text on stdin. Exits 1 if any unit failed.
set -euo pipefail
source "$(dirname "$0")/_find-dirtrack.sh"

recipients="${1:?usage: morning-reminder.sh RECIPIENTS-FILE}"
subject="${SUBJECT:-Nhắc việc}"
errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
failed=0
while read -r address unit; do
  case "$address" in '' | '#'*) continue ;; esac
  if ! text=$("$DIRTRACK" remind --unit "$unit" ${WITHIN:+--within "$WITHIN"} \
    </dev/null 2>"$errors"); then
    echo "$unit: $(cat "$errors")" >&2   # cron mails this to the crontab's owner
    failed=1
    continue
  fi
  if [ -n "$text" ]; then
    printf '%s\n' "$text" | $MAILER -s "$subject: $unit ($(date +%d/%m/%Y))" "$address"
  fi
done <"$recipients"
exit "$failed"
