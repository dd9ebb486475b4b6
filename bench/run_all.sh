#!/usr/bin/env bash
# Rerun every benchmark on SQLite and PostgreSQL; figures are printed and written under bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
mkdir -p bench/out
for script in bench/*.py; do
  for db in sqlite postgres; do
    echo "== $script ($db)"
    "$BIN/python" "$script" --db "$db" | tee "bench/out/$(basename "$script" .py)-$db.txt"
  done
done
