"""Lint many files, in several processes when that pays off (`dmlint check -j N`).

Every file is linted by `lint_one`, which never lets one file stop the others: a
crash while linting a file becomes an INT001 finding on that file. With N jobs this
process and N-1 workers lint side by side. On Linux the workers are forked (about a
millisecond each, dmlint already imported) and all processes take the next file,
biggest first, from a shared pipe of file numbers: no per-file round trips, which
would cost more than linting a small file, and no worker idles while another has a
big file. Elsewhere the workers are spawned (top-level functions only) and each
lints a batch of about equal size. Reports come back pickled, without lxml objects
(which cannot be pickled); the caller sorts them by path, so the output is the same
whatever the number of jobs. A file whose worker died gets an INT001 finding.
"""

from __future__ import annotations

import dataclasses
import os
import sys

from dmlint.core.engine import FileReport, LintSettings, lint_file
from dmlint.core.findings import FindingMaker

# Starting a worker costs a few milliseconds; below this much XML one process wins.
POOL_MIN_BYTES = 256 * 1024
# Work per file beyond its size (reading, model, rules), in bytes of XML, for balancing.
PER_FILE_COST = 32 * 1024
RECORD = 4  # bytes per file number in the work pipe
CHUNK = 128  # records per write: 512 bytes, below PIPE_BUF, so never split between readers


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def lint_one(path: str, settings: LintSettings, cache=None) -> FileReport:
    """`lint_file`, except that an unexpected error is reported on the file, not raised."""
    try:
        return lint_file(path, settings, cache)
    except Exception as exc:  # e.g. a parser or model bug on one odd file
        message = f"dmlint failed on this file: {exc.__class__.__name__}: {exc}"
        return FileReport(path, FindingMaker(path, settings).engine("INT001", 1, 1, message))


def _detach(report: FileReport) -> FileReport:
    """Drop the lxml objects a report holds so it can cross the process boundary.

    The parsed tree itself stays referenced (`_tree`, never pickled): freeing a tree
    costs about a third of parsing it, and a process that is about to end skips it
    (see cli.py); as with one job, it is freed with the report otherwise.
    """
    # Each finding's identity is resolved from its element first; suppressed findings hold
    # elements too.
    for finding in report.findings + report.suppressed:
        finding.detach()
    report._tree = report.document
    report.document = None
    return report


def _plain(report: FileReport) -> FileReport:
    """A copy of the report to send between processes: no lxml objects at all."""
    return dataclasses.replace(report)


def _lint_batch(paths: list[str], settings: LintSettings, cache=None) -> list[FileReport]:
    return [_detach(lint_one(path, settings, cache)) for path in paths]


def _lint_from_pipe(pipe: int, files: list[str], settings: LintSettings, cache=None) -> list[FileReport]:
    """Lint the files whose numbers this process reads from the work pipe, until it is empty."""
    reports = []
    while True:
        record = os.read(pipe, RECORD)
        if len(record) < RECORD:  # end of the work
            return reports
        reports.append(_detach(lint_one(files[int.from_bytes(record, "little")], settings, cache)))


