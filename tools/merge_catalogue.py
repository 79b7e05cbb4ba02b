"""Merge two versions of linter/catalogue/official.tsv after a git merge conflict: every claim and
reason of both sides is kept; a code claimed by different rules on the two sides is an error.

    python tools/merge_catalogue.py      # during a merge: reads the index stages :1: :2: :3:
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from catalogue import CATALOGUE, COLUMNS, code_key, write_rows


def stage(number: int) -> dict[str, dict]:
    text = subprocess.run(["git", "show", f":{number}:linter/catalogue/official.tsv"], capture_output=True,
                          text=True, check=True, cwd=CATALOGUE.parent.parent.parent).stdout
    return {row["code"]: row for row in csv.DictReader(io.StringIO(text), delimiter="\t")}


def main() -> int:
    base, ours, theirs = stage(1), stage(2), stage(3)
    merged, clashes = [], []
    for code in sorted(set(ours) | set(theirs), key=code_key):
        mine, other, old = ours.get(code), theirs.get(code), base.get(code, {})
        row = dict(mine or other)
        if mine and other:
            # three-way: a side that kept the base's value gives way to the side that changed it
            def changed(side, old=old):
                return (side["rule"], side["reason"]) != (old.get("rule", ""), old.get("reason", ""))
            both = changed(mine) and changed(other)
            if both and mine["rule"] and other["rule"] and mine["rule"] != other["rule"]:
                clashes.append(f"{code}: {mine['rule']} (ours) vs {other['rule']} (theirs)")
            chosen = other if changed(other) and not changed(mine) else mine
            if not chosen["rule"] and (other["rule"] or mine["rule"]):
                chosen = other if other["rule"] else mine
            row["rule"], row["reason"] = chosen["rule"], "" if chosen["rule"] else chosen["reason"]
        merged.append({column: row.get(column, "") for column in COLUMNS})
    write_rows(CATALOGUE, merged)
    for clash in clashes:
        print(f"clash: {clash}", file=sys.stderr)
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main())
