"""## What it does
Reports columns whose `Name` does not start with the name of their table (without a
trailing "table"): the columns of `Interfaces Table` are named `Interfaces...`
(`InterfacesIndex`, `Interfaces_Speed`). The write parameter of a column counts as a
column. One finding per table; with several columns they are listed as related places.

## Why is this bad
Parameter names are how QActions (the generated `Parameter` class), Automation scripts
and DataMiner's own lists refer to parameters. A common prefix keeps a table's columns
together and tells at a glance which table a parameter belongs to.

The official severity is Minor; dmlint reports a warning.

## Example
```xml
<Param id="1000"><Name>Interfaces Table</Name><Type>array</Type>...</Param>
<Param id="1002"><Name>Speed</Name><Type>read</Type></Param>
```

## Use instead
```xml
<Param id="1002"><Name>InterfacesSpeed</Name><Type>read</Type></Param>
```

## Fix safety
Unsafe: the fix puts the table's name (without 'Table' at its end) before the column's name, as the
official validator does, which renames the parameter: what shows or finds it by name sees another
one.
"""

from dmlint.core.fixes import UNSAFE, Fix, replace_text
from dmlint.core.problem import Problem
from dmlint.model import child

CODE = "PRM216"
NAME = "column-name-prefix"
SEVERITY = "warning"
FIX = "unsafe"
SUMMARY = "A column's Name does not start with its table's name"


def table_prefix(name: str) -> str:
    if name.lower().endswith("table"):
        name = name[: -len("table")]
    return name.rstrip(" ")


def check(model):
    tables_of: dict[str, int] = {}  # param id -> how many tables it is a column of
    for table in model.all_tables:
        for column in table.columns:
            if column.param is not None and not column.via_duplicate_as:
                tables_of[column.param.id] = tables_of.get(column.param.id, 0) + 1
    for table in model.all_tables:
        if table.array_options is None or not table.name:
            continue
        prefix = table_prefix(table.name)
        wrong = []
        for column in table.columns:
            param = column.param
            if param is None or column.via_duplicate_as:
                continue
            name_element = model.first(param.element, "Name")
            if name_element is None or param.name.startswith(prefix):
                continue
            wrong.append((param, name_element))
            write = model.write_param_of(param)
            if write is not None:
                wrong.append((write, child(write.element, "Name")))
        if len(wrong) == 1:
            param, element = wrong[0]
            yield Problem(element, f"Param {param.id} ('{param.name}'), a column of {table.label}, should have a name "
                                   f"starting with '{prefix}'", official="2.53.2",
                          fix=_prefixed(model, wrong, prefix, tables_of))
        elif wrong:
            names = ", ".join(f"{param.id} ('{param.name}')" for param, _ in wrong)
            yield Problem(table.element, f"{len(wrong)} columns of {table.label} have no name starting with "
                                         f"'{prefix}': {names}", official="2.53.1",
                          related=tuple((element, f"Param {param.id} ('{param.name}') should start with '{prefix}'")
                                        for param, element in wrong),
                          fix=_prefixed(model, wrong, prefix, tables_of))


def _prefixed(model, wrong, prefix, tables_of):
    """Put the prefix before the names that lack it; none when a parameter is a column of several
    tables (each would want its own prefix)."""
    if any(tables_of.get(param.id, 0) > 1 for param, _ in wrong):
        return None
    renamed = {id(element): (element, param) for param, element in wrong
               if element is not None and not param.name.startswith(prefix)}
    return Fix.of(*(replace_text(model.document, element, prefix + param.name) for element, param in renamed.values()),
                  safety=UNSAFE, message=f"start the column names with '{prefix}'")
