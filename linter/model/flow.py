"""The execution flow: Triggers, Actions, Groups and Timers as the rules read them.

The sections themselves are rows of `sections.SECTIONS` (trigger, action, group, timer, ...);
this module reads what their elements say, the way DataMiner does (enumerations trimmed and
compared without case, ids as .NET unsigned integers):

- `id_problem(raw)`: what is wrong with an element's id attribute, as the id checks of the
  official validator see it (missing, empty, invalid, untrimmed);
- `valid_id(raw)`: the id of an element the flow checks consider at all (the official
  validator skips elements without a readable id);
- `Trigger`, `Action`, `Timer`: views over one element (`model.triggers`, ...);
- `TimerOptions`: `Timer@options` split into its options (`ip:`, `each:`, `threadPool:`...);
- `flow_graph(model)`: who runs whom (`model.flow_graph`, see `FlowGraph`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from dmlint.core.ids import UINT32_MAX, read_int
from dmlint.model.elements import child, children, text_of

# Enumerations (protocol.xsd). DataMiner compares them without case, after trimming.
TRIGGER_ON = ("command", "communication", "group", "pair", "parameter", "protocol", "response", "session", "timer")
TRIGGER_TIME = ("after", "after startup", "before", "change", "change after response", "link file change",
                "succeeded", "timeout", "timeout after retries")
TRIGGER_TYPE = ("action", "trigger")
ACTION_ON = ("command", "group", "pair", "parameter", "protocol", "response", "timer")
ACTION_TYPE = (
    "add to execute", "aggregate", "append", "append data", "change length", "clear", "clear length info",
    "clear on display", "close", "copy", "copy reverse", "crc", "create element", "execute", "execute next",
    "execute one", "execute one top", "execute one now", "force execute", "go", "increment", "length", "lock",
    "make", "merge", "multiply", "normalize", "open", "pow", "priority lock", "priority unlock", "read",
    "read file", "read stuffing", "replace", "replace data", "reschedule", "restart timer", "reverse",
    "run actions", "save", "set", "set and get with wait", "set info", "set next", "set with wait", "sleep",
    "start", "stop", "stop current group", "stuffing", "swap column", "timeout", "unlock", "wmi",
)
GROUP_TYPE = ("action", "poll", "poll action", "poll trigger", "trigger")
# Which times a trigger on each kind of item can go off at (a trigger on communication: any).
TRIGGER_TIMES_BY_ON = {
    "parameter": ("change", "change after response", "timeout", "timeout after retries"),
    "command": ("before", "after"),
    "response": ("before", "after"),
    "pair": ("succeeded", "timeout", "timeout after retries"),
    "group": ("before", "after"),
    "session": ("timeout",),
    "timer": ("before",),
    "protocol": ("after startup", "link file change"),
}


def enum_value(raw: str | None, values) -> str | None:
    """An enumeration value as DataMiner reads it (trimmed, any case), None when it is none."""
    if raw is None:
        return None
    value = raw.strip().lower()
    return value if value in values else None


def enum_of(element, values) -> str | None:
    """`enum_value` of an element's text; None for a missing element."""
    return enum_value(element.text if element is not None else None, values)


def dotnet_uint(raw: str | None) -> str | None:
    """Canonical digits of a .NET unsigned integer (spaces around, a '+', leading zeros are
    read), None when the text is none."""
    number = read_int(raw)
    if number.digits is None or not number.at_most(UINT32_MAX):
        return None
    return number.digits


def valid_id(raw: str | None) -> str | None:
    """The id of an element the flow checks look at (its id attribute reads as an unsigned
    number), None otherwise."""
    return dotnet_uint(raw)


def id_problem(raw: str | None) -> str | None:
    """missing | empty | invalid | untrimmed | None for an element's id attribute. Invalid: not
    an unsigned 32-bit number, or written with a '+' or a leading zero."""
    if raw is None:
        return "missing"
    value = raw.strip()
    if not value:
        return "empty"
    if dotnet_uint(value) is None or value.startswith("+") or (value != "0" and value.startswith("0")):
        return "invalid"
    if value != raw:
        return "untrimmed"
    return None


