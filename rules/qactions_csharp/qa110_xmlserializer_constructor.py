"""## What it does
Reports `new XmlSerializer(...)` (`System.Xml.Serialization`) calls other than
`XmlSerializer(Type)` and `XmlSerializer(Type, String)`. When the argument types cannot
be told from the code, a one- or two-argument call is left alone.

## Why is this bad
Every other constructor generates and loads a new serialization assembly each time it
is called; assemblies are never unloaded, so a QAction that creates serializers keeps
growing SLScripting's memory until DataMiner restarts it.

## Example
```csharp
var serializer = new XmlSerializer(typeof(Config), new XmlRootAttribute("config"));
```

## Use instead
```csharp
private static readonly XmlSerializer Serializer = new XmlSerializer(typeof(Config), new XmlRootAttribute("config"));
```
(create it once and keep it; or use `new XmlSerializer(typeof(Config))`)
"""

CODE = "QA110"
NAME = "xmlserializer-constructor"
SEVERITY = "error"
SUMMARY = "A QAction creates an XmlSerializer with a constructor that leaks an assembly per call"


def check(model):
    return model.csharp.problems_for(CODE)
