"""The documentation: generated rule pages in sync, the site builds, the README stays short and true."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from dmlint import __version__
from dmlint.core.registry import all_rules

from conftest import EXAMPLES, REPO, dmlint_executable, run_dmlint

README = REPO / "README.md"
DOCS = REPO / "docs"


def test_generated_files_are_current():
    result = subprocess.run([sys.executable, str(REPO / "tools" / "generate.py"), "--check"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr + "\nrun `python tools/generate.py` and commit the result"


def test_every_rule_has_its_page_from_its_own_docstring():
    index = (DOCS / "rules" / "index.md").read_text(encoding="utf-8")
    for rule in all_rules():
        page = (DOCS / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
        assert page.splitlines()[2] == f"# {rule.code} {rule.name}"
        assert rule.doc.strip() in page
        assert f"[{rule.code}]({rule.code}.md)" in index


def test_check_mode_names_a_stale_page(tmp_path, monkeypatch):
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    monkeypatch.setattr(generate, "RULES_DIR", tmp_path)
    monkeypatch.setattr(generate, "OWNED", [(tmp_path, "*.md")])
    monkeypatch.setattr(generate, "REPO", tmp_path)
    assert generate.main([]) == 0 and generate.stale_files() == []
    (tmp_path / "WS006.md").write_text("edited by hand\n", encoding="utf-8")
    (tmp_path / "WS999.md").write_text(generate.MARKER + "\nold rule\n", encoding="utf-8")
    assert generate.stale_files() == ["WS006.md", "WS999.md (no longer generated)"]
    assert generate.main(["--check"]) == 1


def test_the_site_builds_strictly(tmp_path):
    pytest.importorskip("mkdocs", reason="mkdocs is in the test and docs extras")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=REPO, capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "rules" / "WS007" / "index.html").is_file()
    assert (tmp_path / "site" / "official" / "conformance" / "index.html").is_file()


def test_readme_is_short_and_links_into_the_docs():
    """Issue 12, problem 9: the README was 1,328 lines."""
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 250
    for target in re.findall(r"\]\((docs/[^)#]+)", text):
        assert (REPO / target).is_file(), target


def test_readme_snippets_use_what_exists():
    """Issue 12, problem 3: `pip install dmlint` (not on the index), a rev that was no tag."""
    text = README.read_text(encoding="utf-8")
    assert not re.search(r"pip install dmlint\b", text)
    assert "example.com" not in text
    revs = re.findall(r"rev: (\S+)", text)
    assert revs == [f"v{__version__}"]
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## v{__version__}\n" in changelog
    assert f'version = "{__version__}"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    for page in DOCS.rglob("*.md"):
        assert not re.search(r"pip install dmlint\b", page.read_text(encoding="utf-8")), page


@pytest.mark.parametrize("document, start", [
    (README, "```text\nexamples/websocket-handshake.xml"),
    (DOCS / "getting-started.md", "```text\nexamples/websocket-handshake.xml"),
])
def test_the_shown_output_of_the_example_is_real(document, start):
    text = document.read_text(encoding="utf-8")
    begin = text.index(start) + len("```text\n")
    shown = text[begin:text.index("```", begin)]
    result = run_dmlint("check", "examples/", cwd=REPO)
    assert result.returncode == 1
    assert result.stdout.decode().replace("\r\n", "\n") == shown


def test_sarif_rules_point_at_their_page_when_the_site_address_is_known():
    env_url = "https://docs.example.org/dmlint"
    result = subprocess.run([dmlint_executable(), "check", "--format", "sarif", str(EXAMPLES)],
                            capture_output=True, env=dict(os.environ, DMLINT_DOCS_URL=env_url), timeout=60)
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["WS007"]["helpUri"] == f"{env_url}/rules/WS007/"
    assert all(rule["helpUri"].endswith(f"/rules/{rule['id']}/") for rule in rules)
    assert all((DOCS / "rules" / f"{rule['id']}.md").is_file() for rule in rules)
    shown = run_dmlint("rule", "WS007").stdout.decode()
    assert "Documentation: docs/rules/WS007.md" in shown
    plain = json.loads(run_dmlint("check", "--format", "sarif", str(EXAMPLES)).stdout)
    assert all("helpUri" not in rule for rule in plain["runs"][0]["tool"]["driver"]["rules"])


def test_readme_coverage_totals_are_the_catalogue_s():
    """Issue 15: the official coverage totals appear in the README, and stay true."""
    from dmlint import catalogue

    entries = list(catalogue.entries().values())
    reported = sum(1 for entry in entries if entry.rule)
    details = sum(1 for entry in entries if not entry.rule and entry.reason.startswith("sub-result"))
    text = " ".join(README.read_text(encoding="utf-8").split())
    found = re.search(r"of its \*\*(\d+)\*\* error codes, dmlint reports \*\*(\d+)\*\*; \*\*(\d+)\*\* more are the "
                      r"details of those findings \(shown as related locations\), and \*\*(\d+)\*\* cannot", text)
    assert found, "the README's coverage sentence changed: keep this test in step"
    assert tuple(map(int, found.groups())) == (len(entries), reported, details, len(entries) - reported - details)
