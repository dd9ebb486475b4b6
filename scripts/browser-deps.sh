#!/usr/bin/env bash
# Browser tests drive Debian's chromium through Playwright, and screenshots and the PDF report need a
# Korean font, and the PDF tests read the text back with pdftotext: install Debian's chromium, fonts-nanum
# and poppler-utils when they are missing; axe-core from npm for the accessibility checks.
set -euo pipefail
# The accessibility tests inject axe-core (npm registry) into the pages: install it once under var/npm
# (git ignores var/). Without npm or network the tests that need it are skipped with the reason.
if [ ! -f var/npm/node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "== 접근성 검사 도구 axe-core를 npm으로 var/npm에 설치합니다 (처음 한 번)"
    npm install --no-audit --no-fund --prefix var/npm axe-core@4 || echo "axe-core를 설치하지 못했습니다: 접근성 검사는 건너뜁니다." >&2
  else
    echo "npm이 없어 axe-core를 설치하지 않습니다: 접근성 검사는 건너뜁니다." >&2
  fi
fi
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || need+=(fonts-nanum)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -eq 0 ]; then
  echo "== 브라우저 테스트 준비됨: chromium, 한글 글꼴(fonts-nanum), pdftotext(poppler-utils)가 이미 있습니다."
  exit 0
fi
echo "== 브라우저 테스트에 필요한 Debian 패키지가 없습니다: ${need[*]}"
echo "   chromium: Playwright로 화면을 시험하는 브라우저 / fonts-nanum: 화면 사진과 PDF의 한글 글꼴 /"
echo "   poppler-utils: PDF 보고서의 글자를 다시 읽는 pdftotext"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "설치 권한이 없어 ${need[*]}을(를) 설치하지 못했습니다: 브라우저 테스트는 건너뜁니다." >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "== apt 패키지 목록을 갱신합니다 (apt-get update, 1분쯤)"
$SUDO apt-get update -q
echo "== 설치합니다: ${need[*]} (chromium은 100MB가 넘어 몇 분 걸릴 수 있습니다)"
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
echo "== 설치를 마쳤습니다: ${need[*]}"
