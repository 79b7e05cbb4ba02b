"""Where a rule's documentation page lives.

The documentation site (`docs/`, built with `mkdocs build`) has one page per rule at
`rules/<CODE>/` below the site's root: `tools/generate.py` writes them from each rule's own
docstring. The site can be served from anywhere, so its address is not built in: set
`DMLINT_DOCS_URL` (e.g. `https://docs.example.com/dmlint/`) to where your copy is served,
or fill in DOCS_BASE_URL once the project publishes one. Without an address, SARIF output
carries each rule's whole page in `help.markdown` and leaves `helpUri` out, rather than
pointing at a page that does not exist.
"""

from __future__ import annotations

import os

DOCS_BASE_URL = ""  # the published site's root, ending in "/"; "" while there is none
RULE_PAGE = "rules/{code}/"  # relative to the site's root (mkdocs directory URLs)


def docs_base_url() -> str:
    base = os.environ.get("DMLINT_DOCS_URL", "").strip() or DOCS_BASE_URL
    if base and not base.endswith("/"):
        base += "/"
    return base


def rule_page(code: str) -> str:
    """The rule's page relative to the site's root (also the docs/ source: docs/rules/CODE.md)."""
    return RULE_PAGE.format(code=code)


def rule_url(code: str) -> str | None:
    """The rule's page on the configured site, or None when no site address is configured."""
    base = docs_base_url()
    return base + rule_page(code) if base else None
