"""What runs around commands, responses and QActions, for the checks of pairs, commands,
responses and QActions: triggers with their `On`, `Time`, `Type` and content, actions with
their `On` and `Type`, and the QActions that timers run directly (`Timer@options` `qaction:`,
`qactionBefore:`, `qactionAfter:`). Built once from the sections (`model.runs`), by direct
child paths.

Values are read as the official model reads them: texts trimmed and compared in lower case,
ids as unsigned numbers (`item_ids.uint_id`); an action is found by the first `Action` with
that id, and a trigger runs the actions its `Content/Id`s name only when its `Type` is
`action`.
"""

from __future__ import annotations

from dataclasses import dataclass

from dmlint.model.elements import child, children, text_of
from dmlint.model.item_ids import uint_id

# DataMiner adds these general parameters to every element: a protocol may use them (a
# QAction triggered by 65008, the element's alarm state) without defining them.
GENERAL_PARAMS = frozenset(str(pid) for pid in (
    65000, *range(65002, 65010), 65017, *range(65019, 65023), 65026, 65027, *range(65029, 65063), 65064, 65065,
    *range(65067, 65097), *range(65098, 65104), *range(65105, 65115), *range(65118, 65128), 65130,
))

_TIMER_QACTION_OPTIONS = ("qaction", "qactionbefore", "qactionafter")


def _lower(element) -> str | None:
    text = text_of(element)
    return text.lower() if text is not None else None


@dataclass(frozen=True)
class Action:
    element: object
    on: str | None  # 'command', 'response', 'parameter', ... (lower case)
    type: str | None  # 'crc', 'clear', ... (lower case)
    on_ids: tuple[str, ...]  # the ids of On@id, when it names some


@dataclass(frozen=True)
class Trigger:
    element: object
    on: str | None  # 'command', 'response', 'pair', ... (lower case)
    on_id: str | None  # On@id trimmed, as written ('each', '12')
    time: str | None  # 'before', 'after', ... (lower case)
    type: str | None  # 'action' or 'trigger' (lower case)
    content_ids: tuple[str, ...]  # Content/Id values that read as numbers

    @property
    def on_each(self) -> bool:
        return self.on_id is not None and self.on_id.lower() == "each"


class Runs:
    """The model's triggers and actions, and the QActions timers run (`model.runs`)."""

    def __init__(self, model):
        self.triggers: list[Trigger] = []
        for element in model.section("trigger").items:
            on = child(element, "On")
            on_id = on.get("id") if on is not None else None
            content = children(child(element, "Content"), "Id")
            ids = tuple(value for value in (uint_id(text_of(item)) for item in content) if value is not None)
            self.triggers.append(Trigger(element, _lower(on), on_id.strip() if on_id is not None else None,
                                         _lower(child(element, "Time")), _lower(child(element, "Type")), ids))
        self.valid_triggers = [trigger for trigger in self.triggers
                               if trigger.element in model.section("trigger").valid_elements]
        self.actions: dict[str, Action] = {}
        for element, action_id in model.section("action").valid:
            if action_id in self.actions:
                continue
            on = child(element, "On")
            raw_ids = on.get("id") if on is not None else None
            on_ids = tuple(value for value in (uint_id(part) for part in (raw_ids or "").split(";"))
                           if value is not None)
            self.actions[action_id] = Action(element, _lower(on), _lower(child(element, "Type")), on_ids)
        self.timer_qactions: set[str] = set()
        for element in model.section("timer").items:
            for option in (element.get("options") or "").split(";"):
                name, _, value = option.partition(":")
                if name.strip().lower() in _TIMER_QACTION_OPTIONS:
                    qaction = uint_id(value.split(",")[0])
                    if qaction is not None:
                        self.timer_qactions.add(qaction)

    def actions_of(self, trigger: Trigger) -> list[Action]:
        """The actions a trigger runs (none unless its Type is `action`)."""
        if trigger.type != "action":
            return []
        return [self.actions[action_id] for action_id in trigger.content_ids if action_id in self.actions]

    def triggers_on(self, on: str, time: str) -> list[Trigger]:
        """Every trigger on this kind of item at this time, in document order."""
        return [trigger for trigger in self.triggers if trigger.on == on and trigger.time == time]

    def runs_action(self, trigger: Trigger | None, on: str, action_type: str) -> bool:
        """Whether the trigger runs an action of this type on this kind of item."""
        if trigger is None:
            return False
        return any(action.on == on and action.type == action_type for action in self.actions_of(trigger))
