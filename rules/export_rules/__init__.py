"""EXP: the export rules of DVE and virtual elements (Protocol/ExportRules)."""
