"""## What it does
Follows every place where a protocol names a parameter, table or column by id and
reports the ids that name nothing. The places come from one table
(`dmlint/references.py`): QAction triggers (unless `options="group"`, where they
name groups) and inputs; trigger and action `On@id`;
action `Type@id` of `copy`, `copy reverse`, `set next` and `timeout`; `id:N` in every
`Condition`; `Param` in Command, Response and Group content (Group content may add a
`:single`, `:instance`, `:tablev2` or `:getnext` suffix); `Command@ascii`;
`Group@connectionPid`; parameter dependencies (`Dependencies/Id`,
`Discreets@dependencyId`, `LengthType@id`, `Monitored@disabledIf`); table options
(`ColumnOption@pid`, `foreignKey=`, `naming=`, the numeric parts of `NamingFormat`); SNMP `OID@id`; page visibility; DVE
`exportProtocol`; timer options (`ip:`, `instance:`, `dynamicThreadPool:`);
`ExportRule@table`; tree controls; relations; parameter groups (`dynamicId`,
`Params/Param`).

Where a table is expected (foreign keys, timers over tables, relations, export
rules, `ParameterGroups/Group@dynamicId`), the parameter must be of type `array`.
HTTP session references, `Param/Type@id` and `NotifyConnectionPIDs` are checked by
their own rule families (HTTP, PRM007, WS) and are not repeated here.

Findings carry the official code of the site when the official validator has a
check for it (e.g. 11.3.1 for `Response/Content/Param`, 4.7.3 for
`Group@connectionPid`, 16.6.1 for `ParameterGroups/Group/Params/Param`).

## Why is this bad
A reference to a missing parameter is silently dropped at runtime: the QAction
never triggers, the condition is always false, the response field is not stored,
the table column is not linked.

## Example
```xml
<QAction id="100" triggers="25">...</QAction>      <!-- no Param 25 -->
<Group id="-1" dynamicId="300">...</Group>        <!-- Param 300 is not a table -->
```

## Use instead
```xml
<QAction id="100" triggers="20">...</QAction>
<Group id="-1" dynamicId="1000">...</Group>       <!-- Param 1000 is an array -->
```
"""

from dmlint.core.problem import Problem
from dmlint.core.ids import normalize_id
from dmlint.model.structure import tables

CODE = "REF001"
NAME = "reference-unresolved"
SEVERITY = "error"
SUMMARY = "An id names no parameter, or no table where a table is expected"
SKYLINE = (
    "2.63.4", "2.65.3", "3.2.4", "4.2.1", "4.7.3", "10.3.1", "10.4.3", "11.3.1", "16.1.1",
    "16.6.1", "2.17.4", "1.9.11", "13.2.1", "18.1.5", "18.2.5",
)


def check(model):
    table_ids = None
    seen = set()
    for reference in model.all_references:
        site = reference.site
        if not site.ref_rule or site.skipped_by_ref(reference.element):
            continue
        pid = normalize_id(reference.raw)
        if pid is None:
            continue  # REF002
        key = (id(reference.element), site.name, pid)
        if key in seen:
            continue
        seen.add(key)
        where = site.name.split("(")[0]
        param = model.param(pid)
        if param is None:
            what = "table" if site.target == "table" else "Param"
            yield Problem(reference.element, f"{where} names {what} {pid}, which does not exist",
                          attribute=site.attribute, skyline=site.official("missing"))
            continue
        if site.target == "table":
            if table_ids is None:
                table_ids = tables(model)
            if pid not in table_ids:
                kind = param.type_text or "no type"
                yield Problem(reference.element, f"{where} expects a table but Param {pid} ({param.name}) is "
                                                 f"of type '{kind}', not 'array'",
                              attribute=site.attribute, skyline=site.official("missing"))