def label(kind: str, element) -> str:
    """'Trigger 5', 'Action 5 (Name)': how messages name a flow element."""
    raw = element.get("id")
    ident = raw.strip() if raw is not None and raw.strip() else "(no id)"
    name = text_of(child(element, "Name"))
    return f"{kind} {ident}" + (f" ({name})" if name else "")


def duplicate_ids(elements) -> list[tuple[str, list]]:
    """(id, elements) for every valid id that several elements share, in document order."""
    by_id: dict[str, list] = {}
    for element in elements:
        key = valid_id(element.get("id"))
        if key is not None:
            by_id.setdefault(key, []).append(element)
    return [(key, found) for key, found in by_id.items() if len(found) > 1]


def duplicate_names(elements) -> list[tuple[str, list]]:
    """(name, elements) for every Name (trimmed, any case) several elements with a valid id
    share, in document order."""
    by_name: dict[str, list] = {}
    shown: dict[str, str] = {}
    for element in elements:
        if valid_id(element.get("id")) is None:
            continue
        name = text_of(child(element, "Name"))
        if not name:
            continue
        key = name.lower()
        shown.setdefault(key, name)
        by_name.setdefault(key, []).append(element)
    return [(shown[key], found) for key, found in by_name.items() if len(found) > 1]


def split_ids(raw: str | None) -> list[str]:
    """The parts of a ';'-separated id list that read as unsigned numbers (canonical digits)."""
    if not raw:
        return []
    found = []
    for part in raw.split(";"):
        if part:
            digits = dotnet_uint(part)
            if digits is not None:
                found.append(digits)
    return found


# -- views ------------------------------------------------------------------------------

@dataclass
class Trigger:
    element: object

    @cached_property
    def id(self) -> str | None:
        return valid_id(self.element.get("id"))

    @property
    def label(self) -> str:
        return label("Trigger", self.element)

    @cached_property
    def on_element(self):
        return child(self.element, "On")

    @cached_property
    def on(self) -> str | None:
        return enum_of(self.on_element, TRIGGER_ON)

    @property
    def on_id_raw(self) -> str | None:
        return self.on_element.get("id") if self.on_element is not None else None

    @cached_property
    def on_each(self) -> bool:
        return (self.on_id_raw or "").strip().lower() == "each"

    @cached_property
    def on_id(self) -> str | None:
        """The id the trigger is on (canonical), None for 'each' or no readable id."""
        return dotnet_uint(self.on_id_raw)

    @cached_property
    def time_element(self):
        return child(self.element, "Time")

    @cached_property
    def time(self) -> str | None:
        return enum_of(self.time_element, TRIGGER_TIME)

    @cached_property
    def type_element(self):
        return child(self.element, "Type")

    @cached_property
    def type(self) -> str | None:
        return enum_of(self.type_element, TRIGGER_TYPE)

    @cached_property
    def content_ids(self) -> list:
        """The `Content/Id` elements."""
        return children(child(self.element, "Content"), "Id")

    @property
    def condition(self):
        return child(self.element, "Condition")

    def fires_on(self, on: str, item_id: str, times) -> bool:
        """Whether this trigger goes off for item `item_id` of kind `on` at one of `times`."""
        return self.on == on and self.time in times and (self.on_each or self.on_id == item_id)


@dataclass
class Action:
    element: object

    @cached_property
    def id(self) -> str | None:
        return valid_id(self.element.get("id"))

    @property
    def label(self) -> str:
        return label("Action", self.element)

    @cached_property
    def on_element(self):
        return child(self.element, "On")

    @cached_property
    def on(self) -> str | None:
        return enum_of(self.on_element, ACTION_ON)

    @property
    def on_id_raw(self) -> str | None:
        return self.on_element.get("id") if self.on_element is not None else None

    @cached_property
    def on_ids(self) -> list[str]:
        """The ids of `On@id` that read as numbers (canonical)."""
        return split_ids(self.on_id_raw)

    @cached_property
    def type_element(self):
        return child(self.element, "Type")

    @cached_property
    def type(self) -> str | None:
        return enum_of(self.type_element, ACTION_TYPE)

    @property
    def condition(self):
        return child(self.element, "Condition")

    def aggregate_targets(self) -> list[str]:
        """The parameters an `aggregate` action writes: Type@options `defaultValue:pid,..`,
        `return:a,b,..` and the pids of `groupby:idx:pid,..` (or one pid as the whole options)."""
        options = (self.type_element.get("options") if self.type_element is not None else None) or ""
        whole = dotnet_uint(options) if options.strip() and ":" not in options else None
        if whole is not None:
            return [whole]
        defaults, returns, groups = [], [], []
        for option in options.split(";"):
            name, _, value = option.partition(":")
            name = name.strip().lower()
            if name == "defaultvalue":
                parts = value.split(",")
                if len(parts) == 2 and ":" not in value and dotnet_uint(parts[0]) is not None:
                    defaults.append(dotnet_uint(parts[0]))
            elif name == "return" and ":" not in value:
                returns.extend(pid for pid in (dotnet_uint(part) for part in value.split(",")[:4]) if pid)
            elif name == "groupby":
                for part in value.split(","):
                    pieces = part.split(":")
                    if len(pieces) == 2 and dotnet_uint(pieces[1]) is not None:
                        groups.append(dotnet_uint(pieces[1]))
        return defaults + returns + groups


