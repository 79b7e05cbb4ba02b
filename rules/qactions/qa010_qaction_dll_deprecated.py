"""## What it does
Reports a QAction whose `dllImport` loads a deprecated DataMiner DLL:
`SLDatabase.dll` or `MySql.Data.dll`, by name or by path (compared by file name,
ignoring case). One finding per deprecated DLL.

QActions whose id cannot be read are not checked (QA001 reports them).

## Why is this bad
These DLLs give direct access to DataMiner's database, which DataMiner no longer
supports: they are not shipped with current versions, so the QAction fails to
compile or breaks at run time when the database changes.

## Example
```xml
<QAction id="1" name="Store" encoding="csharp" triggers="10" dllImport="SLDatabase.dll;System.Xml.dll">...</QAction>
```

## Use instead
```xml
<QAction id="1" name="Store" encoding="csharp" triggers="10" dllImport="System.Xml.dll">...</QAction>
<!-- and a supported API (SLProtocol, SLNet messages, a NuGet package) instead of the database -->
```
"""

from dmlint.core.problem import Problem
from dmlint.rules._items import item_label

CODE = "QA010"
NAME = "qaction-dll-deprecated"
SEVERITY = "error"
SUMMARY = "A QAction imports a deprecated DataMiner DLL (SLDatabase, MySql.Data)"

DEPRECATED = ("sldatabase.dll", "mysql.data.dll")


def check(model):
    for element, _ in model.section("qaction").valid:
        for dll in (element.get("dllImport") or "").split(";"):
            dll = dll.strip()
            name = dll.replace("/", "\\").rpartition("\\")[2]
            if name.lower() in DEPRECATED:
                yield Problem(element, f"{item_label(model, 'qaction', element)} imports {dll}, which DataMiner "
                                       f"no longer supports: replace it with a supported API",
                              attribute="dllImport")
