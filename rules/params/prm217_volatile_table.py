"""## What it does
Checks the `volatile` option of `ArrayOptions@options` against what the table does.
A volatile table is not stored in the element's database, so it cannot:

- have a column that is alarm monitored (`Alarm/Monitored` true),
- have a `ColumnOption` with the `save`, `element` (DVE) or `foreignKey=` option,
- be the table a foreign key of another table points at,
- drive a DCF parameter group (`ParameterGroups/Group@dynamicId`).

A table that is volatile while doing one of these is reported (each reason is a related
place). A table that does none of them and is not volatile is reported as a suggestion:
it should be volatile.

## Why is this bad
Rows of a volatile table are lost when the element restarts, so alarms, saved values,
DVE child elements, links from other tables and DCF interfaces built on them disappear
or point at rows that no longer exist. A table that needs none of that but is not
volatile costs database writes on every change for nothing.

The official severity of the suggestion is Minor; dmlint reports it as a warning.

## Example
```xml
<ArrayOptions index="0" options=";volatile">
  <ColumnOption idx="0" pid="1001"/>
  <ColumnOption idx="1" pid="1002" options=";save"/>
</ArrayOptions>
<ArrayOptions index="0">  <!-- a status table nothing depends on -->
  <ColumnOption idx="0" pid="2001"/>
</ArrayOptions>
```

## Use instead
```xml
<ArrayOptions index="0">
  <ColumnOption idx="0" pid="1001"/>
  <ColumnOption idx="1" pid="1002" options=";save"/>
</ArrayOptions>
<ArrayOptions index="0" options=";volatile">
  <ColumnOption idx="0" pid="2001"/>
</ArrayOptions>
```
"""

from dmlint.core.problem import Problem
from dmlint.model import is_true
from dmlint.model.sections import id_key

CODE = "PRM217"
NAME = "volatile-table"
SEVERITY = "warning"
SUMMARY = "A volatile table is stored by what depends on it, or a table nothing stores is not volatile"


def check(model):
    tables = [table for table in model.all_tables if table.array_options is not None]
    if not tables:
        return
    reasons = {id(table.element): [] for table in tables}
    by_raw_id = {}
    for table in tables:
        by_raw_id.setdefault(table.element.get("id"), table)
    groups = {}
    for group in model.section("parameter_group").items:
        key = id_key(group.get("dynamicId"))
        if key is not None:
            groups.setdefault(key, []).append(group)
    for table in tables:
        found = reasons[id(table.element)]
        for column in table.columns:
            param = column.param
            if param is not None and is_true(model.follow(param.element, "Alarm", "Monitored")):
                found.append((model.follow(param.element, "Alarm", "Monitored"),
                              f"column {column.pid} is alarm monitored", "2.78.5"))
        for option in table.column_options:
            options = option.options
            if options is None:
                continue
            where = f"ColumnOption idx={option.idx_raw!r}"
            if options.saved:
                found.append((option.element, f"{where} has the save option", "2.78.3"))
            if options.dve_element:
                found.append((option.element, f"{where} has the element option (DVE)", "2.78.3"))
            if options.foreign_key_pid is not None:
                found.append((option.element, f"{where} is a foreign key", "2.78.3"))
                target = model.param_by_key(options.foreign_key_pid)
                destination = by_raw_id.get(target.element.get("id")) if target is not None else None
                if destination is not None and destination.element is target.element:
                    reasons[id(destination.element)].append(
                        (option.element, f"{table.label} has a foreign key to it "
                                         f"({table.pid};{options.foreign_key_pid})", "2.78.4"))
        for group in groups.get(table.pid, ()):
            found.append((group, f"ParameterGroup {(group.get('id') or '?').strip()} is built on it (dynamicId)",
                          "2.78.6"))
    for table in tables:
        found = reasons[id(table.element)]
        if table.is_volatile and found:
            what = "; ".join(note for _, note, _ in found)
            yield Problem(table.element, f"{table.label} is volatile but its rows must be kept: {what}",
                          official="2.78.2", related=tuple((element, note) for element, note, _ in found))
        elif not table.is_volatile and not found:
            yield Problem(table.element, f"nothing stores the rows of {table.label} (no saved, alarmed, DVE or linked "
                                         f"column, no DCF): add the volatile option", official="2.78.1")