# -- timers -----------------------------------------------------------------------------

@dataclass
class TimerOption:
    """One option of `Timer@options` (`ip:1000,2`): its name as written, and what follows ':'."""

    text: str
    name: str  # canonical name ('ip', 'threadPool', ...) or the text of an unknown option
    value: str  # after the first ':' ('' when there is none)

    @property
    def parts(self) -> list[str]:
        return self.value.split(",")


TIMER_OPTIONS = {name.upper(): name for name in (
    "each", "dynamicThreadPool", "ignoreIf", "instance", "ip", "ping", "pollingRate", "qaction", "qactionAfter",
    "qactionBefore", "threadPool")}
PING_OPTIONS = {name.upper(): name for name in (
    "rttColumn", "timeoutPid", "ttl", "timeout", "timestampColumn", "type", "size", "continueSnmpOnTimeout",
    "jitterColumn", "latencyColumn", "packetLossRateColumn", "amountPacketsMeasurements",
    "amountPacketsMeasurementsPid", "amountPackets", "amountPacketsPid", "excludeWorstResults",
    "excludeWorstResultsPid")}


@dataclass
class TimerOptions:
    """`Timer@options`: options separated by ';', each `name:value` (names without case)."""

    raw: str
    options: dict[str, TimerOption] = field(default_factory=dict)  # the last of each known option
    unknown: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, raw: str) -> "TimerOptions":
        found = cls(raw)
        counts: dict[str, int] = {}
        for text in raw.split(";"):
            if not text:
                continue
            name, _, value = text.partition(":")
            known = TIMER_OPTIONS.get(name.upper())
            if known is None:
                if text.lower() not in (item.lower() for item in found.unknown):
                    found.unknown.append(text)
                continue
            counts[known] = counts.get(known, 0) + 1
            found.options[known] = TimerOption(text, known, value)
        found.duplicates = [name for name, count in counts.items() if count > 1]
        return found

    def get(self, name: str) -> TimerOption | None:
        return self.options.get(name)

    @property
    def multithreaded(self) -> bool:
        """A timer with `each`, `threadPool` or `ip` runs its groups per table row, in threads."""
        return any(name in self.options for name in ("each", "threadPool", "ip"))


@dataclass
class Timer:
    element: object

    @cached_property
    def id(self) -> str | None:
        return valid_id(self.element.get("id"))

    @property
    def label(self) -> str:
        return label("Timer", self.element)

    @cached_property
    def options(self) -> TimerOptions | None:
        raw = self.element.get("options")
        return None if raw is None else TimerOptions.read(raw)

    @property
    def multithreaded(self) -> bool:
        return self.options is not None and self.options.multithreaded

    @cached_property
    def content_groups(self) -> list:
        """The `Content/Group` elements."""
        return children(child(self.element, "Content"), "Group")

    @property
    def condition(self):
        return child(self.element, "Condition")

    @cached_property
    def ip_table(self) -> str | None:
        """The table of the `ip:` option (canonical id), when it reads as a number."""
        option = self.options.get("ip") if self.options is not None else None
        return dotnet_uint(option.parts[0]) if option is not None and option.value else None


# -- what triggers name -------------------------------------------------------------------

