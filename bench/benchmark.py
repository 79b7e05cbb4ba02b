#!/usr/bin/env python3
"""Benchmark dmlint, with every rule selected, against the floor: what lxml alone costs (not a test).

    python bench/benchmark.py [--runs 7] [--shared ../shared]

Grows 20 MB protocols from three real protocols of ../shared/corpus/real (the largest, the one
with the most references per parameter, and an SNMP one) with ../shared/tools/make_big_protocol.py,
and a 5 MB one from the largest (linearity), into a temporary directory deleted afterwards, and
reports the worst of the three. Whole processes
are timed with their commands interleaved, so machine noise hits both sides of a ratio alike;
in-process rows time one function in one warm interpreter. Prints a Markdown table of medians
with the targets of the performance issue. Only ratios measured in one run are comparable.
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
BARE_VALIDATE = ("import sys, lxml.etree as etree; from dmlint.schema import load_schema; "
                 "tree = etree.parse(sys.argv[1]); load_schema(sys.argv[2]).schema.validate(tree)")
BARE_IMPORT = "import lxml.etree"
# In one warm process: lint the largest real protocol with every rule vs parse it, medians (s).
IN_PROCESS = """
import statistics, sys, time
import lxml.etree as etree
from dmlint.core.engine import LintSettings, lint_bytes
from dmlint.core.parser import make_parser
from dmlint.core.registry import all_rules
data = open(sys.argv[1], "rb").read()
settings = LintSettings(frozenset(rule.code for rule in all_rules()), schema_validation=False)
lint_bytes("p.xml", data, settings)
lint_times, parse_times = [], []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter(); lint_bytes("p.xml", data, settings); lint_times.append(time.perf_counter() - start)
    start = time.perf_counter(); etree.fromstring(data, make_parser()); parse_times.append(time.perf_counter() - start)
print(statistics.median(lint_times), statistics.median(parse_times))
"""
REFERENCE_RICH = "SheyuanYeoSkyline__SLC-C-TrainingExerciseEncoderDecoder__protocol.xml"
SNMP_BASE = "Robin-Spruytte__SLC-C-Example_SNMP-Base__protocol.xml"


@dataclass
class Sample:
    seconds: float
    max_rss_kb: int
    exit_code: int


def run(command: list[str], env=None) -> Sample:
    """Run a command to completion; wall time and the child's own peak RSS (wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return Sample(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status))


def medians(commands: dict[str, list[str]], runs: int, allowed_exit=(0, 1)) -> dict[str, Sample]:
    """Median time and median peak RSS of each command, runs interleaved (one warm-up each)."""
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for command in commands.values():  # warm-up: page cache, .pyc files, the dmlint cache
        run(command)
    for _ in range(runs):
        for name, command in commands.items():
            sample = run(command)
            if sample.exit_code not in allowed_exit:
                raise SystemExit(f"benchmark: {name} exited {sample.exit_code}: {' '.join(command)}")
            samples[name].append(sample)
    return {name: Sample(statistics.median(s.seconds for s in found),
                         int(statistics.median(s.max_rss_kb for s in found)), found[0].exit_code)
            for name, found in samples.items()}


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

    return (f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {model}; "
            f"{platform.system()} {platform.release()}; Python {platform.python_version()}; "
            f"lxml {'.'.join(map(str, etree.LXML_VERSION[:3]))} (libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))})")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def mb(kilobytes: int) -> str:
    return f"{kilobytes / 1024:.0f} MB"


