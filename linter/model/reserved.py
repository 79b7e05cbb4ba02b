"""Facts about DataMiner itself that the parameter checks need.

`RESERVED_NAMES`: names DataMiner gives its own (internal) parameters and events. A protocol
parameter with one of these names (compared without regard to case), or with a name that
starts with two underscores, collides with them. The list is the one DataMiner's own
validator uses; it names DataMiner's parameters, so it is data about DataMiner, not code.
"""

from __future__ import annotations

RESERVED_NAMES = frozenset(name.lower() for name in (
    "TIMEOUT", "STATE", "New client registered", "New Element connection", "Client disconnected",
    "Element disconnection", "Parameter descriptions", "Link file", "Edited", "Element created", "Deleted",
    "Protocol Edited", "Alarm Template Assigned", "Database optimization", "Database stack", "Mobile gateway",
    "Service path changed", "Startup DataMiner Agent", "Protocol Added", "Protocol Deleted", "Protocol Replaced",
    "Alarm Template Added", "Alarm Template Deleted", "Alarm Template Edited", "Script Added", "Script Deleted",
    "Script Edited", "Information Added", "Information Deleted", "Information Edited", "SMS Received", "SMS Sent",
    "GSM Signal Strength", "GSM General Information", "Trending Template Edited", "Trending Template Added",
    "Trending Template Deleted", "VDX Deleted", "VDX Added", "VDX Edited", "Trending Template Assigned",
    "Element Connections Edited", "Security Edited", "Views Edited", "Database settings edited",
    "SNMP-Managers edited", "Start Element Failed", "Load Element Failed", "Table Repair", "Set Parameter",
    "Import elements", "Information.xml assigned", "Start synchronization", "Synchronization finished",
    "DataMiner Agent found", "DataMiner Agent lost", "Error during synchronization", "No connection with DMA",
    "Connection established with DMA", "Automation info", "Scheduler info", "Script execution failure",
    "Load Protocol Failed", "Startup error", "Scheduled Task Created", "Scheduled Task Updated",
    "Scheduled Task Deleted", "Notification", "Stop DataMiner", "DataMiner run-time", "Task started",
    "Client notification", "Set as production protocol", "Element masked", "Element unmasked", "DMS Revisioned",
    "Backup status", "SNMPAgent", "File changed", "Filter added", "Filter edited", "Filter deleted",
    "User settings", "Document added", "Document edited", "Document removed", "Script started", "Linked to",
    "State change", "Service added", "Redundancy Group added", "Preset Created", "Preset Edited",
    "Preset Renamed", "Preset Deleted", "Real-time TCP Socket", "Database", "Correlation engine",
    "Alarm colors edited", "IP Settings", "Spectrum Script Edited", "Spectrum Script Deleted",
    "Spectrum Monitor Edited", "Spectrum Monitor Deleted", "Entered Prioritized Mode", "Left Prioritized Mode",
    "Spectrum Script Added", "Spectrum Monitor Created", "Mobile Gateway lost contact with DataMiner",
    "Spectrum Monitor Failure", "Collaboration Message", "DataMiner Failover Status", "DMA Redundancy Status",
    "Service Templates", "Client Eventing", "Latch reset info", "Annotations Edited",
    "Asset Manager Configuration", "Map Configuration", "SNMP Manager", "Redundancy Group State",
    "VDX Assigned", "Export Progress", "Import Progress", "Connectivity Engine", "Resource Manager info",
    "Tickets", "Notes", "Profile Manager info", "Spectrum trace recording started",
    "Spectrum trace recording stopped", "Alarm Group", "KQI Engine", "DataMiner Connectivity Framework",
    "Authentication Failure", "Sounds", "Disk Watcher", "Licensing", "Protocol Function Manager info",
    "lock_status", "lock_owner", "TotalNbrOfActiveAlarms", "TotalNbrOfActiveCriticalAlarms",
    "TotalNbrOfActiveMajorAlarms", "TotalNbrOfActiveMinorAlarms", "TotalNbrOfActiveWarningAlarms",
    "Element alarm state", "TotalNbrOfActiveMaskedAlarms", "Nbr of alarms", "Execution Verification",
    "ReplicationInfo", "ReplicatedElement", "RemoteDMAIP", "RemoteElementName", "ConnectedReplicationDmasCount",
    "ConnectedReplicationDmas", "ConnectedReplicationDmasId", "ConnectedReplicationDmasReplicationDmaIp",
    "ConnectedReplicationDmasReplicationState", "ConnectedReplicationDmasReplicationLastChange",
    "ConnectedReplicationDmasReplicationRemoteElementName", "ReplicationDmaRowCountTrigger",
    "ClearTableAfterStartupTrigger", "lock_owner_internal", "Resource Info", "generic_DVE_table", "DVE_index",
    "DVE_name", "DVE_element", "DVE_state", "dve_function_guid", "DVE_link_resource_manager",
    "generic_interface_table", "interface_index", "interface_name", "interface_type", "interface_FK",
    "interface_link_resource_manager", "interface_id", "generic DVE Linker Table", "Linker Index",
    "Linker Generic DVE FK", "FK Data", "FK Table", "DVE_to_delete", "dve_delete_add", "interface_to_delete",
    "interface_delete_add", "New Generic DVE Link", "generic dve link to add delete",
))


