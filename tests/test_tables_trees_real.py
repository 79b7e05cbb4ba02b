"""EXP, PGRP, REL and TREE on the real protocols of ../shared (skipped without it).

Six real files have export rules, parameter groups, relations or tree controls, all written
correctly: the rules stay silent on every real file. Mutations of those real structures (a
dropped foreign key, a misplaced parent, a renumbered table, a wrong separator) are each
reported by exactly the rule that owns them.
"""

from __future__ import annotations

import pytest

from dmlint.core.engine import LintSettings, lint_bytes
from dmlint.core.registry import all_rules

from conftest import shared_path

CODES = frozenset(rule.code for rule in all_rules() if rule.prefix in ("EXP", "PGRP", "REL", "TREE"))
TREE_FILE = "SheyuanYeoSkyline__SLC-C-TrainingExerciseQActionsAndTables__protocol.xml"
FLOW_FILE = "SkylineCommunications__SLC-C-Example_Flow-Engineering__protocol.xml"


def lint(name: str, data: bytes | None = None):
    path = shared_path("corpus", "real", name)
    data = path.read_bytes() if data is None else data
    return lint_bytes(str(path), data, LintSettings(selected=CODES | {"INT001"})).findings


def test_real_protocols_give_no_table_or_tree_finding():
    files = sorted(shared_path("corpus", "real").glob("*.xml"))
    assert len(files) >= 60
    found = [(path.name, f.line, f.code) for path in files for f in lint(path.name)]
    assert not found, found


@pytest.mark.parametrize("name, old, new, expected", [
    # The foreign key of the child table of the relation 1000;2000 and of the tree is dropped.
    (TREE_FILE, b'options=";foreignKey=1000"', b'options=""', [("REL003", "13.2.5")]),
    # The lower level of the tree loses its parent; then the tree's parameter is renumbered.
    (TREE_FILE, b'<Table id="2000" parent="1000"/>', b'<Table id="2000"/>', [("TREE006", "18.4.1")]),
    (TREE_FILE, b'<TreeControl parameterId="10000">', b'<TreeControl parameterId="10009">',
     [("TREE002", "18.1.5")]),
    (TREE_FILE, b'<Table id="2000" parent="1000"/>', b'<Table id="2000" parent="1000" condition="2006"/>',
     [("TREE001", "18.5.3")]),
    # The DCF group's table is renumbered; a relation path written with ','.
    (FLOW_FILE, b'dynamicId="1000"', b'dynamicId="1999"', [("PGRP010", "16.1.1")]),
    (FLOW_FILE, b'path="9991000;9991100"', b'path="9991000,9991100"', [("REL002", "13.2.3")]),
])
def test_mutations_of_real_structures_are_reported_by_their_rule(name, old, new, expected):
    data = shared_path("corpus", "real", name).read_bytes()
    assert data.count(old) == 1, old
    found = [(f.code, f.skyline[0] if f.skyline else "") for f in lint(name, data.replace(old, new))]
    assert found == expected