# What a trigger's On@id names, by the trigger's On (a section kind, or 'param').
TRIGGER_ON_TARGETS = {"command": "command", "group": "group", "pair": "pair", "parameter": "param",
                      "response": "response", "session": "session", "timer": "timer"}


def item_exists(model, target: str, raw: str | None) -> bool:
    """Whether a parameter ('param') or an item of a section has the id `raw` reads as."""
    if target == "param":
        return model.param(dotnet_uint(raw)) is not None
    return model.section(target).get(dotnet_uint(raw)) is not None


def section_has_items(model, target: str) -> bool:
    if target == "param":
        return bool(model.all_params)
    return bool(model.section(target).items)


def is_general_param(digits: str | None) -> bool:
    from dmlint.model.conditions import GENERAL_PARAMS

    return digits is not None and len(digits) <= 6 and int(digits) in GENERAL_PARAMS


def trigger_on_issue(model, trigger: Trigger) -> tuple[str, str] | None:
    """What is wrong with a trigger's `On@id`, as (kind, value), or None. Kinds: excessive (an id
    on a trigger on communication or protocol), missing, empty, leading-zeros, multiple,
    invalid, unresolved (names nothing; 'each' when there is nothing of that kind at all),
    untrimmed. One per trigger, the first that applies; nothing when On itself is unreadable."""
    on = trigger.on
    if on is None:
        return None
    raw = trigger.on_id_raw
    if on in ("communication", "protocol"):
        return ("excessive", raw.strip()) if raw is not None and raw.strip() else None
    if raw is None:
        return "missing", ""
    value = raw.strip()
    if not value:
        return "empty", ""
    if value != "0" and value.startswith("0"):
        return "leading-zeros", value
    if ";" in value:
        return "multiple", value
    target = TRIGGER_ON_TARGETS[on]
    if value.lower() == "each":
        return None if section_has_items(model, target) else ("unresolved", value)
    digits = dotnet_uint(value)
    if digits is None:
        return "invalid", value
    if not item_exists(model, target, digits) and not (target == "param" and is_general_param(digits)):
        return "unresolved", value
    if value != raw:
        return "untrimmed", raw
    return None


def trigger_content_issues(model, trigger: Trigger) -> list[tuple[object, str, str]]:
    """What is wrong with a trigger's `Content/Id` elements: (element, kind, target) with kind
    missing (no Content/Id at all; element is the trigger), empty, invalid (not a plain number),
    unresolved (no such action or trigger, by the trigger's Type), untrimmed."""
    items = trigger.content_ids
    if not items:
        return [(trigger.element, "missing", "")]
    found = []
    target = {"trigger": "trigger", "action": "action"}.get(trigger.type or "")
    for item in items:
        problem = id_problem(item.text if item.text is not None else "")
        if problem in ("empty", "missing"):
            found.append((item, "empty", ""))
        elif problem == "invalid":
            found.append((item, "invalid", ""))
        elif target is not None and not item_exists(model, target, item.text):
            found.append((item, "unresolved", target))
        elif problem == "untrimmed":
            found.append((item, "untrimmed", ""))
    return found


# -- what actions name ----------------------------------------------------------------------

# The action types DataMiner can run on each kind of item (Action/On).
ACTION_TYPES_BY_ON = {
    "command": ("crc", "length", "make", "replace", "replace data", "stuffing"),
    "group": ("add to execute", "execute", "execute next", "execute one", "execute one top", "execute one now",
              "force execute", "set", "set with wait"),
    "pair": ("set next", "timeout"),
    "parameter": ("aggregate", "append", "append data", "change length", "clear", "clear on display", "copy",
                  "copy reverse", "go", "increment", "multiply", "normalize", "pow", "read", "replace data",
                  "reverse", "run actions", "save", "set", "set and get with wait", "set info", "set with wait"),
    "protocol": ("close", "lock", "unlock", "merge", "open", "priority lock", "priority unlock", "read file",
                 "sleep", "stop current group", "swap column", "wmi"),
    "response": ("clear", "clear length info", "crc", "length", "read", "read stuffing", "replace", "replace data",
                 "stuffing"),
    "timer": ("reschedule", "start", "stop", "restart timer"),
}
# What an action's On@id names, by the action's On.
ACTION_ON_TARGETS = {"command": "command", "group": "group", "pair": "pair", "parameter": "param",
                     "response": "response", "timer": "timer"}


