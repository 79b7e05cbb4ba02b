"""Which parameters must be shown in real time (`Display/RTDisplay` true), and why.

A parameter needs RTDisplay when something shows it or works on it in the element: it is
alarmed or trended, it has a position on a page, a page, tree control, relation, table view,
context menu, ... refers to it. Every such place is a *demand* on the parameter, kept with
the official code of the sub-result the official validator gives for it (e.g. `2.24.6` for
an alarmed parameter) and the element that makes the demand. Some places only *allow* it
(the write parameter of a dependency): the parameter is then listed without a reason.

`RTDisplay(model).demands` maps each Param element to its reasons, in the order found;
rules PRM102 (2.7.4) and PRM103 (2.7.5) read it, and the rules of the demanding checks read
the same facts. Everything is reached by direct child paths from the Params and the
protocol-level sections; the parameters are visited once.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dmlint.core.ids import dotnet_uint, plain_digits, read_id
from dmlint.model.elements import text_of
from dmlint.model.options import alarm_option_ids, dependency_value_ids, measurement_options
from dmlint.model.values import BOOL, UINT, attribute_value, element_value, inner_text, plain_number, uint_plain

# ColumnOption options that only work on a displayed column (2.38.5).
COLUMN_OPTIONS_NEEDING_RTDISPLAY = tuple(option.lower() for option in (
    "disableHeaderAvg", "disableHeaderMax", "disableHeaderMin", "disableHeaderSum", "disableHeatmap",
    "disableHistogram", "enableHeaderAvg", "enableHeaderMax", "enableHeaderMin", "enableHeaderSum",
    "enableHeatmap", "enableHistogram", "element", "view", "severity", "hidden", "CpeDummyColumn", "hideKpi",
    "kpiHideWrite", "viewImpact", "hideSummaryColumn", "severityColumn", "severityColumnIndex", "xPos", "yPos",
    "linkElement", "dynamicData", "selectionSetVar", "selectionSetCardVar", "SelectionSetPageVar",
    "SelectionSetWorkspaceVar", "space", "subtitle", "displayIcon", "displayElementAlarm", "displayServiceAlarm",
    "displayViewAlarm", "foreignKey", "rowTextColoring", "showReadAsKpi",
))
_WEB_PAGE_ID = re.compile(r"\[id:[0-9]*]")


class Reason(NamedTuple):  # immutable; a named tuple is cheaper to make than a frozen dataclass
    code: str  # the official code of the sub-result, e.g. "2.24.6"
    element: object  # where the demand is made
    note: str


def rtdisplay_value(model, param_element) -> bool:
    """Display/RTDisplay reads as true."""
    return element_value(model.follow(param_element, "Display", "RTDisplay"), BOOL).value is True


def will_be_exported(param_element) -> bool:
    """Param@export is set (to anything but 'false'): the parameter goes to a DVE child protocol."""
    export = param_element.get("export")
    return export is not None and export.strip() != "" and export != "false"


def is_context_menu(model, param_element) -> bool:
    return (text_of(model.first(param_element, "Name")) or "").lower().endswith("_contextmenu")


def is_qaction_feedback(model, param_element) -> bool:
    return (text_of(model.first(param_element, "Name")) or "").lower().endswith("_qactionfeedback")


def has_valid_position(model, param_element) -> bool:
    """A Display/Positions/Position with a Page, a Row and a Column that read as numbers."""
    for position in model.all(model.follow(param_element, "Display", "Positions"), "Position"):
        page = text_of(model.first(position, "Page"))
        if page and element_value(model.first(position, "Column"), UINT).value is not None \
                and element_value(model.first(position, "Row"), UINT).value is not None:
            return True
    return False


def page_names(model) -> set[str]:
    """Lower-cased names of the pages parameters are positioned on (shown, not columns)."""
    links = model.links
    names = set()
    for group in model.params.values():
        for param in group:
            element = param.element
            positions = model.follow(element, "Display", "Positions")
            if positions is None or not rtdisplay_value(model, element):
                continue
            if links.table_of(element) is not None:
                continue
            read = links.read_of(element)
            if read is not None and links.table_of(read) is not None:
                continue
            for position in model.all(positions, "Position"):
                name = text_of(model.first(position, "Page"))
                if name:
                    names.add(name.lower())
    return names


class RTDisplay:
    def __init__(self, model):
        self.model = model
        self.links = model.links
        self.demands: dict = {}  # Param element -> [Reason], in the order found
        self._params()
        self._protocol()

    # -- recording ---------------------------------------------------------------
    def add(self, param_element, code: str | None = None, element=None, note: str = ""):
        reasons = self.demands.setdefault(param_element, [])
        if code is not None:
            reasons.append(Reason(code, element if element is not None else param_element, note))

    def lookup(self, key: str | None):
        return self.links.param(key)

    def _add_with_table(self, referenced, code, element, note):
        self.add(referenced, code, element, note)
        table = self.links.table_of(referenced)
        if table is not None:
            self.add(table, code, element, note + " (its table)")

    # -- parameter-level demands ---------------------------------------------------
    def _params(self):
        model = self.model
        spectrum = model.is_spectrum
        for pid, group in model.params.items():
            for param in group:
                element = param.element
                self._id(element, pid, spectrum)
                self._name(element)
                self._alarm(element, pid)
                self._trending(element)
                self._trap(element)
                if has_valid_position(self.model, element):
                    self.add(element, "2.57.2", self.model.follow(element, "Display", "Positions"),
                             "it has a position on a page")
                self._virtual(element)
                self._dependencies(element, pid)
                self._discreets(element, pid)
                if self.model.first(element, "ArrayOptions") is not None:
                    self._table(element, pid)
        self._load_sequence()

    def _id(self, element, pid, spectrum):
        if not spectrum:
            return
        number = read_id(element.get("id"))
        if number.ok and not number.leading_zero and len(pid) == 5 and "64000" <= pid < "64300":
            self.add(element, "2.1.14", element, f"id {pid} is a spectrum parameter")

    def _name(self, element):
        tag = self.model.first(element, "Name")
        name = text_of(tag)
        if not name or self.model.is_restricted_name(name):
            return
        lowered = name.lower()  # as is_context_menu and is_qaction_feedback read it
        if lowered.endswith("_contextmenu"):
            self.add(element, "2.2.10", tag, "it is a context menu (name ends with _ContextMenu)")
        elif lowered.endswith("_qactionfeedback"):
            self.add(element, "2.2.11", tag, "it is a QAction feedback (name ends with _QActionFeedback)")

    def _alarm(self, element, pid):
        alarm = self.model.first(element, "Alarm")
        if alarm is None:
            return
        monitored = self.model.first(alarm, "Monitored")
        if element_value(monitored, BOOL).value is True:
            self.add(element, "2.24.6", monitored, "it is monitored (Alarm/Monitored)")
        if monitored is not None:
            disabled_if = attribute_value(monitored, "disabledIf")
            if disabled_if.raw is not None and not disabled_if.empty and "," in disabled_if.text:
                referenced = self.lookup(disabled_if.text.split(",", 1)[0])
                if referenced is not None:
                    self.add(referenced, "2.72.6", monitored, f"Param {pid} disables its alarms on it (disabledIf)")
        options = attribute_value(alarm, "options")
        if options.raw is None or options.empty:
            return
        for option, token in alarm_option_ids(options.text):
            referenced = self.lookup(token)
            if referenced is not None:
                what = "an alarm threshold" if option == "threshold" else "an alarm property"
                self._add_with_table(referenced, "2.34.7", alarm, f"Param {pid} takes {what} from it")

    def _trending(self, element):
        trending = attribute_value(element, "trending", BOOL)
        if trending.raw is not None and not trending.empty and trending.value is True:
            self.add(element, "2.8.4", element, "it is trended (trending=\"true\")")

    def _trap(self, element):
        trap = self.model.follow(element, "SNMP", "TrapOID")
        map_alarm = attribute_value(trap, "mapAlarm")
        if map_alarm.raw is not None and not map_alarm.empty and map_alarm.text.lower().startswith("true"):
            self.add(element, "2.55.3", trap, "its trap is mapped to alarms (TrapOID@mapAlarm)")

    def _virtual(self, element):
        virtual = attribute_value(self.model.first(element, "Type"), "virtual")
        if virtual.raw is None or virtual.empty:
            return
        if any(part.lower() == "source" for part in virtual.text.split(":")):
            self.add(element, "2.58.3", self.model.first(element, "Type"), "it is a virtual source (Type@virtual)")

    def _dependencies(self, element, pid):
        dependencies = self.model.first(element, "Dependencies")
        if dependencies is None:
            return
        self.add(element, "2.67.4", dependencies, "it has Dependencies")
        links = self.links
        for dependency in self.model.all(dependencies, "Id"):
            value = element_value(dependency)
            if value.empty:
                continue
            referenced = self.lookup(value.text)
            if referenced is None:
                continue
            self.add(referenced, "2.67.5", dependency, f"Param {pid} depends on it (Dependencies/Id)")
            if links.is_read(referenced):
                partner = links.write_of(referenced)
            elif links.is_write(referenced):
                partner = links.read_of(referenced)
            else:
                partner = None
            if partner is not None:
                self.add(partner)

    def _discreets(self, element, pid):
        discreets = self.model.follow(element, "Measurement", "Discreets")
        if discreets is None:
            return
        dependency_id = uint_plain(discreets.get("dependencyId"))
        if dependency_id is not None:
            referenced = self.lookup(str(dependency_id))
            if referenced is not None:
                self.add(referenced, "2.54.6", discreets, f"Param {pid} fills its drop-down from it (dependencyId)")
        if not is_context_menu(self.model, element):
            return
        for discreet in self.model.all(discreets, "Discreet"):
            values = attribute_value(discreet, "dependencyValues")
            if values.raw is None or values.empty:
                continue
            for token in dependency_value_ids(values.text):
                referenced = self.lookup(token)
                if referenced is not None:
                    self.add(referenced, "2.59.4", discreet, f"context menu Param {pid} asks for its value")

    def _table(self, table, pid):
        links = self.links
        columns = links.table_columns(table)
        displayed = rtdisplay_value(self.model, table) or will_be_exported(table)
        measurement_type = self.model.follow(table, "Measurement", "Type")
        options = attribute_value(measurement_type, "options")
        table_options = measurement_options(options.text).table if options.raw is not None else None
        if displayed and table_options is not None and table_options.columns:
            for _position, column_pid, _idx in table_options.columns:
                column = columns.get(str(column_pid)) if column_pid is not None else None
                if column is None:
                    continue
                self.add(column, "2.31.10", measurement_type, f"table {pid} shows it (Measurement/Type@options)")
                write = links.write_of(column)
                if write is not None:
                    self.add(write, "2.31.10", measurement_type, f"table {pid} shows its read column")
        for option_element in self.model.all(self.model.first(table, "ArrayOptions"), "ColumnOption"):
            raw = option_element.get("options")
            if raw is None:
                continue
            separator = ";" if not raw or raw[0].isalnum() else raw[0]
            options = [option for option in raw.split(separator) if option]
            column_pid = dotnet_uint(option_element.get("pid"))
            column = columns.get(str(column_pid)) if column_pid is not None else None
            if column is not None:
                for option in options:
                    lowered = option.lower()
                    if lowered.startswith(COLUMN_OPTIONS_NEEDING_RTDISPLAY):
                        self.add(column, "2.38.5", option_element, f"table {pid} gives it option '{option}'")
                        write = links.write_of(column)
                        if write is not None:
                            self.add(write, "2.38.5", option_element, f"table {pid} gives its read column '{option}'")
            for option in options:
                name, sep, value = option.partition("=")
                if name.lower() != "foreignkey" or not sep:
                    continue
                target = plain_digits(value.split("=")[0])
                target_table = self.lookup(str(target)) if target is not None else None
                if target_table is None:
                    continue
                key = links.primary_key_column(target_table)
                if key is not None:
                    self.add(key, "2.38.6", option_element, f"table {pid} has a foreign key to table {target}")

    def _load_sequence(self):
        params_block = self.model.first(self.model.root, "Params")
        value = attribute_value(params_block, "loadSequence")
        if value.raw is None or value.empty:
            return
        for token in value.text.split(";"):
            referenced = self.lookup(token)
            if referenced is not None:
                self.add(referenced, "2.56.6", params_block, "Params@loadSequence loads it")

    # -- protocol-level demands ------------------------------------------------------
    def _protocol(self):
        root = self.model.root
        self._export_protocols(self.model.first(root, "Type"))
        display = self.model.first(root, "Display")
        self._page_order(display)
        for page in self.model.all(self.model.follow(display, "Pages"), "Page"):
            visibility = self.model.first(page, "Visibility")
            if visibility is None:
                continue
            override = visibility.get("overridePID")
            if override is None or not override.strip():
                continue
            referenced = self.lookup(override.strip())
            if referenced is not None:
                self.add(referenced, "1.27.5", visibility, f"page '{page.get('name') or ''}' shows or hides on it")
        for relation in self.model.all(self.model.first(root, "Relations"), "Relation"):
            value = attribute_value(relation, "path")
            if value.raw is None or value.empty:
                continue
            for token in value.text.split(";"):
                if dotnet_uint(token) is None:
                    continue
                table = self.lookup(token)
                if table is not None and self.links.is_table(table):
                    self.add(table, "13.2.8", relation, "a Relation links it")
        for tree in self.model.all(self.model.first(root, "TreeControls"), "TreeControl"):
            self._tree_control(tree)

    def _export_protocols(self, type_element):
        options = attribute_value(type_element, "options")
        if options.raw is None:
            return
        for option in options.text.split(";"):
            parts = option.split(":")
            if parts[0].lower() != "exportprotocol" or len(parts) < 3 or not parts[1].strip():
                continue
            table_pid = dotnet_uint(parts[2])
            table = self.lookup(str(table_pid)) if table_pid is not None else None
            if table is not None:
                self.add(table, "1.9.13", type_element, f"DVE protocol '{parts[1]}' is exported from it")

    def _page_order(self, display):
        order = attribute_value(display, "pageOrder")
        if order.raw is None or order.empty:
            return
        pages = None
        for page in order.text.split(";"):
            if pages is None:
                pages = page_names(self.model)
            if page.lower() in pages or page.startswith("---") or "#" not in page:
                continue
            for match in _WEB_PAGE_ID.findall(page.lower()):
                referenced = self.lookup(match.strip("[id:]"))
                if referenced is not None:
                    self.add(referenced, "1.22.12", display, "a web page in Display@pageOrder uses it")

    def _tree_control(self, tree):
        links = self.links
        parameter_id = uint_plain(tree.get("parameterId"))
        if parameter_id is not None:
            referenced = self.lookup(str(parameter_id))
            if referenced is not None:
                self.add(referenced, "18.1.7", tree, "a TreeControl is shown on it")
        hierarchy = self.model.first(tree, "Hierarchy")
        if hierarchy is not None:
            raw = hierarchy.get("path")
            if raw is not None and raw.strip() and plain_number(raw):
                seen = set()
                for token in raw.split(","):
                    value = dotnet_uint(token)
                    if value is None or token in seen:
                        continue
                    seen.add(token)
                    table = self.lookup(str(value))
                    if table is not None:
                        self.add(table, "18.2.9", hierarchy, "a TreeControl hierarchy shows it")
            for table_element in self.model.all(hierarchy, "Table"):
                table_id = uint_plain(table_element.get("id"))
                if table_id is not None:
                    table = self.lookup(str(table_id))
                    if table is not None:
                        self.add(table, "18.3.6", table_element, "a TreeControl hierarchy shows it")
                condition = table_element.get("condition")
                if condition is None or not condition.strip():
                    continue
                parts = [part for part in condition.split(";") if part]
                if not parts:
                    continue
                head = parts[0].split(":")
                column_pid = dotnet_uint(head[0])
                if column_pid is None or not head[0].strip() or len(head) < 2:
                    continue
                column = self.lookup(str(column_pid))
                if column is not None:
                    self.add(column, "18.5.7", table_element, "a TreeControl hierarchy filters on it")
        for details in self.model.all(self.model.first(tree, "ExtraDetails"), "LinkedDetails"):
            table_id = attribute_value(details, "detailsTableId", UINT)
            if table_id.value is not None:
                target = self.lookup(str(table_id.value))
                if target is not None:
                    table = target if links.is_table(target) else links.table_of(target)
                    if table is not None:
                        self.add(table, "18.6.6", details, "a TreeControl shows its details")
            column_id = attribute_value(details, "discreetColumnId", UINT)
            if column_id.value is not None:
                column = self.lookup(str(column_id.value))
                if column is not None:
                    self.add(column, "18.7.6", details, "a TreeControl shows its details")
        for tab in self.model.all(self.model.first(tree, "ExtraTabs"), "Tab"):
            kind = (tab.get("type") or "").strip().lower()
            if kind not in ("parameters", "relation", "summary"):
                continue
            parameter = tab.get("parameter")
            if parameter is None or not parameter.strip():
                continue
            value = parameter.strip()
            tokens = value.split(",") if kind == "parameters" else [value]
            for token in tokens:
                if dotnet_uint(token) is None:
                    continue
                referenced = self.lookup(token)
                if referenced is None:
                    continue
                if kind == "relation":
                    table = links.table_of(referenced)
                    if table is None:
                        continue
                    self.add(table, "18.8.6", tab, "a TreeControl tab shows it")
                self.add(referenced, "18.8.6", tab, "a TreeControl tab shows it")


__all__ = ["RTDisplay", "Reason", "has_valid_position", "inner_text", "is_context_menu", "is_qaction_feedback",
           "page_names", "rtdisplay_value", "will_be_exported"]
