"""What dmlint knows of .NET and DataMiner types without their assemblies.

Only what the checks need: the C# predefined types, the few library types whose names,
members and values the checks look at, and the values of DataMiner's `NotifyType`
enumeration (the notify calls are told apart by that number). A name that is not here
is unknown, and what depends on it is not resolved (never a finding).
"""

from __future__ import annotations

# C# keyword -> (.NET type, the official analysis' value type name)
PREDEFINED = {
    "bool": "System.Boolean", "byte": "System.Byte", "sbyte": "System.SByte", "char": "System.Char",
    "short": "System.Int16", "ushort": "System.UInt16", "int": "System.Int32", "uint": "System.UInt32",
    "long": "System.Int64", "ulong": "System.UInt64", "float": "System.Single", "double": "System.Double",
    "decimal": "System.Decimal", "string": "System.String", "object": "System.Object", "void": "System.Void",
}
# .NET type -> value kind (the keyword); types with no kind are 'unknown' values.
KIND_OF_TYPE = {dotnet: keyword for keyword, dotnet in PREDEFINED.items() if keyword not in ("void",)}
KIND_OF_TYPE["System.DateTime"] = "DateTime"

# Library types the checks name, by simple name: the namespace that declares them.
KNOWN_TYPES = {
    "SLProtocol": "Skyline.DataMiner.Scripting",
    "SLProtocolExt": "Skyline.DataMiner.Scripting",
    "NotifyType": "Skyline.DataMiner.Net.Messages",
    "Thread": "System.Threading",
    "CultureInfo": "System.Globalization",
    "XmlSerializer": "System.Xml.Serialization",
    "XmlTypeMapping": "System.Xml.Serialization",
    "XmlRootAttribute": "System.Xml.Serialization",
    "XmlAttributeOverrides": "System.Xml.Serialization",
    "SoapAttributeOverrides": "System.Xml.Serialization",
    "Evidence": "System.Security.Policy",
    "DateTime": "System", "TimeSpan": "System", "Type": "System", "String": "System", "Object": "System",
    "ValueType": "System", "Convert": "System", "Boolean": "System", "Byte": "System", "SByte": "System",
    "Int16": "System", "UInt16": "System", "Int32": "System", "UInt32": "System", "Int64": "System",
    "UInt64": "System", "Single": "System", "Double": "System", "Decimal": "System", "Char": "System",
    "Math": "System", "Guid": "System",
}

# Static members of library types whose type the checks need: (type, member) -> type.
STATIC_MEMBER_TYPES = {
    ("System.Threading.Thread", "CurrentThread"): "System.Threading.Thread",
    ("System.DateTime", "Now"): "System.DateTime",
    ("System.DateTime", "UtcNow"): "System.DateTime",
    ("System.DateTime", "Today"): "System.DateTime",
    ("System.DateTime", "MinValue"): "System.DateTime",
    ("System.DateTime", "MaxValue"): "System.DateTime",
    ("System.Globalization.CultureInfo", "CurrentCulture"): "System.Globalization.CultureInfo",
    ("System.Globalization.CultureInfo", "InvariantCulture"): "System.Globalization.CultureInfo",
    ("System.Globalization.CultureInfo", "CurrentUICulture"): "System.Globalization.CultureInfo",
    ("System.Globalization.CultureInfo", "DefaultThreadCurrentCulture"): "System.Globalization.CultureInfo",
    ("System.Globalization.CultureInfo", "DefaultThreadCurrentUICulture"): "System.Globalization.CultureInfo",
    ("System.String", "Empty"): "System.String",
}
# Instance members of library types: (type, member) -> type.
INSTANCE_MEMBER_TYPES = {
    ("System.Threading.Thread", "CurrentCulture"): "System.Globalization.CultureInfo",
    ("System.Threading.Thread", "CurrentUICulture"): "System.Globalization.CultureInfo",
    ("System.DateTime", "Date"): "System.DateTime",
}
# Static methods whose result type the checks need: (type, method) -> type.
STATIC_METHOD_TYPES = {
    ("System.Type", "GetType"): "System.Type",
    ("System.DateTime", "Parse"): "System.DateTime",
    ("System.DateTime", "ParseExact"): "System.DateTime",
    ("System.DateTime", "FromOADate"): "System.DateTime",
    ("System.DateTime", "SpecifyKind"): "System.DateTime",
    ("System.String", "Format"): "System.String",
    ("System.String", "Concat"): "System.String",
    ("System.String", "Join"): "System.String",
    ("System.Convert", "ToString"): "System.String",
    ("System.Convert", "ToDateTime"): "System.DateTime",
}
# Instance methods (any receiver) whose result type is known.
INSTANCE_METHOD_TYPES = {"GetType": "System.Type", "ToString": "System.String"}
# Instance methods of DateTime that return a DateTime.
DATETIME_METHODS = frozenset({"AddDays", "AddHours", "AddMinutes", "AddSeconds", "AddMilliseconds", "AddMonths",
                              "AddYears", "AddTicks", "Add", "ToUniversalTime", "ToLocalTime"})

