"""QActions: the attributes of QActions that the XML says (official category 3, C# aside)."""
