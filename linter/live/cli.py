"""The `dmlint live` and `dmlint serve` commands (registered in cli.py with add_command)."""

from __future__ import annotations

import json
import signal
import sys
import threading

import click

from dmlint.live.plan import PlanError, first_command_message, parse_sets, resolve_plan

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
# Seconds `dmlint serve` waits, once asked to stop, for open connections to close (open
# WebSocket connections get a 1001 close; a client stuck before its handshake is dropped).
STOP_GRACE = 0.5


def _fail(message: str) -> None:
    click.echo(f"dmlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _load_model(protocol: str, output_format: str):
    """Parse the protocol and refuse (exit 2) when WS001/WS004/WS005 errors make the request unbuildable."""
    from dmlint.live.check import blocking_findings, load_protocol
    from dmlint.model import build_model

    document = load_protocol(protocol)
    findings = blocking_findings(document)
    if findings:
        message = (f"{protocol} has {len(findings)} error(s) that make the handshake request unbuildable; "
                   "fix them first (nothing was sent)")
        if output_format == "json":
            click.echo(json.dumps({"ok": False, "error": message,
                                   "findings": [finding.to_json() for finding in findings]}, indent=2))
        for finding in findings:
            click.echo(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} [{finding.severity}] "
                       f"{finding.message}", err=True)
        _fail(message)
    return build_model(document)


@click.command("live")
@click.argument("protocol", type=click.Path(dir_okay=False))
@click.option("--host", help="Device address (the URL parameter is usually relative to it).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default: the connection's UserSettings/IPport).")
@click.option("--connection", "connection_id", metavar="ID", help="The WebSocket connection (when there are several).")
@click.option("--set", "sets", multiple=True, metavar="PID=VALUE",
              help="Use VALUE for parameter PID instead of its DefaultValue (repeatable).")
@click.option("--scheme", type=click.Choice(["ws", "wss"]), help="Scheme for a relative URL (default ws).")
@click.option("--ca", type=click.Path(exists=True, dir_okay=False), help="CA certificate file (PEM) for wss.")
@click.option("--insecure", is_flag=True, help="wss: do not verify the server certificate (warns).")
@click.option("--timeout", type=float, help="Seconds (default: UserSettings/TimeoutTime, in ms).")
@click.option("--probe", type=click.Choice(["none", "command", "nmos-is07"]), default="none", show_default=True,
              help="After opening: send the first Command's content, or an NMOS IS-07 health command.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the request, the response and one line per check; json: the same as an object.")
@click.option("--dry-run", is_flag=True, help="Print the exact request without touching the network.")
def live(protocol, host, port, connection_id, sets, scheme, ca, insecure, timeout, probe, output_format, dry_run):
    """Perform the WebSocket opening handshake PROTOCOL describes against a device or test server."""
    from dmlint.live import check as live_module

    try:
        values = parse_sets(sets)
        model = _load_model(protocol, output_format)
        plan = resolve_plan(model, host=host, port=port, connection_id=connection_id, sets=values,
                            scheme=scheme, timeout=timeout)
        if not plan.secure and (ca or insecure):
            plan.notes.append("--ca/--insecure ignored: the URL is ws:// (no TLS)")
        message = first_command_message(model, values) if probe == "command" else None
        if dry_run:
            report = live_module.dry_run(plan)
        else:
            report = live_module.run_live(plan, ca=ca, insecure=insecure, probe=probe, probe_message=message)
    except PlanError as exc:
        _fail(str(exc))
    for warning in report.warnings:
        click.echo(f"dmlint: warning: {warning}", err=True)
    if output_format == "json":
        click.echo(json.dumps(live_module.report_json(report), indent=2))
    else:
        click.echo(live_module.report_text(report))
    sys.exit(EXIT_OK if report.ok else EXIT_FAILED)


@click.command("serve")
@click.argument("protocol", type=click.Path(dir_okay=False))
@click.option("--port", type=click.IntRange(0, 65535),
              help="Port to listen on (default: the connection's UserSettings/IPport; 0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--connection", "connection_id", metavar="ID", help="The WebSocket connection (when there are several).")
@click.option("--set", "sets", multiple=True, metavar="PID=VALUE",
              help="Expect VALUE for parameter PID instead of its DefaultValue (repeatable).")
def serve(protocol, port, host, connection_id, sets):
    """Run a local WebSocket server that accepts the handshake PROTOCOL describes and echoes messages.

    It answers 404 for another path and 403 for a missing or different header, and logs every
    handshake on stderr. Ctrl-C or SIGTERM stops it within about half a second (exit 0);
    exit 2 when the protocol cannot describe a handshake or the port cannot be used.
    """
    from dmlint.live.serve import ReferenceServer

    try:
        model = _load_model(protocol, "text")
        plan = resolve_plan(model, host=host, port=port, connection_id=connection_id, sets=parse_sets(sets))
    except PlanError as exc:
        _fail(str(exc))
    listen_port = port if port is not None else plan.port
    server = ReferenceServer(plan, host=host, port=listen_port,
                             log=lambda line: click.echo(f"dmlint serve: {line}", err=True))
    stop = threading.Event()
    # Ctrl-C and SIGTERM only ask the main loop to stop, whatever line is running when they arrive.
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        url = server.start()
    except OSError as exc:
        _fail(f"cannot listen on {host}:{listen_port}: {exc.strerror or exc}")
    click.echo(f"dmlint serve: listening on {url}")
    expected = ", ".join(f"{h.key}: {h.shown}" for h in plan.headers) or "none"
    offered = ", ".join(str(o) for o in plan.extensions) or "none"
    click.echo(f"dmlint serve: expecting headers: {expected}; extensions the protocol offers: {offered}")
    click.echo("dmlint serve: press Ctrl-C to stop")
    sys.stdout.flush()
    try:
        while not stop.wait(0.05):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop(timeout=STOP_GRACE)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        click.echo("dmlint serve: stopped")
