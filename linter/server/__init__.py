"""`dmlint server`: a Language Server (LSP over stdio) for protocol XML.

    cli.py          the `server` command (click only: pygls is imported when it runs)
    lsp.py          the pygls server: features, debounced linting, conversion to LSP types
    project.py      settings and configuration discovery, through `check`'s own CheckRun
    buffers.py      one open document: its text, its last lint, its last good navigation data
    text.py         offsets, lines and LSP positions; the spans of tags, attributes and ids
    navigation.py   go to definition, find references, document symbols (from the model)
    schema_help.py  completion and hover from the XSD (xmlschema), built once per schema

Everything but lsp.py works on plain offsets and model objects, so it is tested without a
client; lsp.py turns them into lsprotocol types. Nothing here is imported by `dmlint check`.
"""
