"""## What it does
Checks the responses of smart-serial connections. When parameters of type
`header` and `trailer` are linked to a connection with the
`headerTrailerLink=N` type option (`connection=M` names the connection; without
it the link holds for every smart-serial connection), each response on that
connection (`Response@options` `connection:M`, connection 0 by default) must
contain every parameter of at least one of those links.

Only responses and parameters whose id can be read are checked.

## Why is this bad
On a smart-serial connection DataMiner cuts the incoming stream into answers with
the header and trailer of a link. A response without them never matches: its
parameters are never filled in.

## Example
```xml
<Type advanced="smart-serial:Device">serial</Type>
<Param id="1"><Type options="headerTrailerLink=1;connection=1">header</Type></Param>
<Param id="2"><Type options="headerTrailerLink=1;connection=1">trailer</Type></Param>
<Response id="5" options="connection:1"><Content><Param>10</Param></Content></Response>
```

## Use instead
```xml
<Response id="5" options="connection:1">
  <Content><Param>1</Param><Param>10</Param><Param>2</Param></Content>
</Response>
```
"""

from dmlint.core.problem import Problem
from dmlint.model.elements import child, children, text_of
from dmlint.model.item_ids import uint_id
from dmlint.rules._items import item_label

CODE = "RSP008"
NAME = "response-header-trailer-missing"
SEVERITY = "error"
SUMMARY = "A smart-serial Response lacks the header and trailer parameters of its connection"


def _smart_serial_connections(model) -> set[str]:
    found = set()
    for number, kind in enumerate(model.connection_types):
        if kind and kind.replace("-", "").replace(" ", "").startswith("smartserial"):
            found.add(str(number))
    return found


def _type_options(type_element) -> dict[str, str]:
    options = {}
    for option in (type_element.get("options") or "").split(";"):
        name, sep, value = option.partition("=")
        if sep:
            options.setdefault(name.strip().lower(), value)
    return options


def _links(model, connections: set[str]) -> dict[str, dict[str, set[str]]]:
    """{connection: {headerTrailerLink id: ids of its header and trailer parameters}}."""
    links: dict[str, dict[str, set[str]]] = {}
    for entry in model.param_types:
        if entry.element is None or entry.kind.lower() not in ("header", "trailer") or uint_id(entry.pid) is None:
            continue
        options = _type_options(entry.element)
        link = uint_id(options.get("headertrailerlink"))
        if link is None:
            continue
        connection = uint_id(options.get("connection"))
        targets = connections if connection is None else ({connection} & connections)
        for number in targets:
            links.setdefault(number, {}).setdefault(link, set()).add(entry.pid)
    return links


def _response_connection(response) -> str:
    for option in (response.get("options") or "").split(";"):
        option = option.strip()
        if option[:11].lower() == "connection:":
            number = uint_id(option[11:])
            if number is not None:
                return number
    return "0"


def check(model):
    connections = _smart_serial_connections(model)
    if not connections:
        return
    links = _links(model, connections)
    if not links:
        return
    for response, _ in model.section("response").valid:
        connection = _response_connection(response)
        needed = links.get(connection)
        if not needed:
            continue
        content = {uint_id(text_of(param)) for param in children(child(response, "Content"), "Param")}
        if any(ids <= content for ids in needed.values()):
            continue
        wanted = " or ".join("+".join(sorted(ids, key=int)) for ids in needed.values())
        yield Problem(response, f"{item_label(model, 'response', response)} on smart-serial connection {connection} "
                                f"holds none of its header and trailer sets (parameters {wanted}): DataMiner cannot "
                                f"recognise this answer")
