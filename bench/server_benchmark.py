#!/usr/bin/env python3
"""Measure `dmlint server` on the largest real protocol: change-to-diagnostics time and memory.

    python bench/server_benchmark.py [--file PATH] [--changes 30] [--schema PATH] [--profile OUT]

The script is the client: it starts `dmlint server` (this interpreter's dmlint) over stdio and
speaks LSP to it with nothing but the standard library, as an editor would:

1. initialize, open the protocol (0.9 MB, chirangee98__Dataminer-Protocol-IRD-__protocol.xml
   from ../shared/corpus/real) and wait for its diagnostics;
2. N times: one keystroke (a character typed into, or removed from, a Description), then wait
   for the diagnostics of that version; the time from sending the didChange to receiving
   them is one sample (the server's debounce included). A pause follows each sample, so each
   change is linted on its own, as when someone types and looks;
3. the server's resident memory (VmRSS, /proc) with the file open: after the first lint,
   after the changes, and after navigation (definition, references, symbols) and schema help
   (completion, hover) have built their indexes.

It prints a markdown table for docs/benchmarks.md. `--log FILE` keeps the server's debug log,
where each lint says how long its steps took (settings, lint, diagnostics, publishing).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIG = REPO.parent / "shared" / "corpus" / "real" / "chirangee98__Dataminer-Protocol-IRD-__protocol.xml"
PAUSE = 0.25  # seconds between keystrokes: each change is linted by itself
TIMEOUT = 60


class Client:
    """A minimal LSP client: Content-Length framing over the server's stdin and stdout."""

    def __init__(self, command: list[str], stderr):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            body = stream.read(length)
            self.messages.put((time.perf_counter(), json.loads(body)))

    def send(self, message: dict) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        sent = time.perf_counter()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return sent

    def notify(self, method: str, params: dict) -> float:
        return self.send({"method": method, "params": params})

    def request(self, method: str, params: dict):
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == wanted and "method" not in m)[1].get("result")

    def wait(self, accept):
        deadline = time.monotonic() + TIMEOUT
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the server did not answer in time")
            received, message = self.messages.get(timeout=left)
            if "method" in message and "id" in message:  # a request from the server: accept it
                self.send({"id": message["id"], "result": None})
            if accept(message):
                return received, message

    def diagnostics(self, uri: str, version: int):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)

    def rss_mb(self) -> float:
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()


def position(text: str, offset: int) -> dict:
    line = text.count("\n", 0, offset)
    return {"line": line, "character": offset - (text.rfind("\n", 0, offset) + 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=BIG)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--schema", help="validate against this XSD (the server's `schema` option)")
    parser.add_argument("--log", metavar="FILE", help="the server's debug log (each lint's steps, timed) to FILE")
    args = parser.parse_args()
    if not args.file.exists():
        print(f"{args.file} not found (../shared/corpus/real is needed)", file=sys.stderr)
        return 2
    text = args.file.read_text(encoding="utf-8")
    command = [sys.executable, "-m", "dmlint", "server"]
    if args.log:
        command += ["--log-level", "debug"]
    client = Client(command, open(args.log, "w") if args.log else subprocess.DEVNULL)
    uri = args.file.resolve().as_uri()
    started = time.perf_counter()
    options = {"schema": args.schema} if args.schema else {}
    client.request("initialize", {"processId": os.getpid(), "rootUri": args.file.parent.resolve().as_uri(),
                                  "capabilities": {}, "initializationOptions": options})
    client.notify("initialized", {})
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "xml", "version": 1,
                                                            "text": text}})
    received, first = client.diagnostics(uri, 1)
    open_ms = (received - started) * 1000
    findings = len(first["params"]["diagnostics"])
    time.sleep(2)  # the schema help is built in the background after the first lint
    rss_open = client.rss_mb()

    anchor = text.index("<Description>") + len("<Description>")
    samples = []
    memory = []  # RSS after every 10 changes
    current = text
    for number in range(args.changes):
        version = number + 2
        at = position(current, anchor)
        if number % 2 == 0:  # type one character...
            change = {"range": {"start": at, "end": at}, "text": "x"}
            current = current[:anchor] + "x" + current[anchor:]
        else:  # ...and remove it again
            end = {"line": at["line"], "character": at["character"] + 1}
            change = {"range": {"start": at, "end": end}, "text": ""}
            current = current[:anchor] + current[anchor + 1:]
        sent = client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                         "contentChanges": [change]})
        received, _ = client.diagnostics(uri, version)
        samples.append((received - sent) * 1000)
        if (number + 1) % 10 == 0:
            memory.append(client.rss_mb())
        time.sleep(PAUSE)
    rss_changes = client.rss_mb()

    site = current.index('<Type id="4">copy') + len('<Type id="')
    definition_started = time.perf_counter()
    client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": position(current, site)})
    definition_ms = (time.perf_counter() - definition_started) * 1000
    references_started = time.perf_counter()
    found = client.request("textDocument/references", {"textDocument": {"uri": uri},
                                                       "position": position(current, site),
                                                       "context": {"includeDeclaration": True}})
    references_ms = (time.perf_counter() - references_started) * 1000
    symbols_started = time.perf_counter()
    client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    symbols_ms = (time.perf_counter() - symbols_started) * 1000
    completion_at = current.index("<Param id=") + len("<Param ")
    completion_started = time.perf_counter()
    client.request("textDocument/completion", {"textDocument": {"uri": uri},
                                               "position": position(current, completion_at)})
    completion_ms = (time.perf_counter() - completion_started) * 1000
    client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position(current, anchor)})
    rss_all = client.rss_mb()
    client.close()

    samples.sort()
    median = statistics.median(samples)
    p90 = samples[int(0.9 * (len(samples) - 1))]
    print(f"file: {args.file.name} ({len(text.encode('utf-8')) / 1e6:.2f} MB, {findings} finding(s)); "
          f"schema: {args.schema or 'bundled'}; {args.changes} changes, {PAUSE:.2f} s apart; "
          f"load average {os.getloadavg()[0]:.2f}")
    print()
    print("| Measurement | value |")
    print("|---|---:|")
    print(f"| open to first diagnostics (server start-up included) | {open_ms:.0f} ms |")
    print(f"| didChange to diagnostics, median | {median:.0f} ms |")
    print(f"| didChange to diagnostics, 90th percentile | {p90:.0f} ms |")
    print(f"| didChange to diagnostics, fastest / slowest | {samples[0]:.0f} / {samples[-1]:.0f} ms |")
    print(f"| definition / references ({len(found or [])} locations) / document symbols | "
          f"{definition_ms:.0f} / {references_ms:.0f} / {symbols_ms:.0f} ms |")
    print(f"| completion (attributes of a Param) | {completion_ms:.0f} ms |")
    print(f"| server RSS, file open and linted | {rss_open:.0f} MB |")
    print(f"| server RSS, after {args.changes} changes | {rss_changes:.0f} MB |")
    print(f"| server RSS every 10 changes | {' / '.join(f'{mb:.0f}' for mb in memory)} MB |")
    print(f"| server RSS, after navigation and schema help | {rss_all:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
