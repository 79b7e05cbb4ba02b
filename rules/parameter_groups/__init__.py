"""PGRP: the DCF parameter groups (Protocol/ParameterGroups)."""
