"""axe-core (from the npm registry) for the browser tests: installed once under var/npm, injected into every page.

`make browser-deps` installs it with npm; when it is missing the first accessibility test runs npm once, and
skips when npm cannot reach the registry (an offline machine)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PREFIX = Path(os.environ.get("CHINJEOL_NPM_PREFIX", "var/npm"))
AXE = PREFIX / "node_modules" / "axe-core" / "axe.min.js"
VERSION = "axe-core@4"

RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}"""


def axe_source() -> str:
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm이 없어 axe-core를 설치할 수 없습니다: 'make browser-deps'가 설치합니다.")
        done = subprocess.run(  # noqa: S603 - a fixed command
            [npm, "install", "--no-audit", "--no-fund", "--prefix", str(PREFIX), VERSION],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0 or not AXE.exists():
            pytest.skip(f"axe-core를 npm으로 설치하지 못했습니다: {done.stderr[-300:]}")
    return AXE.read_text(encoding="utf-8")


def serious_violations(page) -> list[str]:
    return page.evaluate(RUN)
