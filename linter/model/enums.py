"""The fixed vocabularies of the protocol schema that the parameter checks compare against
(values are compared exactly, after trimming, as the official model reads them)."""

from __future__ import annotations

MEASUREMENT_TYPES = frozenset((
    "analog", "button", "chart", "digital threshold", "discreet", "matrix", "number", "pagebutton", "progress",
    "string", "table", "title", "togglebutton",
))
INTERPRETE_RAW_TYPES = frozenset((
    "bcd", "double", "numeric text", "only others", "other", "signed number", "text", "unsigned number",
))
INTERPRETE_TYPES = frozenset(("double", "high nibble", "string"))
LENGTH_TYPES = frozenset(("fixed", "last next param", "next param", "other param"))
DISPLAY_TYPES = frozenset(("element manager", "spectrum analyzer"))

# Pairs of discreet values where reading one tells the other: a write parameter with exactly
# these two values is better shown as a toggle button (compared without regard to case or order).
OBVIOUS_PAIRS = frozenset(frozenset((a.lower(), b.lower())) for a, b in (
    ("Disabled", "Enabled"), ("On", "Off"), ("Yes", "No"), ("Enable", "Disable"), ("False", "True"),
    ("0 deg", "180 deg"), ("Masked", "Unmasked"), ("Up", "Down"), ("Manual", "Auto"), ("Active", "Not Active"),
    ("Processing Ch 1", "Processing Ch 2"), ("Manual", "Automatic"), ("Not Monitored", "Monitored"),
    ("Open", "Closed"), ("Locked", "Unlocked"), ("Inactive", "Active"), ("Rail 1", "Rail 2"), ("Low", "High"),
    ("Drop", "Pass"), ("Output", "Input"), ("Mono", "Stereo"), ("High (-)", "Low (+)"), ("Blocked", "Not Blocked"),
    ("Trap Disabled", "Trap Enabled"), ("Email Disabled", "Email Enabled"), ("Manual", "DHCP"),
    ("Internal", "External"), ("Accepted", "Not Accepted"), ("Link A", "Link B"), ("Input 1", "Input 2"),
    ("Local", "Remote"), ("Alarm Disabled", "Alarm Enabled"), ("Operational", "Suspended"), ("Mute", "Unmute"),
    ("Unbalanced", "Balanced"), ("A", "B"), ("Position A", "Position B"),
    ("Processing Channel 1", "Processing Channel 2"), ("Stop", "Start"), ("Top", "Bottom"), ("Slow", "Fast"),
    ("Lock", "UnLock"), ("Horizontal", "Vertical"), ("Position 1", "Position 2"), ("Include", "Exclude"),
    ("Overwrite", "Append"), ("Close", "Open"), ("DVB-S", "DVB-S2"), ("Present", "Absent"),
    ("Celsius", "Fahrenheit"), ("Master", "Slave"), ("Input A", "Input B"), ("Activate", "Deactivate"),
    ("Started", "Stopped"), ("Stop", "Play"), ("Primary", "Secondary"), ("Input2", "Input1"), ("No Latch", "Latch"),
    ("No Polling", "Polling"), ("MAIN", "BACKUP"), ("Tracking", "No Tracking"), ("Active", "Standby"),
    ("Not Present", "Present"), ("Show", "Hide"), ("Analog", "Digital"), ("OFFLINE", "ONLINE"), ("IPv4", "IPv6"),
    ("Alarm", "OK"), ("Opened", "Closed"),
))

# Button captions that announce an action operators should confirm (compared as parts of the
# caption, without regard to case).
CRITICAL_ACTIONS = ("reboot", "restart", "remove", "delete", "update", "upgrade", "shutdown", "shut-down", "shut down",
                    "stop", "start", "activate")


def is_critical_caption(caption: str | None) -> bool:
    lowered = (caption or "").lower()
    return caption is not None and any(action in lowered for action in CRITICAL_ACTIONS)