def row(label, mine, base, target, fmt=ms, attr="seconds"):
    ratio = getattr(mine, attr, mine) / getattr(base, attr, base)
    shown = (fmt(getattr(mine, attr, mine)), fmt(getattr(base, attr, base)))
    return (label, *shown, f"{ratio:.2f}", f"<= {target}", "yes" if ratio <= target else "**no**")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared data folder (default ../shared)")
    options = parser.parse_args()

    corpus = options.shared / "corpus" / "real"
    generator = options.shared / "tools" / "make_big_protocol.py"
    xsd = options.shared / "skyline-xsd" / "protocol.xsd"
    if not corpus.is_dir() or not generator.is_file():
        raise SystemExit(f"benchmark: needs {corpus} and {generator}")
    real = sorted(corpus.glob("*.xml"), key=lambda p: (p.stat().st_size, p.name))
    bases = [real[-1], corpus / REFERENCE_RICH, corpus / SNMP_BASE]
    small = real[len(real) // 2]
    dmlint = [*dmlint_command(), "check", "--select", "ALL", "--no-cache"]
    python = sys.executable

    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="dmlint-bench-"))
    try:
        big = {}
        for base in bases:
            big[base.name] = workdir / f"{base.stem}-20mb.xml"
            subprocess.run([python, str(generator), str(base), str(big[base.name]), "--mb", "20"],
                           check=True, stdout=subprocess.DEVNULL)
            # a malformed file would only measure how fast XML001 is found (the generator cuts the
            # serial examples' nested <Param> content wrongly: that is why no serial base is used)
            subprocess.run([python, "-c", BARE_PARSE, str(big[base.name])], check=True)
        quarter = workdir / f"{bases[0].stem}-5mb.xml"  # a quarter of the parameters: linearity
        subprocess.run([python, str(generator), str(bases[0]), str(quarter), "--mb", "5"], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"Measuring ({options.runs} runs per command, medians)...", file=sys.stderr)
        commands = {}
        for name, path in big.items():
            commands[f"check:{name}"] = [*dmlint, "--no-schema", str(path)]
            commands[f"parse:{name}"] = [python, "-c", BARE_PARSE, str(path)]
        commands["quarter"] = [*dmlint, "--no-schema", str(quarter)]
        worst = bases[0].name
        commands["schema"] = [*dmlint, "--schema", str(xsd), str(big[worst])] if xsd.is_file() else None
        commands["validate"] = [python, "-c", BARE_VALIDATE, str(big[worst]), str(xsd)] if xsd.is_file() else None
        commands["small"] = [*dmlint, str(small)]
        commands["import"] = [python, "-c", BARE_IMPORT]
        commands["j1"] = [*dmlint, "-j", "1", str(corpus)]
        commands["j2"] = [*dmlint, "-j", "2", str(corpus)]
        cache_dir = workdir / "cache"
        commands["warm"] = [*dmlint_command(), "check", "--select", "ALL", "--cache-dir", str(cache_dir), str(corpus)]
        commands["startup"] = [*dmlint_command(), "--version"]
        results = medians({k: v for k, v in commands.items() if v}, options.runs)
        in_process = subprocess.run([python, "-c", IN_PROCESS, str(real[-1]), str(max(options.runs, 5))],
                                    check=True, capture_output=True, text=True).stdout.split()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    r = results
    ratios = {name: r[f"check:{name}"].seconds / r[f"parse:{name}"].seconds for name in big}
    worst = max(ratios, key=ratios.get)
    rows = [row(f"1. `dmlint check --select ALL`, 20 MB grown from {worst} (worst of 3) vs bare lxml parse",
                r[f"check:{worst}"], r[f"parse:{worst}"], 1.5)]
    for name in big:
        if name != worst:
            rows.append(row(f"1. same, grown from {name}", r[f"check:{name}"], r[f"parse:{name}"], 1.5))
    rows.append(row(f"1. linearity: 20 MB vs 5 MB grown from {bases[0].name} (4x the parameters)",
                    r[f"check:{bases[0].name}"], r["quarter"], 4.5))
    if "schema" in r:
        rows.append(row("1. with `--schema protocol.xsd` vs bare parse + validate", r["schema"], r["validate"], 1.3))
    rows += [
        row(f"2. one small protocol ({small.stat().st_size // 1024} KB), whole process, vs "
            "`python -c \"import lxml.etree\"`", r["small"], r["import"], 2.5),
        row(f"3. largest real protocol ({real[-1].stat().st_size // 1024} KB), in process, vs its bare parse",
            float(in_process[0]), float(in_process[1]), 3.0),
        row(f"4. warm cache, corpus/real ({len(real)} files) vs `dmlint --version` (start-up alone)",
            r["warm"], r["startup"], 1.5),
        row("5. corpus/real: `-j 2` vs `-j 1`", r["j2"], r["j1"], 0.65),
        row(f"6. peak memory (max RSS), 20 MB ({worst}) vs bare parse", r[f"check:{worst}"], r[f"parse:{worst}"],
            1.5, fmt=mb, attr="max_rss_kb"),
    ]
    print(f"Machine: {machine()}")
    print(f"Load average (1 min) before/after: {load_before:.2f} / {os.getloadavg()[0]:.2f}")
    print(f"Runs: {options.runs} per command, medians; every rule selected (`--select ALL`).")
    print()
    print("| Measurement | dmlint | baseline | ratio | target | met |")
    print("|---|---:|---:|---:|---|---|")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
