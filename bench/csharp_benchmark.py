#!/usr/bin/env python3
"""What the QAction C# rules (QA1xx) cost: on the real corpus and on a 20 MB protocol (not a test).

    python bench/csharp_benchmark.py [--runs 7] [--shared ../shared]

Times, in one warm process, `lint_paths` over the 64 real protocols and over a 20 MB protocol
grown with ../shared/tools/make_big_protocol.py from the corpus file with the most QAction
code (its QActions are kept, its parameters repeated), with three selections run interleaved:
every rule but the QA1xx ones, every rule, and the QA1xx rules alone. The difference of the
first two is what the C# rules add to a default run. It also times the C# work on its own
(reading the code, preprocessing and parsing it, the declarations walk, all checks), and the
whole process with and without the C# rules (wall time and peak memory). Prints Markdown.
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
sys.path.insert(0, str(REPO / "bench"))

from benchmark import dmlint_command, machine, mb, medians, ms  # noqa: E402


def lint_times(files: list[str], runs: int) -> dict[str, float]:
    """Median seconds of lint_paths per selection (runs interleaved, one warm-up each)."""
    from dmlint.core.engine import LintSettings, lint_paths
    from dmlint.core.registry import all_rules

    every = frozenset(rule.code for rule in all_rules())
    csharp = frozenset(code for code in every if code.startswith("QA1"))
    selections = {"without C#": every - csharp, "all rules": every, "C# rules only": csharp}
    settings = {name: LintSettings(selected=codes) for name, codes in selections.items()}
    for setting in settings.values():
        lint_paths(files, setting, jobs=1)
    samples: dict[str, list[float]] = {name: [] for name in settings}
    for _ in range(runs):
        for name, setting in settings.items():
            start = time.perf_counter()
            lint_paths(files, setting, jobs=1)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def csharp_phases(files: list[str], runs: int) -> dict[str, float]:
    """Median seconds of the C# work alone, phase by phase, over the files (parsed XML excluded)."""
    from dmlint.core.parser import parse
    from dmlint.csharp.checks import CHECKS
    from dmlint.model import build_model

    documents = [parse(path, Path(path).read_bytes()) for path in files]
    samples: dict[str, list[float]] = {"read and preprocess the code, tree-sitter parse": [],
                                       "declarations walk": [], "every check": []}
    for _ in range(runs + 1):
        models = [build_model(document) for document in documents]
        start = time.perf_counter()
        for model in models:
            for qaction in model.csharp.all_qactions:
                qaction.source  # noqa: B018 - builds it
        parsed = time.perf_counter()
        for model in models:
            model.csharp.program  # noqa: B018
        walked = time.perf_counter()
        for model in models:
            for check in CHECKS:
                model.csharp.results(check)
        checked = time.perf_counter()
        for name, seconds in zip(samples, (parsed - start, walked - parsed, checked - walked), strict=True):
            samples[name].append(seconds)
    return {name: statistics.median(values[1:]) for name, values in samples.items()}


def code_size(files: list[str]) -> tuple[int, int]:
    from dmlint.core.parser import parse
    from dmlint.model import build_model

    count = size = 0
    for path in files:
        model = build_model(parse(path, Path(path).read_bytes()))
        for qaction in model.csharp.all_qactions:
            count += 1
            size += len(qaction.code)
    return count, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per measurement (default 7)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared data folder")
    options = parser.parse_args()
    corpus = options.shared / "corpus" / "real"
    generator = options.shared / "tools" / "make_big_protocol.py"
    if not corpus.is_dir() or not generator.is_file():
        raise SystemExit(f"csharp benchmark: needs {corpus} and {generator}")
    real = sorted(str(path) for path in corpus.glob("*.xml"))
    sizes = {path: code_size([path])[1] for path in real}
    base = max(real, key=lambda path: (sizes[path], path))

    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="dmlint-csharp-bench-"))
    try:
        big = workdir / "protocol-20mb.xml"
        subprocess.run([sys.executable, str(generator), base, str(big), "--mb", "20"], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"Measuring ({options.runs} runs per measurement, medians)...", file=sys.stderr)
        corpus_times = lint_times(real, options.runs)
        big_times = lint_times([str(big)], options.runs)
        corpus_phases = csharp_phases(real, options.runs)
        big_phases = csharp_phases([str(big)], options.runs)
        dmlint = dmlint_command()
        processes = medians({
            "default": [*dmlint, "check", "--no-cache", str(big)],
            "no C#": [*dmlint, "check", "--no-cache", "--ignore", "QA1", str(big)],
        }, options.runs)
        qactions, code = code_size(real)
        big_qactions, big_code = code_size([str(big)])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    load_after = os.getloadavg()[0]

    print(f"Machine: {machine()}")
    print(f"Load average (1 min) before/after: {load_before:.2f} / {load_after:.2f}.")
    print(f"Corpus: {len(real)} files, {qactions} QActions, {code / 1000:.0f} KB of C#. "
          f"20 MB protocol grown from {Path(base).name} ({big_qactions} QActions, {big_code / 1000:.0f} KB of C#).")
    print()
    print("| Measurement (one warm process, `lint_paths`, medians) | real corpus | 20 MB protocol |")
    print("|---|---:|---:|")
    for name in ("without C#", "all rules", "C# rules only"):
        print(f"| {name} | {ms(corpus_times[name])} | {ms(big_times[name])} |")
    added = (corpus_times["all rules"] - corpus_times["without C#"], big_times["all rules"] - big_times["without C#"])
    share = (added[0] / corpus_times["all rules"], added[1] / big_times["all rules"])
    print(f"| **what the C# rules add** | **{ms(added[0])}** ({share[0]:.0%}) | **{ms(added[1])}** ({share[1]:.0%}) |")
    for name in corpus_phases:
        print(f"| C# work alone: {name} | {ms(corpus_phases[name])} | {ms(big_phases[name])} |")
    print()
    print("| Whole process, 20 MB protocol | wall time | peak memory |")
    print("|---|---:|---:|")
    print(f"| `dmlint check` (default rules, C# included) | {ms(processes['default'].seconds)} | "
          f"{mb(processes['default'].max_rss_kb)} |")
    print(f"| `dmlint check --ignore QA1` | {ms(processes['no C#'].seconds)} | {mb(processes['no C#'].max_rss_kb)} |")


if __name__ == "__main__":
    main()
