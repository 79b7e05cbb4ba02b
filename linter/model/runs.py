"""What runs around commands, responses and QActions, for the checks of pairs, commands,
responses and QActions: which triggers go off before or after them, the actions those
triggers run, and the QActions timers run directly (`Timer@options` `qaction:`,
`qactionBefore:`, `qactionAfter:`). Built once (`model.runs`) from the flow views of
`flow.py` (`model.triggers`, `model.actions`, `model.timers`).

As the official model reads them: an action is found by the first `Action` with that id, and
a trigger runs the actions its `Content/Id`s name only when its `Type` is `action`.
"""

from __future__ import annotations

from dmlint.model.elements import text_of
from dmlint.model.flow import Action, Trigger, dotnet_uint

# DataMiner adds these general parameters to every element: a protocol may use them (a
# QAction triggered by 65008, the element's alarm state) without defining them.
GENERAL_PARAMS = frozenset(str(pid) for pid in (
    65000, *range(65002, 65010), 65017, *range(65019, 65023), 65026, 65027, *range(65029, 65063), 65064, 65065,
    *range(65067, 65097), *range(65098, 65104), *range(65105, 65115), *range(65118, 65128), 65130,
))

_TIMER_QACTION_OPTIONS = ("qaction", "qactionBefore", "qactionAfter")


class Runs:
    """The triggers and actions around commands and responses, and the QActions timers run
    (`model.runs`)."""

    def __init__(self, model):
        self.triggers: list[Trigger] = model.triggers
        self.actions: dict[str, Action] = {}
        for action in model.actions:
            if action.id is not None:
                self.actions.setdefault(action.id, action)
        self.timer_qactions: set[str] = set()
        for timer in model.timers:
            options = timer.options
            if options is None:
                continue
            for name in _TIMER_QACTION_OPTIONS:
                option = options.get(name)
                qaction = dotnet_uint(option.parts[0]) if option is not None else None
                if qaction is not None:
                    self.timer_qactions.add(qaction)

    def actions_of(self, trigger: Trigger) -> list[Action]:
        """The actions a trigger runs (none unless its Type is `action`)."""
        if trigger.type != "action":
            return []
        found = []
        for item in trigger.content_ids:
            action = self.actions.get(dotnet_uint(text_of(item)))
            if action is not None:
                found.append(action)
        return found

    def triggers_on(self, on: str, time: str) -> list[Trigger]:
        """Every trigger on this kind of item at this time, in document order."""
        return [trigger for trigger in self.triggers if trigger.on == on and trigger.time == time]

    def runs_action(self, trigger: Trigger | None, on: str, action_type: str) -> bool:
        """Whether the trigger runs an action of this type on this kind of item."""
        if trigger is None:
            return False
        return any(action.on == on and action.type == action_type for action in self.actions_of(trigger))
