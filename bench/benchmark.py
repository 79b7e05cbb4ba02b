#!/usr/bin/env python3
"""Benchmark dmlint against the cost of parsing the XML at all (not a test).

    python bench/benchmark.py [--runs 7] [--shared ../shared]

Generates 10 MB and 20 MB protocols with ../shared/tools/make_big_protocol.py into a
temporary directory (deleted afterwards), then times whole processes, interleaving
the commands compared so that machine noise hits both alike, and prints a Markdown
table of medians with the ratios the project targets. Run it on a quiet machine:
only ratios measured in the same run are comparable.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BARE_PARSE = "import sys, lxml.etree as etree; etree.parse(sys.argv[1])"
# The same, ending without freeing the tree (dmlint ends that way too, see cli.py).
BARE_PARSE_NO_TEARDOWN = "import os, sys, lxml.etree as etree; etree.parse(sys.argv[1]); os._exit(0)"
BARE_IMPORT = "import lxml.etree"
# Time only lint_paths, in one warm process, jobs=1 and jobs=2 alternating: medians in ms.
LINT_PHASE = """
import statistics, sys, time
from dmlint.core.engine import LintSettings, lint_paths
from dmlint.core.files import discover
from dmlint.core.selection import select_rules
files = discover([sys.argv[1]])
settings = LintSettings(selected=select_rules(select=(), ignore=()))
lint_paths(files, settings, jobs=1)
times = {1: [], 2: []}
for _ in range(int(sys.argv[2])):
    for jobs in (1, 2):
        start = time.perf_counter()
        lint_paths(files, settings, jobs=jobs)
        times[jobs].append(time.perf_counter() - start)
print(statistics.median(times[1]), statistics.median(times[2]))
"""


@dataclass
class Sample:
    seconds: float
    max_rss_kb: int
    exit_code: int


def run(command: list[str]) -> Sample:
    """Run a command to completion; wall time and the child's own peak RSS (wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Sample(elapsed, usage.ru_maxrss, process.returncode)


def medians(commands: dict[str, list[str]], runs: int, allowed_exit=(0, 1)) -> dict[str, Sample]:
    """Median time and median peak RSS of each command, runs interleaved (one warm-up each)."""
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for command in commands.values():  # warm-up: page cache, .pyc files
        run(command)
    for _ in range(runs):
        for name, command in commands.items():
            sample = run(command)
            if sample.exit_code not in allowed_exit:
                raise SystemExit(f"benchmark: {name} exited {sample.exit_code}: {' '.join(command)}")
            samples[name].append(sample)
    return {
        name: Sample(statistics.median(s.seconds for s in found),
                     int(statistics.median(s.max_rss_kb for s in found)), found[0].exit_code)
        for name, found in samples.items()
    }


