"""Refresh the official columns of dmlint's catalogue, keeping dmlint's own columns.

    python tools/catalogue.py OFFICIAL.tsv

OFFICIAL.tsv holds facts read from the official validator's public error catalogue
(code, category, check, error name, severity, certainty, source, fix impact, code
fix), one row per official code, with the columns `code category_name namespace
check_name error_name severity certainty source fix_impact has_code_fix`. The
catalogue in the package (`linter/catalogue/official.tsv`) adds dmlint's columns:
`rule` (the dmlint rule that reports the code) and `reason` (why no rule does).
Rows are sorted numerically by code; a code that disappeared upstream is kept
and reported, so a claim is never lost silently.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "linter" / "catalogue" / "official.tsv"
OFFICIAL_COLUMNS = ("code", "category", "namespace", "check_name", "error_name", "severity", "certainty",
                    "source", "fix_impact", "has_code_fix")
COLUMNS = OFFICIAL_COLUMNS + ("rule", "reason")


def code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def write_rows(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for row in sorted(rows, key=lambda row: code_key(row["code"])):
            writer.writerow({column: row.get(column, "") or "" for column in COLUMNS})


def merge(official: list[dict], current: list[dict]) -> tuple[list[dict], list[str]]:
    ours = {row["code"]: row for row in current}
    merged, seen = [], set()
    for row in official:
        code = row["code"]
        seen.add(code)
        entry = {column: row.get(column) or row.get(f"{column}_name") or "" for column in OFFICIAL_COLUMNS}
        entry["category"] = row.get("category_name") or row.get("category") or ""
        entry["rule"] = ours.get(code, {}).get("rule", "")
        entry["reason"] = ours.get(code, {}).get("reason", "")
        merged.append(entry)
    dropped = [code for code in ours if code not in seen]
    merged.extend(ours[code] for code in dropped)
    return merged, dropped


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    current = read_rows(CATALOGUE) if CATALOGUE.exists() else []
    rows, dropped = merge(read_rows(Path(argv[0])), current)
    write_rows(CATALOGUE, rows)
    print(f"{CATALOGUE}: {len(rows)} codes")
    for code in dropped:
        print(f"kept {code}: no longer in {argv[0]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