@dataclass
class ActionOnIssues:
    """What is wrong with an action's `On@id` (all parts of it)."""

    empty: bool = False
    invalid: list[str] = field(default_factory=list)  # parts as written that are no plain number
    unresolved: list[str] = field(default_factory=list)  # parts naming nothing
    untrimmed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.empty or self.invalid or self.unresolved or self.untrimmed)


def action_on_issues(model, action: Action) -> ActionOnIssues:
    """`On@id` of an action: each ';' part must be a plain unsigned number naming an item of
    the action's On (command, group, pair, parameter, response, timer)."""
    issues = ActionOnIssues()
    raw = action.on_id_raw
    if raw is None:
        return issues
    if not raw.strip():
        issues.empty = True
        return issues
    target = ACTION_ON_TARGETS.get(action.on or "")
    for part in raw.split(";"):
        value = part.strip()
        if dotnet_uint(value) is None or value.startswith("+") or (value != "0" and value.startswith("0")):
            issues.invalid.append(part)
            continue
        if target is not None and not item_exists(model, target, value):
            issues.unresolved.append(part)
            continue
        if part != value:
            issues.untrimmed.append(part)
    return issues


def tag_problem(element, values) -> str | None:
    """missing | empty | invalid | untrimmed | None for an enumeration tag (Action/On, Action/Type)."""
    if element is None:
        return "missing"
    raw = element.text or ""
    if not raw.strip():
        return "empty"
    if enum_value(raw, values) is None:
        return "invalid"
    if raw != raw.strip():
        return "untrimmed"
    return None


def triggers_running(model) -> dict[str, list[Trigger]]:
    """Action id -> the triggers (Type action) whose Content/Id names it, in document order."""
    found: dict[str, list[Trigger]] = {}
    for trigger in model.triggers:
        if trigger.id is None or trigger.type != "action":
            continue
        for item in trigger.content_ids:
            action_id = dotnet_uint(item.text)
            if action_id is not None:
                found.setdefault(action_id, []).append(trigger)
    return found


def qaction_triggers(qaction) -> list[str]:
    """The parameters a QAction runs on (canonical ids of QAction@triggers), [] with options="group"."""
    options = [option.strip().lower() for option in (qaction.get("options") or "").split(";")]
    if "group" in options:
        return []
    return [pid for pid in (dotnet_uint(part) for part in (qaction.get("triggers") or "").split(";") if part.strip())
            if pid is not None]


def qaction_trigger_params(model) -> set[str]:
    found: set[str] = set()
    for qaction in model.section("qaction").items:
        if valid_id(qaction.get("id")) is not None:
            found.update(qaction_triggers(qaction))
    return found


# -- timers: what their options and content name --------------------------------------------

MAX_TIMER_TIME = 2073600000  # about 24 days, in ms


def column_idxs(model, table_pid: str | None) -> set[int] | None:
    """The ArrayOptions/ColumnOption@idx values of a parameter (None when it does not exist)."""
    param = model.param(table_pid) if table_pid is not None else None
    if param is None:
        return None
    found = set()
    for option in children(child(param.element, "ArrayOptions"), "ColumnOption"):
        digits = dotnet_uint(option.get("idx"))
        if digits is not None and len(digits) <= 10:
            found.add(int(digits))
    return found


def timer_time(raw: str | None) -> int | None:
    """A Timer/Time in ms as DataMiner reads it (any number notation that is a whole unsigned
    32-bit value), None when it is none."""
    import re

    if raw is None:
        return None
    digits = dotnet_uint(raw)
    if digits is not None:
        return int(digits)
    value = raw.strip().replace(",", "")
    if not re.fullmatch(r"\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", value):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    if not 0 <= number <= UINT32_MAX or not number.is_integer():  # also inf from a huge value
        return None
    return int(number)


@dataclass(frozen=True)
class OptionProblem:
    """One problem of a timer's options (an official sub-result of 7.3.5): its official code and
    what it says."""

    code: str
    message: str


