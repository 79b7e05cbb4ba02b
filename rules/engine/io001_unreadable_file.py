"""## What it does
Reports a file dmlint was asked to lint but could not read (permissions, a
broken symlink, a file removed while linting).

## Why is this bad
A file that is silently skipped is a file nobody checked. Reporting it keeps a CI
gate honest while the other files are still linted.

## Example
A `protocol.xml` with mode `000`.

## Use instead
Make the file readable by the user running dmlint, or exclude it from the paths given.
"""

CODE = "IO001"
NAME = "unreadable-file"
SEVERITY = "error"
SUMMARY = "The file could not be read"
# Reported by the engine when reading fails; there is no check() to run.
