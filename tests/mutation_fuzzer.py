#!/usr/bin/env python3
"""Structure-aware mutation fuzzer for dmlint: mutate protocol trees, lint them, triage crashes.

Seeds are real protocol trees: the examples, every fixture under tests/fixtures, the crash
reproducers under tests/crashes, and, when
../shared is there, the real protocols (corpus/real) and the official validator's samples
(conformance/official/samples). Each mutant is one seed parsed with lxml and changed 1-6
times at the tree level:

- delete, move (to another parent), duplicate or swap elements, rename one to a sibling's name;
- set an attribute or a text to a hostile value, or add an attribute protocols read
  (id, pid, options, connection, url, ...) with one;
- move every element into another namespace (none, the unit tests', an unknown one);
- insert an entity reference (declared in a DOCTYPE), which dmlint leaves unexpanded.

Hostile values: empty and blank, signed (-1, +5, -0), leading zeros and spaces, huge (4,301
digits, just past Python's int() limit, and 2^32), non-ASCII letters, Unicode digits that
str.isdigit() accepts and int() may not (², ٣, full-width), non-numeric text, separators,
and the same inside the option grammars (`dynamic ip N`, `connection:N`, `headerTrailerLink=N`).
Values already present in the seed are used too, so ids collide.

A mutant is linted in-process exactly as `dmlint check --select ALL` does (lint_bytes: parse,
model, every rule, the bundled schema, suppressions), and every 16th one is also rendered in
every output format. dmlint turns any crash into an INT001 finding, so an INT001, an exception
escaping lint_bytes or a formatter, or a mutant taking longer than --slow seconds is a failure.
Failures are grouped by signature (where, exception type, message with numbers and quotes
blanked); a class known to be handled elsewhere (--known) is counted but not a failure. Each
new signature is minimized (greedy deletion of subtrees, attributes and text) and, with
--save DIR, written there as a small reproducer.

Every mutant is reproducible from (--seed, its number): `--replay N` prints mutant N.

    python tests/mutation_fuzzer.py --count 100000 --jobs 2          # a long run (see docs/fuzzing.md)
    python tests/mutation_fuzzer.py --count 2000 --save /tmp/crashes  # keep minimized reproducers
    python tests/mutation_fuzzer.py --replay 1234 > mutant.xml         # one mutant, to debug

Exit code: 0 no new failure, 1 new failures (listed in the JSON summary on stdout).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"

HUGE = "1" * 4301  # one digit past CPython's default int() limit
HOSTILE_NUMBERS = [
    "", " ", "\t\n ", "0", "00", "007", " 8 ", "-1", "+5", "-0", "1.5", "1e3", "0x1F", "1 2",
    HUGE, "9" * 20, "4294967296", "4294967295", "2147483648", "64300", "69999",
    "²", "٣", "１２", "𝟙𝟚", "③", "٣٣", "1²", "x", "abc", "NaN", "∞", "true", "é", "中文", "\u200b", "\u00a0",
]
HOSTILE_TEXT = HOSTILE_NUMBERS + [
    ";", ";;", "a;b;;c", ":", "dynamic ip", "dynamic ip 0", "dynamic ip ²", f"dynamic ip {HUGE}",
    "dynamic ip -1", "dynamic ip １", f"connection:{HUGE}", "connection:²", "connection:-1", "connection:",
    f"headerTrailerLink={HUGE}", "headerTrailerLink=²", "headerTrailerLink=", "ws://", "ws://[::1", "://x",
    "http://a:99999999999/x", f"ws://127.0.0.1:{HUGE}/x", "x-nmos/events/ws", "%", "{0}", "\\", "'\"",
    "byPassProxy", "permessage-deflate; client_max_window_bits=²", "a" * 5000,
]
# Attributes protocols read ids, options or references from (added to random elements).
ATTRIBUTES = ["id", "pid", "url", "options", "connection", "statusCode", "key", "verb", "name", "save",
              "type", "advanced", "nr", "multipleGet", "trending", "value", "column", "ping"]
KNOWN_DEFAULT = ("ids",)  # classes handled elsewhere, counted but not failures (see classify)
MUTATIONS_PER_MUTANT = (1, 6)
RENDER_EVERY = 16


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_blank_text=False)


# -- seeds ---------------------------------------------------------------------------------------


@dataclass
class Seed:
    name: str
    data: bytes
    values: list[str]  # attribute values and short texts of the seed, to make ids collide

    @property
    def group(self) -> str:
        """Where the seed comes from (its folder): mutants pick a group first, then a seed, so
        the 64 real protocols are not drowned by a thousand small official samples."""
        return self.name.split("/", 1)[0] if self.name.split("/", 1)[0] in ("real", "samples") else "own"


def seed_paths(shared: Path | None = SHARED, max_bytes: int = 200_000, include_shared: bool = True) -> list[Path]:
    paths = (sorted((REPO / "examples").glob("*.xml")) + sorted((HERE / "fixtures").rglob("*.xml"))
             + sorted((HERE / "crashes").glob("*.xml")))
    if include_shared and shared is not None and shared.is_dir():
        paths += sorted((shared / "corpus" / "real").glob("*.xml"))
        paths += sorted((shared / "conformance" / "official" / "samples").glob("*.xml"))
    return [path for path in paths if path.is_file() and path.stat().st_size <= max_bytes]


def load_seeds(paths: list[Path]) -> list[Seed]:
    seeds = []
    for path in paths:
        data = path.read_bytes()
        try:
            root = etree.fromstring(data, safe_parser())
        except (etree.XMLSyntaxError, ValueError):
            continue  # mutants are built from trees; the byte-level fuzzer covers broken files
        if root is None:
            continue
        values = set()
        for element in root.iter():
            if isinstance(element.tag, str):
                values.update(v for v in element.attrib.values() if len(v) < 40)
                if element.text and len(element.text.strip()) < 20:
                    values.add(element.text.strip())
        seeds.append(Seed(f"{path.parent.name}/{path.name}", data, sorted(values)))
    return seeds


# -- mutation ------------------------------------------------------------------------------------


def _elements(root) -> list:
    return [el for el in root.iter() if isinstance(el.tag, str)]


def _value(rng: random.Random, seed: Seed, pool: list[str]) -> str:
    if seed.values and rng.random() < 0.25:
        return rng.choice(seed.values)
    value = rng.choice(pool)
    if rng.random() < 0.1:  # a hostile value inside a longer one: "1;²", "dynamic ip 1;x"
        value = rng.choice(seed.values or ["1"]) + rng.choice([";", " ", ":", ","]) + value
    return value


def delete_element(rng, root, seed) -> str:
    candidates = [el for el in _elements(root) if el.getparent() is not None]
    if not candidates:
        return "delete: nothing"
    element = rng.choice(candidates)
    _remove_keeping_tail(element)
    return f"delete <{etree.QName(element).localname}>"


def move_element(rng, root, seed) -> str:
    elements = _elements(root)
    candidates = [el for el in elements if el.getparent() is not None]
    if not candidates:
        return "move: nothing"
    element = rng.choice(candidates)
    targets = [el for el in elements if el is not element and element not in el.iterancestors()]
    if not targets:
        return "move: nowhere"
    target = rng.choice(targets)
    _remove_keeping_tail(element)
    target.insert(rng.randint(0, len(target)), element)
    return f"move <{etree.QName(element).localname}> into <{etree.QName(target).localname}>"


def duplicate_element(rng, root, seed) -> str:
    candidates = [el for el in _elements(root) if el.getparent() is not None]
    if not candidates:
        return "duplicate: nothing"
    element = rng.choice(candidates)
    parent = element.getparent()
    twin = copy.deepcopy(element)
    parent.insert(parent.index(element) + rng.choice([0, 1]), twin)
    return f"duplicate <{etree.QName(element).localname}>"


def swap_elements(rng, root, seed) -> str:
    candidates = [el for el in _elements(root) if el.getparent() is not None]
    if len(candidates) < 2:
        return "swap: nothing"
    first, second = rng.sample(candidates, 2)
    if first in second.iterancestors() or second in first.iterancestors():
        return "swap: nested"
    first_parent, second_parent = first.getparent(), second.getparent()
    placeholder = etree.Comment("swap")
    first_parent.replace(first, placeholder)
    second_parent.replace(second, first)
    first_parent.replace(placeholder, second)
    return f"swap <{etree.QName(first).localname}> and <{etree.QName(second).localname}>"


NAMESPACES = [None, "http://www.skyline.be/protocol", "http://www.skyline.be/validatorProtocolUnitTest", "urn:x"]


def set_namespace(rng, root, seed) -> str:
    """Move every element into another namespace (none, the protocol's, the unit tests', other)."""
    namespace = rng.choice(NAMESPACES)
    for element in _elements(root):
        local = etree.QName(element).localname
        element.tag = local if namespace is None else f"{{{namespace}}}{local}"
    etree.cleanup_namespaces(root)
    return f"namespace {namespace}"


ENTITY_VALUES = ["", "x", "12", "<B/>", "a&amp;b"]


def add_entity_reference(rng, root, seed) -> str:
    """An `&fuzzN;` reference somewhere (declared in a DOCTYPE when the mutant is written): dmlint
    never expands entities, so the node stays in the tree for every rule and for the schema."""
    element = rng.choice(_elements(root))
    reference = etree.Entity(f"fuzz{rng.randrange(len(ENTITY_VALUES))}")
    reference.tail = rng.choice([None, "", "7", " text"])
    element.insert(rng.randint(0, len(element)), reference)
    return f"entity reference in <{etree.QName(element).localname}>"


def _serialize(root) -> bytes:
    data = etree.tostring(root.getroottree(), encoding="utf-8", xml_declaration=True)
    names = sorted({node.text[1:-1] for node in root.iter(etree.Entity)})
    if not names:
        return data
    declarations = "".join(f'<!ENTITY {name} "{ENTITY_VALUES[int(name[4:])]}">' for name in names
                           if name.startswith("fuzz") and name[4:].isdigit() and int(name[4:]) < len(ENTITY_VALUES))
    declaration, _, rest = data.partition(b"?>")
    return declaration + b"?>\n" + f"<!DOCTYPE Protocol [{declarations}]>".encode() + rest


def rename_element(rng, root, seed) -> str:
    elements = _elements(root)
    if len(elements) < 2:
        return "rename: nothing"
    element = rng.choice(elements[1:])  # the root stays <Protocol>
    other = rng.choice(elements)
    element.tag = other.tag
    return f"rename to <{etree.QName(other).localname}>"


def set_attribute(rng, root, seed) -> str:
    with_attributes = [el for el in _elements(root) if el.attrib]
    if not with_attributes:
        return add_attribute(rng, root, seed)
    element = rng.choice(with_attributes)
    name = rng.choice(list(element.attrib))
    element.set(name, _value(rng, seed, HOSTILE_TEXT if name in ("options", "url", "advanced") else HOSTILE_NUMBERS))
    return f"set @{name}"


def add_attribute(rng, root, seed) -> str:
    element = rng.choice(_elements(root))
    name = rng.choice(ATTRIBUTES)
    element.set(name, _value(rng, seed, HOSTILE_TEXT))
    return f"add @{name}"


def set_text(rng, root, seed) -> str:
    elements = _elements(root)
    leaves = [el for el in elements if len(el) == 0] or elements
    element = rng.choice(leaves)
    element.text = _value(rng, seed, HOSTILE_TEXT)
    return f"set text of <{etree.QName(element).localname}>"


def _remove_keeping_tail(element) -> None:
    parent = element.getparent()
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


# Value mutations are the likeliest to reach a rule's reading code: listed more than once.
MUTATIONS = [delete_element, move_element, duplicate_element, swap_elements, rename_element, set_namespace,
             add_entity_reference] + \
            4 * [set_attribute, add_attribute, set_text]


def mutant_rng(seed: int, number: int) -> random.Random:
    return random.Random(f"dmlint-fuzz:{seed}:{number}")


def make_mutant(seeds: list[Seed], seed: int, number: int) -> tuple[str, bytes, list[str]]:
    """Mutant `number` of run `seed`: (seed name, bytes, what was done). Deterministic."""
    rng = mutant_rng(seed, number)
    groups = sorted({candidate.group for candidate in seeds})
    group = rng.choice(groups)
    chosen = rng.choice([candidate for candidate in seeds if candidate.group == group])
    root = etree.fromstring(chosen.data, safe_parser())
    steps = [rng.choice(MUTATIONS)(rng, root, chosen) for _ in range(rng.randint(*MUTATIONS_PER_MUTANT))]
    return chosen.name, _serialize(root), steps


# -- running and triage --------------------------------------------------------------------------


@dataclass
class Outcome:
    signature: str | None  # None: fine
    detail: str = ""
    seconds: float = 0.0


_NUMBER = re.compile(r"\d+")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def signature_of(where: str, message: str) -> str:
    """`where: ExceptionType: message` with numbers and quoted text blanked, so one bug is one class."""
    message = _QUOTED.sub("'…'", message)
    message = _NUMBER.sub("N", message)
    return f"{where}: {message[:160]}"


def classify(signature: str) -> str | None:
    """The known class a signature belongs to, or None.

    'ids' (issue 10, C and D): a huge number or a Unicode digit read as an id or number
    without the shared, total reader (dmlint.core.ids): int() refusing it (ValueError), or a
    huge value read with float() and then converted (OverflowError: float infinity). Until
    every call site uses that reader, such a crash is counted as known rather than as new.
    """
    if "ValueError" in signature and ("integer string conversion" in signature or "invalid literal for int()"
                                      in signature):
        return "ids"
    if "OverflowError" in signature and "float infinity" in signature:
        return "ids"
    return None


class Linter:
    """lint_bytes with every rule and the bundled schema, plus the formatters now and then."""

    def __init__(self):
        from dmlint.core.engine import LintSettings
        from dmlint.core.registry import all_rules

        self.settings = LintSettings(selected=frozenset(rule.code for rule in all_rules()))

    def run(self, data: bytes, render: bool = False, slow: float = 5.0) -> Outcome:
        from dmlint.core.engine import RunResult, lint_bytes
        from dmlint.formatters import FORMATS
        from dmlint.formatters import render as render_format

        started = time.perf_counter()
        try:
            report = lint_bytes("mutant.xml", data, self.settings)
        except Exception as exc:  # lint_bytes promises never to raise
            return Outcome(signature_of("lint_bytes", f"{type(exc).__name__}: {exc}"), str(exc))
        for finding in report.findings:
            if finding.code == "INT001":
                where = finding.message.split(" failed on this file", 1)[0]
                what = finding.message.split("failed on this file: ", 1)[-1]
                return Outcome(signature_of(where, what), finding.message, time.perf_counter() - started)
        if render:
            result = RunResult([report], "fuzz")
            for name in FORMATS:
                try:
                    render_format(name, result, show_suppressed=True)
                except Exception as exc:
                    return Outcome(signature_of(f"format {name}", f"{type(exc).__name__}: {exc}"), str(exc))
        seconds = time.perf_counter() - started
        if seconds > slow:
            return Outcome(f"slow: over {slow:g} s", f"{seconds:.1f} s", seconds)
        return Outcome(None, seconds=seconds)


# -- minimization --------------------------------------------------------------------------------


def minimize(data: bytes, still_fails, budget: float = 60.0) -> bytes:
    """A smaller input for which `still_fails(bytes)` holds: greedy removal of comments and
    processing instructions, of subtrees (big ones first), then of attributes, then of text;
    within `budget` seconds. Only the root element is kept (no prolog), with a DOCTYPE only
    when entity references need one."""
    deadline = time.monotonic() + budget
    try:
        root = copy.deepcopy(etree.fromstring(data, safe_parser()))  # the root alone, no prolog
    except (etree.XMLSyntaxError, ValueError):
        return data

    def serialize(tree) -> bytes:
        text = _serialize(tree)
        return text.partition(b"?>\n")[2] if text.startswith(b"<?xml") else text

    best = serialize(root)
    if not still_fails(best):  # the failure needs the original bytes (declaration, DOCTYPE)
        return data
    for node in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        if time.monotonic() > deadline:
            break
        parent = node.getparent()
        if parent is None:
            continue
        index = parent.index(node)
        _remove_keeping_tail(node)
        candidate = serialize(root)
        if still_fails(candidate):
            best = candidate
        else:  # the tail moved to a neighbour stays there: only the node goes back
            parent.insert(index, node)
            node.tail = None
    changed = True
    while changed and time.monotonic() < deadline:
        changed = False
        for element in sorted(_elements(root)[1:], key=lambda el: -sum(1 for _ in el.iter())):
            if time.monotonic() > deadline:
                break
            parent = element.getparent()
            if parent is None or element not in parent:
                continue
            index = parent.index(element)
            parent.remove(element)
            candidate = serialize(root)
            if still_fails(candidate):
                best, changed = candidate, True
            else:
                parent.insert(index, element)
        for element in _elements(root):
            for name in list(element.attrib):
                if time.monotonic() > deadline:
                    break
                value = element.attrib.pop(name)
                candidate = serialize(root)
                if still_fails(candidate):
                    best, changed = candidate, True
                else:
                    element.set(name, value)
            for part in ("text", "tail"):
                value = getattr(element, part)
                if value and value.strip() and time.monotonic() < deadline:
                    setattr(element, part, None)
                    candidate = serialize(root)
                    if still_fails(candidate):
                        best, changed = candidate, True
                    else:
                        setattr(element, part, value)
    return best


# -- the run -------------------------------------------------------------------------------------


@dataclass
class Summary:
    mutants: int = 0
    seconds: float = 0.0
    failures: dict[str, dict] = field(default_factory=dict)  # signature -> {count, first, class, ...}
    slowest: list = field(default_factory=list)  # (seconds, mutant number, seed name)

    def add(self, number: int, seed_name: str, outcome: Outcome) -> None:
        self.mutants += 1
        self.slowest.append((round(outcome.seconds, 3), number, seed_name))
        self.slowest = sorted(self.slowest, reverse=True)[:5]
        if outcome.signature is None:
            return
        entry = self.failures.setdefault(outcome.signature, {
            "count": 0, "first": number, "seed": seed_name, "detail": outcome.detail[:300],
            "class": classify(outcome.signature)})
        entry["count"] += 1

    def merge(self, other: "Summary") -> None:
        self.mutants += other.mutants
        for signature, entry in other.failures.items():
            mine = self.failures.get(signature)
            if mine is None or entry["first"] < mine["first"]:
                count = entry["count"] + (mine["count"] if mine else 0)
                self.failures[signature] = dict(entry, count=count)
            else:
                mine["count"] += entry["count"]
        self.slowest = sorted(self.slowest + other.slowest, reverse=True)[:5]

    def new_failures(self, known: tuple[str, ...]) -> dict[str, dict]:
        return {s: e for s, e in self.failures.items() if e["class"] not in known}


def fuzz(seeds: list[Seed], seed: int, numbers: range, slow: float = 5.0, progress=None) -> Summary:
    linter = Linter()
    summary = Summary()
    for number in numbers:
        seed_name, data, _steps = make_mutant(seeds, seed, number)
        summary.add(number, seed_name, linter.run(data, render=number % RENDER_EVERY == 0, slow=slow))
        if progress is not None and summary.mutants % 1000 == 0:
            progress(summary)
    return summary


def _worker(arguments) -> Summary:
    paths, seed, start, stop, slow = arguments
    return fuzz(load_seeds([Path(p) for p in paths]), seed, range(start, stop), slow)


def run(count: int, seed: int, jobs: int, paths: list[Path], slow: float, start: int = 0) -> Summary:
    started = time.perf_counter()
    if jobs <= 1:
        def progress(summary):
            print(f"  {summary.mutants} mutants, {len(summary.failures)} failure class(es), "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)

        summary = fuzz(load_seeds(paths), seed, range(start, start + count), slow, progress)
    else:
        import multiprocessing

        # Many small slices, so a slice of big seeds does not leave the other workers idle.
        step = max(1, min(2000, count // (jobs * 8) or 1))
        slices = [([str(p) for p in paths], seed, s, min(s + step, start + count), slow)
                  for s in range(start, start + count, step)]
        summary = Summary()
        with multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn").Pool(jobs) as pool:
            for part in pool.imap_unordered(_worker, slices):
                summary.merge(part)
                print(f"  {summary.mutants} mutants, {len(summary.failures)} failure class(es), "
                      f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    summary.seconds = time.perf_counter() - started
    return summary


def save_reproducers(summary: Summary, seeds: list[Seed], seed: int, folder: Path, known: tuple[str, ...],
                     budget: float) -> dict[str, str]:
    """Minimize the first mutant of each new failure class and write it to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    linter = Linter()
    written = {}
    for signature, entry in summary.new_failures(known).items():
        _name, data, _steps = make_mutant(seeds, seed, entry["first"])

        def still_fails(candidate: bytes, wanted=signature) -> bool:
            return linter.run(candidate, render=True).signature == wanted

        small = minimize(data, still_fails, budget)
        name = "fuzz_" + hashlib.sha256(signature.encode()).hexdigest()[:12] + ".xml"
        (folder / name).write_bytes(small)
        written[signature] = name
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="mutants to lint (default 1000)")
    parser.add_argument("--seed", type=int, default=10, help="run seed: mutant N of a seed is always the same")
    parser.add_argument("--start", type=int, default=0, help="first mutant number")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--max-seed-bytes", type=int, default=200_000, help="leave out bigger seed files")
    parser.add_argument("--no-shared", action="store_true", help="only the repository's own seeds")
    parser.add_argument("--slow", type=float, default=5.0, help="seconds after which a mutant counts as a failure")
    parser.add_argument("--known", default=",".join(KNOWN_DEFAULT),
                        help="failure classes counted but not failing the run (comma-separated; '' for none)")
    parser.add_argument("--save", type=Path, help="write a minimized reproducer per new failure class here")
    parser.add_argument("--minimize-seconds", type=float, default=60.0)
    parser.add_argument("--replay", type=int, help="print mutant N of --seed to stdout and exit")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO))
    paths = seed_paths(max_bytes=args.max_seed_bytes, include_shared=not args.no_shared)
    if args.replay is not None:
        name, data, steps = make_mutant(load_seeds(paths), args.seed, args.replay)
        print(f"mutant {args.replay} of seed {args.seed}: {name}: {'; '.join(steps)}", file=sys.stderr)
        sys.stdout.buffer.write(data)
        return 0
    known = tuple(name for name in args.known.split(",") if name)
    print(f"dmlint fuzz: {args.count} mutants of {len(paths)} seed files, seed {args.seed}, {args.jobs} job(s)",
          file=sys.stderr)
    summary = run(args.count, args.seed, args.jobs, paths, args.slow, args.start)
    new = summary.new_failures(known)
    report = {
        "mutants": summary.mutants, "seconds": round(summary.seconds, 1), "seed": args.seed,
        "seed_files": len(paths), "per_second": round(summary.mutants / max(summary.seconds, 1e-9), 1),
        "failure_classes": len(summary.failures), "new_failure_classes": len(new),
        "known": {s: e["count"] for s, e in summary.failures.items() if e["class"] in known},
        "failures": summary.failures, "slowest": summary.slowest,
    }
    if args.save and new:
        report["reproducers"] = save_reproducers(summary, load_seeds(paths), args.seed, args.save, known,
                                                 args.minimize_seconds)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 1 if new else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