def timer_option_problems(model, timer: Timer) -> list[OptionProblem]:
    """Everything wrong with `Timer@options`, in the order DataMiner's options are read. A
    timer with options is multi-threaded: every option needs `ip`, `each` and `threadPool`."""
    options = timer.options
    if options is None:
        return []
    problems: list[OptionProblem] = []
    add = problems.append
    for text in options.unknown:
        add(OptionProblem("7.3.22", f"'{text}' is no timer option"))
    for name in options.duplicates:
        add(OptionProblem("7.3.23", f"option '{name}' is given more than once"))
    needing: dict[str, list[str]] = {"ip": [], "threadPool": [], "each": []}

    def present(name: str) -> TimerOption | None:
        option = options.get(name)
        if option is None or name in options.duplicates:
            return None
        for needed in needing:
            if options.get(needed) is None:
                needing[needed].append(name)
        return option

    def number(value: str | None) -> int | None:
        digits = dotnet_uint(value)
        return int(digits) if digits is not None and len(digits) <= 10 else None

    def param_exists(value: str) -> bool:
        return model.param(dotnet_uint(value)) is not None

    option = present("each")
    if option is not None and (not option.value.strip() or number(option.value) is None):
        add(OptionProblem("7.3.8", f"'{option.text}' gives no period (each:<ms>)"))

    option = present("dynamicThreadPool")
    if option is not None:
        if not option.value.strip() or number(option.value) is None:
            add(OptionProblem("7.3.9", f"'{option.text}' gives no parameter (dynamicThreadPool:<pid>)"))
        elif not param_exists(option.value):
            add(OptionProblem("7.3.19", f"'{option.text}' names Param {dotnet_uint(option.value)}, which does not "
                                        f"exist"))

    ip_table = None
    option = present("ip")
    if option is not None:
        if not option.value.strip():
            add(OptionProblem("7.3.11", f"'{option.text}' names no table (ip:<tablePid>,<columnIdx>)"))
        else:
            parts = option.parts
            found = []
            table = dotnet_uint(parts[0])
            if table is None:
                found.append(f"'{parts[0]}' is no table id")
            elif not param_exists(parts[0]):
                found.append(f"Param {table} does not exist")
            else:
                ip_table = table
                if table not in model.tables:
                    found.append(f"Param {table} is not a table (type array)")
            if len(parts) < 2:
                found.append("the column idx of the IP address is missing")
            elif number(parts[1]) is None:
                found.append(f"'{parts[1]}' is no column idx")
            elif ip_table is not None and number(parts[1]) not in column_idxs(model, ip_table):
                found.append(f"table {ip_table} has no column with idx {number(parts[1])}")
            if found:
                add(OptionProblem("7.3.11", f"'{option.text}': " + "; ".join(found)))

    option = present("ignoreIf")
    if option is not None:
        if not option.value.strip():
            add(OptionProblem("7.3.7", f"'{option.text}' gives no column and value (ignoreIf:<columnIdx>,<value>)"))
        else:
            parts = option.parts
            found = []
            if number(parts[0]) is None:
                found.append(f"'{parts[0]}' is no column idx")
            elif number(parts[0]) not in (column_idxs(model, ip_table) or set()):
                found.append(f"the ip table {ip_table or '(none)'} has no column with idx {number(parts[0])}")
            if len(parts) < 2:
                found.append("the value is missing")
            if found:
                add(OptionProblem("7.3.7", f"'{option.text}': " + "; ".join(found)))

    option = present("ping")
    if option is not None:
        if not option.value.strip():
            add(OptionProblem("7.3.21", f"'{option.text}' has no settings"))
        else:
            found = _ping_problems(model, option.value, ip_table)
            if found:
                add(OptionProblem("7.3.21", f"'{option.text}': " + "; ".join(found)))

    option = present("instance")
    if option is not None:
        if not option.value.strip():
            add(OptionProblem("7.3.10", f"'{option.text}' names no table (instance:<tablePid>,<columnIdx>)"))
        else:
            parts = option.parts
            found = []
            table = dotnet_uint(parts[0])
            known = None
            if table is None:
                found.append(f"'{parts[0]}' is no table id")
            elif not param_exists(parts[0]):
                found.append(f"Param {table} does not exist")
            else:
                known = table
                if table not in model.tables:
                    found.append(f"Param {table} is not a table (type array)")
            if len(parts) < 2:
                found.append("the column idx of the instance is missing")
            elif number(parts[1]) is None:
                found.append(f"'{parts[1]}' is no column idx")
            elif known is not None and number(parts[1]) not in column_idxs(model, known):
                found.append(f"table {known} has no column with idx {number(parts[1])}")
            if found:
                add(OptionProblem("7.3.10", f"'{option.text}': " + "; ".join(found)))

    option = present("pollingRate")
    if option is not None:
        if not option.value:
            add(OptionProblem("7.3.12", f"'{option.text}' gives no rate (pollingRate:<interval>,<maxCount>,"
                                        f"<releaseCount>)"))
        else:
            parts = option.parts
            found = []
            for position, name in enumerate(("interval", "maxCount", "releaseCount")):
                if position >= len(parts):
                    found.append(f"<{name}> is missing")
                elif number(parts[position]) is None:
                    found.append(f"<{name}> '{parts[position]}' is no unsigned number")
            if found:
                add(OptionProblem("7.3.12", f"'{option.text}': " + "; ".join(found)))

    qactions = model.section("qaction")
    for name, code in (("qaction", "7.3.13"), ("qactionBefore", "7.3.14"), ("qactionAfter", "7.3.15")):
        option = present(name)
        if option is None:
            continue
        if name == "qaction":
            add(OptionProblem("7.3.28", "option 'qaction' is obsolete: use qactionBefore or qactionAfter"))
        if not option.value.strip() or number(option.value) is None:
            add(OptionProblem(code, f"'{option.text}' names no QAction ({name}:<id>)"))
        elif qactions.get(option.value) is None:
            add(OptionProblem("7.3.2", f"'{option.text}' names QAction {dotnet_uint(option.value)}, which does not "
                                       f"exist"))

    option = present("threadPool")
    if option is not None:
        if not option.value.strip():
            add(OptionProblem("7.3.16", f"'{option.text}' gives no size (threadPool:<size>,...)"))
        else:
            found = _thread_pool_problems(model, option.parts)
            if found:
                add(OptionProblem("7.3.16", f"'{option.text}': " + "; ".join(found)))

    for needed, code in (("ip", "7.3.6"), ("each", "7.3.17"), ("threadPool", "7.3.18")):
        if needing[needed]:
            names = "', '".join(needing[needed])
            add(OptionProblem(code, f"option '{names}' needs option '{needed}' (a multi-threaded timer needs ip, "
                                    f"each and threadPool)"))
    return problems


