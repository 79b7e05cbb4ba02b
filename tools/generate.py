"""Regenerate every file dmlint derives from its own code, or check they are current.

    python tools/generate.py          # rewrite them
    python tools/generate.py --check  # exit 1 and name the stale ones (a test runs this)

Each generator returns {path relative to the repository: content}.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def rule_index() -> dict[str, str]:
    """rules/_index.py: every rule's metadata, so only selected rules are imported."""
    from dmlint.core.registry import discover_rules, index_source

    return {"rules/_index.py": index_source(discover_rules())}


GENERATORS = (rule_index,)


def outputs() -> dict[str, str]:
    found: dict[str, str] = {}
    for generator in GENERATORS:
        found.update(generator())
    return found


def stale() -> list[str]:
    """The generated files whose content on disk differs from what the code gives."""
    return [name for name, content in outputs().items()
            if not (REPO / name).exists() or (REPO / name).read_text(encoding="utf-8") != content]


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        names = stale()
        for name in names:
            print(f"stale: {name} (run python tools/generate.py)", file=sys.stderr)
        return 1 if names else 0
    if argv:
        print("usage: python tools/generate.py [--check]", file=sys.stderr)
        return 2
    for name, content in outputs().items():
        path = REPO / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
            print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
