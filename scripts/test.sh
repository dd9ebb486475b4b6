#!/usr/bin/env bash
# The whole suite: lint, migration check, tests on SQLite, then the same tests on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/test}
export CHINJEOL_ENV=test
export CHINJEOL_VAR_DIR=${CHINJEOL_VAR_DIR:-$(mktemp -d)}

echo "== 전체 시험: ruff 검사·서식 → mypy → 마이그레이션 확인 → SQLite 시험 → PostgreSQL 시험 ($PG_URL)"
echo "   시험 중에 만드는 파일은 $CHINJEOL_VAR_DIR 에 둡니다. 전체는 수십 분 걸릴 수 있습니다."
echo "== ruff: 코드 검사"
"$BIN/ruff" check .
echo "== ruff: 서식 확인 (ruff format --check)"
"$BIN/ruff" format --check .
echo "== mypy: 업무 규칙(rules)과 쓰기 서비스(services)의 타입 확인"
VENV=${VENV:-.venv} bash scripts/typecheck.sh
echo "== 마이그레이션이 모델과 맞는지 확인합니다 (makemigrations --check)"
"$BIN/python" -m chinjeol manage makemigrations --check --dry-run >/dev/null

pg_up() { "$BIN/python" - "$PG_URL" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1].replace("postgres://", "postgresql://"), connect_timeout=3).close()
except Exception as exc:
    print(exc, file=sys.stderr); sys.exit(1)
PY
}

echo "== PostgreSQL을 확인합니다 ($PG_URL, PG_URL로 바꿀 수 있습니다)"
if ! pg_up 2>/dev/null; then
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "   PostgreSQL이 응답하지 않아 이 기계의 PostgreSQL 클러스터를 시작해 봅니다 (pg_ctlcluster)"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
    sleep 2
  fi
fi

# The two databases are tested at the same time (each run mostly waits on one core: Python or the database),
# each with its own directory for files; the PostgreSQL run's output follows the SQLite run's.
pg_pid=""
pg_log=$(mktemp)
if pg_up; then
  echo "== SQLite와 PostgreSQL에서 같은 시험을 동시에 돌립니다 (pytest, 브라우저 시험 포함)"
  DATABASE_URL="$PG_URL" CHINJEOL_VAR_DIR=$(mktemp -d) "$BIN/pytest" -q -p no:cacheprovider --durations=10 "$@" >"$pg_log" 2>&1 &
  pg_pid=$!
else
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL에 연결할 수 없습니다 ($PG_URL): CI에서는 PostgreSQL 테스트를 건너뛸 수 없습니다." >&2
    exit 1
  fi
  echo "PostgreSQL이 없어 PostgreSQL 테스트를 건너뜁니다 ($PG_URL에 연결할 수 없음)."
  echo "== SQLite에서 시험합니다 (pytest, 브라우저 시험 포함)"
fi

sqlite_rc=0
(unset DATABASE_URL; "$BIN/pytest" -q -p no:cacheprovider --durations=10 "$@") || sqlite_rc=$?
echo "== SQLite 시험 끝 (종료 코드 $sqlite_rc)"
pg_rc=0
if [ -n "$pg_pid" ]; then
  wait "$pg_pid" || pg_rc=$?
  echo "== PostgreSQL 시험 ($PG_URL)"
  cat "$pg_log"
  echo "== PostgreSQL 시험 끝 (종료 코드 $pg_rc)"
fi
rm -f "$pg_log"
[ "$sqlite_rc" -eq 0 ] && [ "$pg_rc" -eq 0 ]