_PING_NUMBERS = {"ttl": None, "timeout": None, "size": None, "amountPackets": None,
                 "amountPacketsMeasurements": None, "excludeWorstResults": (0, 100)}
_PING_PIDS = ("timeoutPid", "amountPacketsPid", "amountPacketsMeasurementsPid", "excludeWorstResultsPid")
_PING_COLUMNS = ("rttColumn", "timestampColumn", "jitterColumn", "latencyColumn", "packetLossRateColumn")
_PING_CHOICES = {"type": ("ICMP", "WINSOCK"), "continueSnmpOnTimeout": ("TRUE", "FALSE")}


def _ping_problems(model, value: str, ip_table: str | None) -> list[str]:
    found: list[str] = []
    settings: dict[str, str] = {}
    counts: dict[str, int] = {}
    unknown: list[str] = []
    for text in value.split(","):
        parts = text.split("=")
        name = PING_OPTIONS.get(parts[0].upper()) if len(parts) > 1 else None
        if name is None:
            if text.lower() not in (item.lower() for item in unknown):
                unknown.append(text)
            continue
        counts[name] = counts.get(name, 0) + 1
        settings[name] = parts[1]
    found.extend(f"'{text}' is no ping setting" for text in unknown)
    duplicates = [name for name, count in counts.items() if count > 1]
    found.extend(f"ping setting '{name}' is given more than once" for name in duplicates)
    columns = column_idxs(model, ip_table) if ip_table is not None else None
    for name, setting in settings.items():
        if name in duplicates:
            continue
        digits = dotnet_uint(setting)
        if name in _PING_COLUMNS:
            if digits is None:
                found.append(f"{name} '{setting}' is no column position")
            elif columns is not None and int(digits) - 1 not in columns:
                found.append(f"{name} {digits}: table {ip_table} has no column at position {digits} (idx "
                             f"{int(digits) - 1})")
        elif name in _PING_PIDS:
            if name == "timeoutPid":
                found.append("ping setting 'timeoutPid' is obsolete: use timeout")
            if digits is None:
                found.append(f"{name} '{setting}' is no parameter id")
            elif model.param(digits) is None:
                found.append(f"{name} {digits}: Param {digits} does not exist")
        elif name in _PING_NUMBERS:
            bounds = _PING_NUMBERS[name]
            if digits is None or (bounds is not None and not bounds[0] <= int(digits) <= bounds[1]):
                found.append(f"{name} '{setting}' is no " + (f"number from {bounds[0]} to {bounds[1]}" if bounds
                                                               else "unsigned number"))
        elif name in _PING_CHOICES:
            if setting.upper() not in _PING_CHOICES[name]:
                found.append(f"{name} '{setting}' is none of {', '.join(_PING_CHOICES[name]).lower()}")
    return found


