#!/usr/bin/env bash
# mypy over the pure rules and the writing services (settings in pyproject.toml, [tool.mypy]).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
mapfile -t files < <(find src/chinjeol \( -name rules.py -o -path '*/services/*.py' -o -name services.py \) \
  -not -path '*/migrations/*' | sort)
CHINJEOL_ENV=${CHINJEOL_ENV:-test} "$BIN/mypy" "${files[@]}"
