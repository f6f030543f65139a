#!/usr/bin/env bash
# Every Monday, the overdue list goes to the chief of office, but only when something is
# overdue (dirtrack overdue --check exits 3 then). Items with no news for a long time are
# marked ⚠ with the date of their last update.
#
#   0 7 * * 1  /opt/dirtrack/examples/cron/monday-overdue.sh chanhvanphong@example.vn
#
# The database: $DIRTRACK_DB or the config file. $MAILER (default: mail) is called as
# `$MAILER -s SUBJECT ADDRESS` with the list on stdin. A dirtrack error exits non-zero with the
# message on stderr, which cron mails to the crontab's owner.
set -euo pipefail
source "$(dirname "$0")/_find-dirtrack.sh"

to="${1:?usage: monday-overdue.sh ADDRESS}"
list="$(mktemp)"
errors="$(mktemp)"
trap 'rm -f "$list" "$errors"' EXIT
status=0
"$DIRTRACK" overdue --check >"$list" 2>"$errors" || status=$?
case "$status" in
  0) exit 0 ;;
  3) $MAILER -s "${SUBJECT:-Nhiệm vụ quá hạn} $(date +%d/%m/%Y)" "$to" <"$list" ;;
  *) cat "$errors" >&2; exit "$status" ;;
esac
