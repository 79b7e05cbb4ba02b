"""COND: the Condition of Actions, Groups, Pairs, QActions, Timers and Triggers, parsed once by the model."""
