"""## What it does
Reports spaces around the values that identify a pair and what it runs:
`Pair@id` and the `Command`, `Response` and `ResponseOnBadCommand` of its
`Content`. An untrimmed content value is reported once it names an existing
command or response (a value naming nothing is PAIR006's).

The official severity is Warning; dmlint reports a warning.

## Why is this bad
DataMiner trims most ids, but not every tool that reads a protocol does: an
untrimmed id is found in one place and not in another, and diffs become noisy.

## Example
```xml
<Pair id=" 10">
  <Content><Command>1 </Command><Response> 2</Response></Content>
</Pair>
```

## Use instead
```xml
<Pair id="10">
  <Content><Command>1</Command><Response>2</Response></Content>
</Pair>
```

## Fix safety
Safe: the fix removes the spaces around the value and changes nothing else; DataMiner
reads the trimmed value the same way.
"""

from dmlint.core.fixes import Fix, trim_text
from dmlint.core.ids import UNTRIMMED, read_id
from dmlint.core.problem import Problem
from dmlint.model.elements import child, element_children, local_name
from dmlint.rules._items import item_label, untrimmed_id_problems

CODE = "PAIR003"
NAME = "pair-value-untrimmed"
SEVERITY = "warning"
FIX = "safe"
SUMMARY = "A Pair id or the command or response of a Pair has spaces around it"

# Content child -> (section it names, official code of its untrimmed value)
CONTENT = {"Command": ("command", "9.4.3"), "Response": ("response", "9.5.3"),
           "ResponseOnBadCommand": ("response", "9.6.3")}


def check(model):
    yield from untrimmed_id_problems(model, "pair", "9.3.3")
    for pair, _ in model.section("pair").valid:
        for item in element_children(child(pair, "Content")):
            name = local_name(item.tag)
            if name not in CONTENT or len(item):
                continue
            kind, code = CONTENT[name]
            raw = item.text or ""
            number = read_id(raw)
            if number.status != UNTRIMMED or number.leading_zero or model.section(kind).get(number.digits) is None:
                continue
            yield Problem(item, f"{item_label(model, 'pair', pair)}: {name} '{raw}' has spaces around it: write "
                                f"{raw.strip()}", official=code,
                          fix=Fix.of(trim_text(model.document, item), message=f"trim the {name}"))
