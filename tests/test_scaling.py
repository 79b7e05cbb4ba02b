"""Cost grows linearly with the number of findings (issue 10): locating, identities,
suppression matching and reporting.

Each shape is linted and reported (text and JSON) at N and 8N findings, in this process;
the time is the best of several runs of CPU time (time.process_time: other load on a shared
machine disturbs it far less than wall time), and 8x the findings may cost at most 10x.
The quadratic versions these guard against took 30 to 60 times as long at 8x.

Schema validation is left out of the ratios: lxml computes libxml2's node path for every
schema error it records (counting the node's preceding siblings), so thousands of schema
errors among siblings cost quadratic time inside lxml, whatever dmlint does with them
(docs/robustness.md). The absolute test below includes it.
"""

from __future__ import annotations

import time

import pytest

from dmlint.core.engine import LintSettings, RunResult, lint_bytes
from dmlint.core.registry import all_rules
from dmlint.formatters import render

NS = '<Protocol xmlns="http://www.skyline.be/protocol">'
SETTINGS = LintSettings(selected=frozenset(rule.code for rule in all_rules()))
NO_SCHEMA = LintSettings(selected=SETTINGS.selected, schema_validation=False)
RUNS = 3


def params(count: int) -> bytes:  # one finding per line (PRM001, XSD folded into it)
    return "\n".join([NS, "<Params>"] + ['<Param id="abc"><Type>x</Type></Param>'] * count
                     + ["</Params></Protocol>"]).encode()


def suppressed(count: int) -> bytes:  # every finding silenced by its own comment
    lines = [NS, "<Params>"]
    for number in range(count):
        lines += ["<!-- dmlint: disable-next=PRM001 generated -->", f'<Param id="x{number}"/>']
    return "\n".join(lines + ["</Params></Protocol>"]).encode()


def ranges(count: int) -> bytes:  # line ranges, each open range covering the findings after it
    lines = [NS, "<Params>"]
    for number in range(count):
        lines += [f"<!-- dmlint: disable=PRM001 range {number} -->", f'<Param id="x{number}"/>']
    return "\n".join(lines + ["</Params></Protocol>"]).encode()


def one_line_groups(count: int) -> bytes:  # siblings without ids on one line
    return (NS + '<Groups><Group id="1"><Content>' + "<Session>7</Session>" * count
            + "</Content></Group></Groups></Protocol>").encode()


def one_line_http(count: int) -> bytes:  # two findings per header, all on one line
    return (NS + '<HTTP><Session id="1"><Connection id="1"><Request verb="GET" url="x"><Headers>'
            + '<Header key="X-A" pid="99"/>' * count
            + '</Headers></Request><Response statusCode="5"/></Connection></Session></HTTP></Protocol>').encode()


def run_once(data: bytes, settings: LintSettings) -> tuple[float, int]:
    started = time.process_time()
    report = lint_bytes("scaling.xml", data, settings)
    result = RunResult([report], "test")
    render("text", result)
    render("json", result, show_suppressed=True)
    return time.process_time() - started, len(report.findings) + len(report.suppressed)


def cost(data: bytes, settings: LintSettings = NO_SCHEMA, runs: int = RUNS) -> tuple[float, int]:
    """(best CPU seconds of `runs`, findings + suppressed) for lint and two reports."""
    results = [run_once(data, settings) for _ in range(runs)]
    return min(seconds for seconds, _ in results), results[0][1]


def growth(small: bytes, large: bytes, runs: int = 3) -> tuple[float, int, int, float, float]:
    """(time ratio, small count, large count, small time, large time): runs interleaved, so a
    burst of load on the machine hits both sizes; the best of `runs` each."""
    small_times, large_times = [], []
    for _ in range(runs):
        seconds, small_count = run_once(small, NO_SCHEMA)
        small_times.append(seconds)
        seconds, large_count = run_once(large, NO_SCHEMA)
        large_times.append(seconds)
    best_small, best_large = min(small_times), min(large_times)
    return best_large / max(best_small, 1e-6), small_count, large_count, best_small, best_large


@pytest.mark.parametrize(("shape", "size"), [
    (params, 800), (suppressed, 600), (ranges, 400), (one_line_groups, 2500), (one_line_http, 1200),
], ids=lambda value: getattr(value, "__name__", str(value)))
def test_eight_times_the_findings_cost_at_most_ten_times_the_time(shape, size):
    small, large = shape(size), shape(8 * size)
    attempts = []
    for _ in range(3):  # noise can push one measurement over; a quadratic cost is 60x every time
        ratio, small_count, large_count, small_time, large_time = growth(small, large)
        assert large_count >= 7.5 * small_count, (small_count, large_count)  # really 8x the findings
        attempts.append(f"{small_count} findings {small_time:.3f} s, {large_count} findings {large_time:.3f} s: "
                        f"{ratio:.1f}x")
        if ratio <= 10:
            return
    pytest.fail(f"{shape.__name__}: " + "; ".join(attempts))


@pytest.mark.parametrize("shape, size", [(params, 8000), (suppressed, 5000)], ids=["params", "suppressions"])
def test_the_slow_inputs_of_issue_10_lint_in_well_under_two_seconds(shape, size):
    """The two multi-line inputs of the issue (28 s and 24 s before): CPU time in this process."""
    seconds, count = cost(shape(size), SETTINGS, runs=2)
    assert count >= size
    assert seconds < 2.0, f"{count} findings in {seconds:.2f} s"
