#!/usr/bin/env python3
"""Time `dmlint check` on the inputs issue 10 found slow (not a test; see tests/test_scaling.py).

    python bench/slow_inputs.py [--runs 3] [--format text,json] [--scale 1.0]

Writes the inputs into a temporary directory (deleted afterwards):

- params:       8,000 lines `<Param id="abc"><Type>x</Type></Param>` (312 KB, 16,000 findings)
- suppressions: 5,000 `<!-- dmlint: disable-next=PRM001 r -->` + `<Param id="xN"/>` pairs (294 KB)
- groups:       one line, one group polling 225,000 `<Session>7</Session>` (4.5 MB, 225,000 findings)
- http:         one line, one request with 125,000 headers naming a missing parameter
                (5.3 MB, 250,000 findings)

and runs the installed `dmlint` on each, printing the best wall time and the CPU time of that
run (user + sys of the child: less disturbed by other load on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NS = '<Protocol xmlns="http://www.skyline.be/protocol">'


def inputs(scale: float = 1.0) -> dict[str, str]:
    def n(count: int) -> int:
        return max(1, int(count * scale))

    params = [NS, "<Params>"] + ['<Param id="abc"><Type>x</Type></Param>'] * n(8000) + ["</Params></Protocol>"]
    suppressed = [NS, "<Params>"]
    for number in range(n(5000)):
        suppressed += ["<!-- dmlint: disable-next=PRM001 r -->", f'<Param id="x{number}"/>']
    suppressed.append("</Params></Protocol>")
    groups = (NS + '<Groups><Group id="1"><Content>' + "<Session>7</Session>" * n(225_000)
              + "</Content></Group></Groups></Protocol>")
    http = (NS + '<HTTP><Session id="1"><Connection id="1"><Request verb="GET" url="x"><Headers>'
            + '<Header key="X-Custom-Header-A" pid="99"/>' * n(125_000)
            + '</Headers></Request><Response statusCode="5"/></Connection></Session></HTTP></Protocol>')
    return {"params": "\n".join(params), "suppressions": "\n".join(suppressed), "groups": groups, "http": http}


def dmlint() -> str:
    candidate = Path(sys.executable).parent / "dmlint"
    return str(candidate) if candidate.exists() else (shutil.which("dmlint") or "dmlint")


def timed(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, child CPU seconds, exit code) of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="text,json")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input's size")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dmlint-slow-"))
    try:
        print("| input | size | format | best wall (s) | its CPU (s) |\n|---|---:|---|---:|---:|")
        for name, text in inputs(args.scale).items():
            path = folder / f"{name}.xml"
            path.write_text(text, encoding="utf-8")
            size = path.stat().st_size
            for output in args.format.split(","):
                command = [dmlint(), "check", "--no-cache", "--format", output, str(path)]
                runs = [timed(command) for _ in range(args.runs)]
                wall, cpu, code = min(runs)
                assert code == 1, f"{name}: exit {code}"
                print(f"| {name} | {size / 1e6:.2f} MB | {output} | {wall:.2f} | {cpu:.2f} |", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
