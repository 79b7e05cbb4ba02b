"""Files generated from the code (tools/generate.py) are current; the rule index is complete."""

from __future__ import annotations

import subprocess
import sys

from dmlint.core.registry import all_rules, discover_rules

from conftest import REPO


def test_generated_files_are_current():
    result = subprocess.run([sys.executable, str(REPO / "tools" / "generate.py"), "--check"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_index_lists_exactly_the_discovered_rules():
    indexed = [(r.code, r.name, r.severity, r.summary, r.enabled, r.module, r.official_severity, r.fix)
               for r in all_rules()]
    found = [(r.code, r.name, r.severity, r.summary, r.enabled, r.module, r.official_severity, r.fix)
             for r in discover_rules()]
    assert indexed == found
