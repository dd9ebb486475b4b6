#!/usr/bin/env bash
# The whole suite: lint, migration check, tests on SQLite, then the same tests on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/test}
export CHINJEOL_ENV=test
export CHINJEOL_VAR_DIR=${CHINJEOL_VAR_DIR:-$(mktemp -d)}

echo "== ruff"
"$BIN/ruff" check .
echo "== migrations are up to date"
"$BIN/python" -m chinjeol manage makemigrations --check --dry-run >/dev/null

pg_up() { "$BIN/python" - "$PG_URL" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1].replace("postgres://", "postgresql://"), connect_timeout=3).close()
except Exception as exc:
    print(exc, file=sys.stderr); sys.exit(1)
PY
}

echo "== tests on SQLite"
unset DATABASE_URL
"$BIN/pytest" -q -p no:cacheprovider "$@"

echo "== tests on PostgreSQL ($PG_URL)"
if ! pg_up 2>/dev/null; then
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
    sleep 2
  fi
fi
if pg_up; then
  DATABASE_URL="$PG_URL" "$BIN/pytest" -q -p no:cacheprovider "$@"
else
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL에 연결할 수 없습니다 ($PG_URL): CI에서는 PostgreSQL 테스트를 건너뛸 수 없습니다." >&2
    exit 1
  fi
  echo "PostgreSQL이 없어 PostgreSQL 테스트를 건너뜁니다 ($PG_URL에 연결할 수 없음)."
fi