def dmlint_command() -> list[str]:
    script = Path(sys.executable).parent / "dmlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "dmlint"]


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    import lxml.etree as etree

    lxml_version = ".".join(map(str, etree.LXML_VERSION[:3]))
    libxml2 = ".".join(map(str, etree.LIBXML_VERSION))
    return (f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {model}; "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}; "
            f"lxml {lxml_version} (libxml2 {libxml2})")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def mb(kilobytes: int) -> str:
    return f"{kilobytes / 1024:.0f} MB"


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared data folder (default ../shared)")
    parser.add_argument("--base", type=Path, help="protocol the big files are grown from "
                        "(default: the largest file in corpus/real)")
    parser.add_argument("--small", type=Path, help="the small protocol of row 2 "
                        "(default: the median-sized file in corpus/real)")
    options = parser.parse_args()

    corpus = options.shared / "corpus" / "real"
    generator = options.shared / "tools" / "make_big_protocol.py"
    if not corpus.is_dir() or not generator.is_file():
        raise SystemExit(f"benchmark: needs {corpus} and {generator}")
    real = sorted(corpus.glob("*.xml"), key=lambda p: (p.stat().st_size, p.name))
    base = options.base or real[-1]
    small = options.small or real[len(real) // 2]
    dmlint = dmlint_command()
    python = sys.executable

    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="dmlint-bench-"))
    try:
        big = {}
        for size in (10, 20):
            big[size] = workdir / f"protocol-{size}mb.xml"
            subprocess.run([python, str(generator), str(base), str(big[size]), "--mb", str(size), "--websocket"],
                           check=True, stdout=subprocess.DEVNULL)
        several = workdir / "several"
        several.mkdir()
        for index in range(4):
            subprocess.run([python, str(generator), str(real[-1 - index]), str(several / f"p{index}.xml"),
                            "--mb", "5"], check=True, stdout=subprocess.DEVNULL)
        print(f"Measuring ({options.runs} runs per command, medians)...", file=sys.stderr)
        results = medians({
            "check20": [*dmlint, "check", str(big[20])],
            "parse20": [python, "-c", BARE_PARSE, str(big[20])],
            "parse20fast": [python, "-c", BARE_PARSE_NO_TEARDOWN, str(big[20])],
            "check10": [*dmlint, "check", str(big[10])],
            "parse10": [python, "-c", BARE_PARSE, str(big[10])],
            "small": [*dmlint, "check", str(small)],
            "import": [python, "-c", BARE_IMPORT],
            "j1": [*dmlint, "check", "-j", "1", str(corpus)],
            "j2": [*dmlint, "check", "-j", "2", str(corpus)],
            "several1": [*dmlint, "check", "-j", "1", str(several)],
            "several2": [*dmlint, "check", "-j", "2", str(several)],
        }, options.runs)
        phase = subprocess.run([python, "-c", LINT_PHASE, str(corpus), str(max(3 * options.runs, 25))],
                               check=True, capture_output=True, text=True).stdout.split()
        phase1, phase2 = float(phase[0]), float(phase[1])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    r = results
    ratio20 = r["check20"].seconds / r["parse20"].seconds
    ratio10 = r["check10"].seconds / r["parse10"].seconds
    growth = r["check20"].seconds / r["check10"].seconds
    small_ratio = r["small"].seconds / r["import"].seconds
    jobs_ratio = r["j2"].seconds / r["j1"].seconds
    memory_ratio = r["check20"].max_rss_kb / r["parse20"].max_rss_kb
    corpus_mb = sum(p.stat().st_size for p in real) / 1e6
    rows = [
        ("1. `dmlint check` 20 MB protocol vs bare lxml parse", ms(r["check20"].seconds),
         ms(r["parse20"].seconds), f"{ratio20:.2f}", "<= 1.5", verdict(ratio20 <= 1.5)),
        ("1. (strict, no target) 20 MB vs a parse that also skips freeing the tree at exit",
         ms(r["check20"].seconds), ms(r["parse20fast"].seconds),
         f"{r['check20'].seconds / r['parse20fast'].seconds:.2f}", "", ""),
        ("1. same at 10 MB", ms(r["check10"].seconds), ms(r["parse10"].seconds), f"{ratio10:.2f}", "<= 1.5",
         verdict(ratio10 <= 1.5)),
        ("1. linearity: `dmlint check` 20 MB vs 10 MB", ms(r["check20"].seconds), ms(r["check10"].seconds),
         f"{growth:.2f}", "about 2", verdict(growth <= 2.3)),
        (f"2. `dmlint check` one small protocol ({small.stat().st_size // 1024} KB) vs "
         "`python -c \"import lxml.etree\"`", ms(r["small"].seconds), ms(r["import"].seconds),
         f"{small_ratio:.2f}", "<= 100 ms", verdict(r["small"].seconds <= 0.100)),
        (f"3. corpus/real ({len(real)} files, {corpus_mb:.1f} MB): `-j 2` vs `-j 1`", ms(r["j2"].seconds),
         ms(r["j1"].seconds), f"{jobs_ratio:.2f}", "<= 0.65", verdict(jobs_ratio <= 0.65)),
        ("3. corpus/real, lint phase only (in one warm process): jobs=2 vs jobs=1", ms(phase2), ms(phase1),
         f"{phase2 / phase1:.2f}", "(<= 0.65)", verdict(phase2 / phase1 <= 0.65)),
        ("3. four generated 5 MB protocols: `-j 2` vs `-j 1`", ms(r["several2"].seconds),
         ms(r["several1"].seconds), f"{r['several2'].seconds / r['several1'].seconds:.2f}", "(<= 0.65)",
         verdict(r["several2"].seconds / r["several1"].seconds <= 0.65)),
        ("4. peak memory (max RSS), 20 MB protocol vs bare parse", mb(r["check20"].max_rss_kb),
         mb(r["parse20"].max_rss_kb), f"{memory_ratio:.2f}", "<= 1.5", verdict(memory_ratio <= 1.5)),
    ]
    load_after = os.getloadavg()[0]
    print(f"Machine: {machine()}")
    print(f"Load average (1 min) before/after: {load_before:.2f} / {load_after:.2f} "
          "(other processes on the machine skew the -j rows most).")
    print(f"Runs: {options.runs} per command, medians; big files grown from {base.name} "
          f"({base.stat().st_size // 1024} KB); small protocol {small.name}.")
    print()
    print("| Measurement | dmlint | baseline | ratio | target | met |")
    print("|---|---:|---:|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
