#!/usr/bin/env python3
"""Measure what schema validation costs dmlint, and print a markdown table.

    python bench/schema_benchmark.py [--schema ../shared/skyline-xsd/protocol.xsd]
                                     [--big /tmp/big_protocol.xml] [--runs 5]

Every variant runs as its own process (interpreter start-up included, as a user sees it),
interleaved run by run so that a noisy machine affects all of them alike; the table gives
medians and ratios from this one run.

- bare: a script that parses the big file with lxml and validates it with the official schema
  (compiled the same way dmlint does, since lxml cannot compile protocol.xsd as published).
- dmlint check --schema protocol.xsd on the same file (parse, model, every rule, validation),
  and with --select XSD (parse, model, validation: the schema path alone).
- dmlint check with the bundled schema, and with --no-schema, on the same file.
- a one-file pre-commit style run on a small protocol, with and without --schema, and the
  time to compile protocol.xsd alone.

The big file is generated with ../shared/tools/make_big_protocol.py into a temporary folder
unless --big names one. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SMALL = REPO / "tests" / "fixtures" / "xsd" / "use_case_4.xml"

BARE = """
import sys
from lxml import etree
from dmlint.schema import load_schema
schema = load_schema(sys.argv[1]).schema   # protocol.xsd with its .NET patterns rewritten
tree = etree.parse(sys.argv[2])
schema.validate(tree)
"""

COMPILE = """
import sys, time
from dmlint.schema import load_schema
start = time.perf_counter()
load_schema(sys.argv[1])
print(time.perf_counter() - start)
"""


def dmlint_command() -> list[str]:
    script = Path(sys.executable).parent / "dmlint"
    if script.exists():
        return [str(script)]
    found = shutil.which("dmlint")
    if found:
        return [found]
    return [sys.executable, "-m", "dmlint"]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def make_big(folder: Path) -> Path:
    tool = SHARED / "tools" / "make_big_protocol.py"
    base = SHARED / "corpus" / "real" / "chirangee98__Dataminer-Protocol-IRD-__protocol.xml"
    if not tool.exists() or not base.exists():
        sys.exit(f"need {tool} and {base}, or pass --big FILE")
    out = folder / "big_protocol.xml"
    subprocess.run([sys.executable, str(tool), str(base), str(out), "--mb", "20", "--websocket"], check=True,
                   stdout=subprocess.DEVNULL)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schema", default=str(SHARED / "skyline-xsd" / "protocol.xsd"))
    parser.add_argument("--big", help="a big protocol file (default: generate 20 MB into a temp folder)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not Path(args.schema).is_file():
        sys.exit(f"schema not found: {args.schema} (pass --schema)")

    dmlint = dmlint_command()
    with tempfile.TemporaryDirectory(prefix="dmlint-bench-") as folder:
        big = Path(args.big) if args.big else make_big(Path(folder))
        variants = {
            "bare lxml parse + validate (protocol.xsd)": [sys.executable, "-c", BARE, args.schema, str(big)],
            "dmlint check --schema protocol.xsd": [*dmlint, "check", "--no-cache", "--schema", args.schema, str(big)],
            "dmlint check --select XSD --schema protocol.xsd": [*dmlint, "check", "--no-cache", "--select", "XSD",
                                                                "--schema", args.schema, str(big)],
            "dmlint check (bundled schema)": [*dmlint, "check", "--no-cache", str(big)],
            "dmlint check --no-schema": [*dmlint, "check", "--no-cache", "--no-schema", str(big)],
            "one small file: dmlint check --schema protocol.xsd": [*dmlint, "check", "--no-cache", "--schema",
                                                                   args.schema, str(SMALL)],
            "one small file: dmlint check (bundled schema)": [*dmlint, "check", "--no-cache", str(SMALL)],
            "one small file: dmlint check --no-schema": [*dmlint, "check", "--no-cache", "--no-schema", str(SMALL)],
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        compile_times: list[float] = []
        for _ in range(args.runs):
            for name, command in variants.items():
                times[name].append(timed(command))
            result = subprocess.run([sys.executable, "-c", COMPILE, args.schema], capture_output=True, text=True,
                                    check=True)
            compile_times.append(float(result.stdout.strip()))
        size_mb = os.path.getsize(big) / 1e6

    median = {name: statistics.median(values) for name, values in times.items()}
    bare = median["bare lxml parse + validate (protocol.xsd)"]
    no_schema = median["dmlint check --no-schema"]
    small = median["one small file: dmlint check --schema protocol.xsd"]
    print(f"{size_mb:.1f} MB protocol, {args.runs} runs each, medians (s), {os.cpu_count()} CPUs\n")
    print("| run | median (s) | vs bare | vs --no-schema |")
    print("|---|---:|---:|---:|")
    for name in list(variants)[:5]:
        print(f"| {name} | {median[name]:.2f} | {median[name] / bare:.2f}x | {median[name] / no_schema:.2f}x |")
    print("")
    print("| one-file run (pre-commit) | median (s) | share |")
    print("|---|---:|---:|")
    for name in list(variants)[5:]:
        print(f"| {name.removeprefix('one small file: ')} | {median[name]:.3f} | |")
    compile_median = statistics.median(compile_times)
    print(f"| compiling protocol.xsd alone (read, rewrite, compile; in-process) | {compile_median:.3f} | "
          f"{compile_median / small:.0%} of the --schema run |")


if __name__ == "__main__":
    main()
