"""Programs outside Python that some tests need, and what happens when one is missing.

Locally, a missing tool skips the tests that need it, and the reason is printed at the end
of the run. With REQUIRE_BROWSER=1 or CI=true a missing tool fails those tests instead, so a
green CI run has really driven Chromium and validated the HTML.
"""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright cannot download its own here
AXE = ROOT / "tests" / "vendor" / "axe.min.js"  # axe-core 4.14.1, MPL-2.0, vendored
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"  # `npm ci` installs it


def _is_set(name):
    return os.environ.get(name, "").strip().lower() not in {"", "0", "false", "no"}


def tools_required():
    """REQUIRE_BROWSER=1 or CI=true: a missing tool is a failure, not a skip."""
    return _is_set("REQUIRE_BROWSER") or _is_set("CI")


def chromium_missing():
    """Why the browser tests cannot run here, or None when they can."""
    if os.path.exists(CHROMIUM):
        return None
    return f"{CHROMIUM} not found (apt-get install -y chromium)"


def nu_checker_missing():
    """What the Nu HTML checker lacks here, or None when it can run."""
    missing = []
    if not VNU.exists():
        missing.append("node_modules/vnu-jar is missing (`npm ci` installs it; needs node and npm)")
    if shutil.which("java") is None:
        missing.append("java not found (apt-get install -y default-jre-headless)")
    return "; ".join(missing) or None


def skip_or_fail(reason):
    """Skip the current test for a missing tool, or fail it when tools are required."""
    if tools_required():
        pytest.fail(f"{reason} [REQUIRE_BROWSER or CI is set: a missing tool fails]", pytrace=False)
    pytest.skip(reason)
