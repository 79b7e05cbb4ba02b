"""The `dmlint server` command. Only click here: pygls, lsprotocol and xmlschema are imported
when the command runs, so `dmlint --help` and `dmlint check` never load them."""

from __future__ import annotations

import sys

import click

INSTALL_HINT = "pip install 'dmlint[server]'"


@click.command("server", short_help="Run the language server (LSP over stdio) for editors.")
@click.option("--stdio", is_flag=True, help="Talk LSP on standard input and output (the default and only transport).")
@click.option("--log-level", type=click.Choice(["error", "warning", "info", "debug"]), default="warning",
              show_default=True, help="What the server logs on standard error.")
def server(stdio, log_level):
    """Run the dmlint language server over standard input and output.

    Editors start it as `dmlint server` and talk the Language Server Protocol to it: it
    publishes dmlint's findings as diagnostics while you type (with each file's own
    configuration, as `dmlint check` finds it), offers to suppress a finding, goes to the
    definition of an id and finds its references, lists the protocol's symbols, and completes
    elements, attributes and values from the schema. docs/editor.md shows the set-up for
    VS Code, Neovim and Helix.
    """
    try:
        from dmlint.server.lsp import run
    except ImportError as exc:
        missing = (getattr(exc, "name", None) or str(exc)).split(".")[0]
        click.echo(f"dmlint: error: the language server needs packages that are not installed ({missing}): "
                   f"{INSTALL_HINT}", err=True)
        sys.exit(2)
    run(log_level)
