"""QA: the official validator's checks of QAction C# code (dmlint.csharp)."""
