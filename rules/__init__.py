"""dmlint's rules: one module per rule, named `<code>_<name>.py`.

Each module declares CODE, NAME, SEVERITY, SUMMARY and (where the official
Skyline validator has the same check) SKYLINE; its docstring is the rule's
documentation (`dmlint rule CODE` prints it); `check(model)` yields Problems.
"""