# Skyline.DataMiner.Net.Messages.NotifyType: the members of the notify types the checks know,
# in both spellings found in protocols (PascalCase and the NT_ constant names). A member not
# listed here is not resolved (never a finding).
_NOTIFY_TYPES = {
    14: ("TrendingAssignTemplate", "TrendingAssigneTemplate", "NT_TRENDING_ASSIGN_TEMPLATE"),
    48: ("GetAlarmInfo", "NT_GET_ALARM_INFO"),
    60: ("GetData", "NT_GET_DATA"),
    62: ("EditProperty", "NT_EDIT_PROPERTY"),
    69: ("GetValue", "NT_GET_VALUE"),
    73: ("GetParameter", "NT_GET_PARAMETER"),
    76: ("AssignSimulation", "NT_ASSIGN_SIMULATION"),
    77: ("GetDescription", "NT_GET_DESCRIPTION"),
    84: ("SetParameterByName", "NT_SET_PARAMETER_BY_NAME"),
    85: ("GetParameterByName", "NT_GET_PARAMETER_BY_NAME"),
    86: ("SetParameterByData", "NT_SET_PARAMETER_BY_DATA"),
    87: ("GetParameterByData", "NT_GET_PARAMETER_BY_DATA"),
    88: ("GetItemData", "NT_GET_ITEM_DATA"),
    89: ("SetItemData", "NT_SET_ITEM_DATA"),
    115: ("SetElementState", "NT_SET_ELEMENT_STATE"),
    116: ("SetAlarmState", "NT_SET_ALARM_STATE"),
    117: ("AssignAlarmTemplate", "NT_ASSIGN_ALARM_TEMPLATE"),
    122: ("GetParameterIndex", "NT_GET_PARAMETER_INDEX"),
    123: ("NotifyDisplay", "NT_NOTIFY_DISPLAY"),
    127: ("UpdateDescriptionXml", "NT_UPDATE_DESCRIPTION_XML"),
    128: ("UpdatePortsXml", "NT_UPDATE_PORTS_XML"),
    131: ("SetDescription", "NT_SET_DESCRIPTION"),
    134: ("CheckTrigger", "NT_CHECK_TRIGGER"),
    144: ("GetElementName", "NT_GET_ELEMENT_NAME"),
    149: ("AddRow", "NT_ADD_ROW"),
    156: ("DeleteRow", "NT_DELETE_ROW"),
    163: ("GetKeyPosition", "NT_GET_KEY_POSITION"),
    195: ("ArrayRowCount", "NT_ARRAY_ROW_COUNT"),
    215: ("GetRow", "NT_GET_ROW"),
    216: ("GetRemoteTrend", "NT_GET_REMOTE_TREND"),
    220: ("FillArrayWithColumn", "NT_FILL_ARRAY_WITH_COLUMN"),
    221: ("RunAction", "NT_RUN_ACTION"),
    225: ("SetRow", "NT_SET_ROW"),
    232: ("ServiceSetVdx", "NT_SERVICE_SET_VDX"),
    256: ("SetParameterWithHistory", "NT_SET_PARAMETER_WITH_HISTORY"),
    260: ("GetRemoteTrendAvg", "NT_GET_REMOTE_TREND_AVG"),
    292: ("SnmpSet", "NT_SNMP_SET"),
    295: ("SnmpGet", "NT_SNMP_GET"),
}
NOTIFY_TYPE = {name: value for value, names in _NOTIFY_TYPES.items() for name in names}
NOTIFY_TYPE_FQN = "Skyline.DataMiner.Net.Messages.NotifyType"

SLPROTOCOL_TYPES = frozenset({"Skyline.DataMiner.Scripting.SLProtocol", "Skyline.DataMiner.Scripting.SLProtocolExt"})
HELPER_NAMESPACE = "Skyline.DataMiner.Scripting"