def _thread_pool_problems(model, parts: list[str]) -> list[str]:
    found: list[str] = []
    names = ("size", "calculationInterval", "usagePid", "waitingPid", "maxDurationPid", "avgDurationPid",
             "counterPid", "queueSize")
    given = dict(zip(names, parts, strict=False))
    if dotnet_uint(given["size"]) is None:
        found.append(f"<size> '{given['size']}' is no unsigned number")
    statistics = any(name in given for name in names[2:7])
    for name in names[2:7]:
        if name not in given or given[name] == "-1":
            continue
        digits = dotnet_uint(given[name])
        if digits is None:
            found.append(f"<{name}> '{given[name]}' is no parameter id")
        elif model.param(digits) is None:
            found.append(f"<{name}> {digits}: Param {digits} does not exist")
    for name, exception in (("calculationInterval", "-1" if statistics else None), ("queueSize", None)):
        if name in given and dotnet_uint(given[name]) is None and given[name] != exception:
            found.append(f"<{name}> '{given[name]}' is no unsigned number")
    return found


def timer_calculation_interval(timer: Timer) -> str | None:
    """The calculation interval of a timer's threadPool option, when one is given as a number."""
    options = timer.options
    option = options.get("threadPool") if options is not None else None
    if option is None or option.name in options.duplicates or not option.value.strip():
        return None
    parts = option.parts
    return dotnet_uint(parts[1]) if len(parts) > 1 else None


_COLUMN_GROUP = __import__("re").compile(r"^col:([0-9]+):([0-9]+)$", __import__("re").IGNORECASE)


def timer_group_issues(model, timer: Timer) -> tuple[list, tuple | None]:
    """([(element, kind, detail)], last) for a timer's Content/Group elements: kind empty,
    invalid (detail says why) or unresolved (detail: the id); `last` is (element, group type)
    when the timer polls and its last group is of type action or trigger."""
    groups = model.section("group")
    found = []
    polls = False
    last = None
    for entry in timer.content_groups:
        raw = entry.text or ""
        if not raw.strip():
            found.append((entry, "empty", ""))
            continue
        digits = dotnet_uint(raw)
        if digits is not None:
            group = groups.get(digits)
            if group is None:
                found.append((entry, "unresolved", digits))
            kind = enum_value(text_of(child(group, "Type")), GROUP_TYPE) if group is not None else None
            kind = kind or "poll"
            last = (entry, kind)
            polls = polls or kind in ("poll", "poll action", "poll trigger")
            continue
        match = _COLUMN_GROUP.match(raw.strip())
        if match is None:
            found.append((entry, "invalid", "neither a group id nor col:<columnIdx>:<groupId>"))
            continue
        table = timer.ip_table
        columns = column_idxs(model, table) if table is not None else None
        if columns is None:
            found.append((entry, "invalid", "col: needs a multi-threaded timer whose ip option names an existing "
                                            "table"))
            continue
        problems = []
        if int(match.group(1)) not in columns:
            problems.append(f"table {table} has no column with idx {int(match.group(1))}")
        if groups.get(match.group(2)) is None:
            problems.append(f"Group {dotnet_uint(match.group(2))} does not exist")
        if problems:
            found.append((entry, "invalid", "; ".join(problems)))
    if polls and last is not None and last[1] in ("action", "trigger"):
        return found, last
    return found, None
