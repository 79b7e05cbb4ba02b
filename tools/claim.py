"""Assign official codes to a dmlint rule in the catalogue (or clear them, or give a reason).

    python tools/claim.py RULE CODE [CODE ...]       # RULE reports these codes
    python tools/claim.py - CODE [CODE ...]          # nobody reports them
    python tools/claim.py --reason "csharp: needs C# analysis" CODE [CODE ...]

A code already claimed by another rule is refused (a claim is unique); --force moves it.
"""

from __future__ import annotations

import sys

from catalogue import CATALOGUE, read_rows, write_rows


def main(argv: list[str]) -> int:
    force = "--force" in argv
    argv = [arg for arg in argv if arg != "--force"]
    reason = None
    if argv[:1] == ["--reason"]:
        reason, argv = argv[1], argv[2:]
        rule = None
    else:
        rule, argv = argv[0], argv[1:]
    rows = read_rows(CATALOGUE)
    by_code = {row["code"]: row for row in rows}
    status = 0
    for code in argv:
        row = by_code.get(code)
        if row is None:
            print(f"{code}: not in the catalogue", file=sys.stderr)
            status = 1
            continue
        if reason is not None:
            row["rule"], row["reason"] = "", reason
            continue
        wanted = "" if rule == "-" else rule
        if row["rule"] and wanted and row["rule"] != wanted and not force:
            print(f"{code}: already claimed by {row['rule']} (use --force to move it)", file=sys.stderr)
            status = 1
            continue
        row["rule"] = wanted
        if wanted:
            row["reason"] = ""
    write_rows(CATALOGUE, rows)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