def is_reserved_name(name: str | None) -> bool:
    """A parameter name DataMiner keeps for itself: starts with '__' or is one of its own names."""
    return name is not None and (name.startswith("__") or name.lower() in RESERVED_NAMES)


def id_range_problem(model, value: int, param_element=None) -> tuple[str, str] | None:
    """(official code, what is wrong) when a Param id lies in a range this protocol may not
    use, else None. DataMiner keeps 0, 64 300-69 999, 100 000-999 999 and 10 000 000 and up
    for itself; 64 000-64 299 belong to spectrum analyzer protocols (which in turn must leave
    50 000-60 000 alone), 70 000-79 999 to mediation protocols (`Protocol/BaseFor`)."""
    if value == 0 or 64300 <= value < 70000 or 100000 <= value < 1000000 or value >= 10000000:
        return "2.1.5", "is reserved for DataMiner (0, 64300-69999, 100000-999999, 10000000 and up)"
    if 64000 <= value < 64300 and not model.is_spectrum:
        return "2.1.6", "is reserved for spectrum analyzer protocols (64000-64299)"
    if 70000 <= value < 80000 and not model.is_mediation:
        return "2.1.7", "is reserved for mediation protocols (70000-79999, with Protocol/BaseFor)"
    if param_element is not None and 1 <= value < 1000 and model.protocol_type_text == "service":
        from dmlint.model.elements import text_of

        name = text_of(model.first(param_element, "Name"))
        description = text_of(model.first(param_element, "Description"))
        if not is_service_param(value, name, description):
            return "2.1.9", "is kept for the parameters of the service definition in service protocols (1-999)"
    if 50000 <= value <= 60000 and model.is_spectrum:
        return "2.1.6", "is not handled correctly by spectrum analyzer elements (50000-60000)"
    return None


# The parameters of DataMiner's enhanced service protocols (Skyline Service Definition Basic):
# in a service protocol (`Protocol/Type` service), ids 1-999 are these, with these names and
# descriptions, and nothing else.
SERVICE_PARAMS = {
    1: ("Service Name", "Service Name"),
    2: ("Service Severity", "Service Severity"),
    3: ("Severity Update", "Severity Update"),
    4: ("raw_alarm_input", "raw_alarm_input"),
    5: ("subservice_element_update", "Severity Update (Element in Sub Service)"),
    7: ("raw_alarmid_input", "raw_alarmid_input"),
    100: ("Service Element Status", "Service Element Status"),
    101: ("Service_Element_Status_Alias", "Alias [IDX] (Service Element Status)"),
    102: ("Service_Element_Status_Element_Name", "Element Name (Service Element Status)"),
    103: ("Service_Element_Status_Element_ID", "Element ID (Service Element Status)"),
    104: ("Service_Element_Status_Severity", "Severity (Service Element Status)"),
    105: ("Service_Element_Status_State", "State (Service Element Status)"),
    106: ("Service_Element_Status_Calculated", "Calculated (Service Element Status)"),
    107: ("Service_Element_Status_Parent_Service_Name", "Parent Service Name (Service Element Status)"),
    108: ("Service_Element_Status_Parent_Service_ID", "Parent Service ID (Service Element Status)"),
    109: ("Service_Element_Status_Service_Index", "Service Index (Service Element Status)"),
    110: ("Service_Element_Status_Alarm_Count_Critical", "Critical (Service Element Status)"),
    111: ("Service_Element_Status_Alarm_Count_Major", "Major (Service Element Status)"),
    112: ("Service_Element_Status_Alarm_Count_Minor", "Minor (Service Element Status)"),
    113: ("Service_Element_Status_Alarm_Count_Warning", "Warning (Service Element Status)"),
    114: ("Service_Element_Status_Alarm_Count_Timeout", "Timeout (Service Element Status)"),
    115: ("Service_Element_Type", "Type (Service Element Status)"),
    198: ("monitor_active_alarms", "Monitor Active Alarms"),
    199: ("monitor_active_alarms", "Monitor Active Alarms"),
    200: ("active_service_alarms", "Active Service Alarms"),
    201: ("active_service_alarms_root_alarm_ID", "Root Alarm ID [IDX] (Active Service Alarms)"),
    202: ("active_service_alarms_alarm_ID", "Alarm ID (Active Service Alarms)"),
    203: ("active_service_alarms_severity", "Severity (Active Service Alarms)"),
    204: ("active_service_alarms_time", "Time (Active Service Alarms)"),
    205: ("active_service_alarms_element", "Element Name (Active Service Alarms)"),
    206: ("active_service_alarms_parameter_description", "Parameter Description (Active Service Alarms)"),
    207: ("active_service_alarms_param_index", "Parameter Key (Active Service Alarms)"),
    208: ("active_service_alarms_value", "Value (Active Service Alarms)"),
    209: ("active_service_alarms_status", "Status (Active Service Alarms)"),
    210: ("active_service_alarms_alarm_type", "Alarm Type (Active Service Alarms)"),
    211: ("active_service_alarms_user_state", "User Status (Active Service Alarms)"),
    212: ("active_service_alarms_source", "Source (Active Service Alarms)"),
    213: ("active_service_alarms_category", "Category (Active Service Alarms)"),
}


def is_service_param(value: int, name: str | None, description: str | None) -> bool:
    """Whether an id in 1-999 of a service protocol is the service definition's parameter."""
    expected = SERVICE_PARAMS.get(value)
    return expected is not None and name == expected[0] and (description or "") == expected[1]