def _fork_worker(work: int, feed: int, files: list[str], settings: LintSettings, cache=None):
    """Fork a worker linting from the work pipe; returns a function collecting its reports."""
    import pickle

    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:  # the worker: never returns, never runs the parent's exit handlers
        status = 1
        try:
            os.close(feed)  # else the work pipe would never reach its end
            os.close(read_end)
            reports = _lint_from_pipe(work, files, settings, cache)
            # `reports` keeps the trees until os._exit: they are never freed.
            with os.fdopen(write_end, "wb") as results:
                pickle.dump([_plain(report) for report in reports], results, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def collect() -> list[FileReport]:
        with os.fdopen(read_end, "rb") as results:
            data = results.read()
        try:  # unpickled while the worker's exit is still under way
            reports = pickle.loads(data)
        except Exception:  # cut short: the worker died while writing
            reports = []
        _, status = os.waitpid(pid, 0)
        return reports if os.waitstatus_to_exitcode(status) == 0 else []

    return collect


def _lint_forked(order: list[str], settings: LintSettings, workers: int, cache=None) -> list[FileReport]:
    work, feed = os.pipe()
    try:
        # Room for the whole work list (64 KB holds 16,384 files), so that writing it can
        # never wait for workers that died.
        import fcntl

        fcntl.fcntl(feed, fcntl.F_SETPIPE_SZ, min(1 << 20, max(RECORD * len(order), 4096)))
    except (ImportError, AttributeError, OSError):
        pass
    collectors = []
    for _ in range(workers - 1):
        try:
            collectors.append(_fork_worker(work, feed, order, settings, cache))
        except OSError:  # no more processes allowed (limits, memory): go on with those started
            break
    numbers = [i.to_bytes(RECORD, "little") for i in range(len(order))]
    for start in range(0, len(numbers), CHUNK):  # blocks only while the workers catch up
        os.write(feed, b"".join(numbers[start:start + CHUNK]))
    os.close(feed)
    reports = _lint_from_pipe(work, order, settings, cache)  # this process takes its share too
    os.close(work)
    for collect in collectors:
        reports.extend(collect())
    return reports


def _send_batch(paths: list[str], settings: LintSettings, connection, cache=None) -> None:
    """A spawned worker process: lint a batch, send the reports back."""
    try:
        connection.send([_plain(report) for report in _lint_batch(paths, settings, cache)])
    finally:
        connection.close()


def _lint_spawned(order: list[str], sizes: dict[str, int], settings: LintSettings,
                  workers: int, cache=None) -> list[FileReport]:
    import multiprocessing

    # Batches of about equal work: each file goes to the lightest batch, biggest first.
    batches: list[list[str]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for path in order:
        lightest = loads.index(min(loads))
        batches[lightest].append(path)
        loads[lightest] += sizes[path] + PER_FILE_COST
    context = multiprocessing.get_context("spawn")
    children = []
    for batch in batches[1:]:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_send_batch, args=(batch, settings, sender, cache), daemon=True)
        process.start()
        sender.close()
        children.append((process, receiver))
    reports = _lint_batch(batches[0], settings, cache)
    for process, receiver in children:
        try:
            reports.extend(receiver.recv())
        except (EOFError, OSError):  # the worker died: its files are reported below
            pass
        receiver.close()
        process.join()
    return reports


def _preload(settings: LintSettings) -> None:
    """Before starting workers: the rule index is loaded, and what exists now is frozen for the
    cyclic collector (shared with the forked workers, never traversed again). The rules' own
    modules are not imported here: each process imports those its files need, in parallel,
    which measured faster than importing them all first in this process alone."""
    import gc

    from dmlint.core.registry import all_rules

    all_rules()
    gc.freeze()


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def lint_many(files: list[str], settings: LintSettings, jobs: int | None = 1, cache=None) -> list[FileReport]:
    """Lint `files` with up to `jobs` processes (None: one per CPU), in no particular order; with
    a cache (dmlint.core.cache.Cache), every process reads and writes it."""
    workers = min(jobs or default_jobs(), len(files))
    sizes = {path: _size(path) for path in files} if workers > 1 else {}
    if workers < 2 or sum(sizes.values()) < POOL_MIN_BYTES:
        return [lint_one(path, settings, cache) for path in files]
    _preload(settings)
    order = sorted(files, key=lambda path: (-sizes[path], path))  # biggest first
    if sys.platform.startswith("linux"):  # fork is cheap and safe here: no threads
        reports = _lint_forked(order, settings, workers, cache)
    else:
        reports = _lint_spawned(order, sizes, settings, workers, cache)
    done = {report.path for report in reports}
    message = "the worker process linting this file ended abnormally"
    reports.extend(FileReport(path, FindingMaker(path, settings).engine("INT001", 1, 1, message))
                   for path in files if path not in done)
    return reports
