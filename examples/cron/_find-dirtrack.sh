# Sourced by the cron scripts: find dirtrack even under cron's bare PATH (/usr/bin:/bin).
# $DIRTRACK wins; then dirtrack on PATH; then the virtual environment of this checkout.
if [ -z "${DIRTRACK:-}" ]; then
  if command -v dirtrack >/dev/null 2>&1; then
    DIRTRACK=dirtrack
  else
    DIRTRACK="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.venv/bin/dirtrack"
  fi
fi
if ! command -v "$DIRTRACK" >/dev/null 2>&1; then
  echo "dirtrack not found: install it, or set DIRTRACK=/path/to/dirtrack" >&2
  exit 1
fi
MAILER="${MAILER:-mail}"
