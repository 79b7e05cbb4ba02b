"""## What it does
Reports that one of dmlint's own rules failed on this file. The other rules'
findings for the file, and all other files, are still reported.

## Why is this bad
It is a bug in dmlint, not in the protocol: the failing rule checked nothing on
this file. Please report it with the message and, if you can, the file.

## Example
`INT001 rule WS007 failed on this file: KeyError: '12'`

## Use instead
Upgrade dmlint, or `--ignore` the failing rule until it is fixed.
"""

CODE = "INT001"
NAME = "internal-error"
SEVERITY = "error"
SUMMARY = "A dmlint rule failed on this file"
# Reported by the engine when a rule raises; there is no check() to run.
