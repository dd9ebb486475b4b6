#!/usr/bin/env bash
# Browser tests drive Debian's chromium through Playwright, and screenshots and the PDF report need a
# Korean font, and the PDF tests read the text back with pdftotext: install Debian's chromium, fonts-nanum
# and poppler-utils when they are missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || need+=(fonts-nanum)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "설치 권한이 없어 ${need[*]}을(를) 설치하지 못했습니다: 브라우저 테스트는 건너뜁니다." >&2
    exit 0
  fi
fi
echo "Debian 패키지를 설치합니다: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${need[@]}" >/dev/null
