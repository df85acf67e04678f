// devlink generic-netlink numbers (reference devlink.md §1.1–§1.6, Appendix A).

public enum DevlinkFamily {
    public static let name = "devlink"
    public static let version: UInt8 = 1
    public static let configGroup = "config"
}

/// `enum devlink_command`.
public enum DevlinkCommand {
    public static let get: UInt8 = 1
    public static let new: UInt8 = 3
    public static let del: UInt8 = 4
    public static let portGet: UInt8 = 5
    public static let portSet: UInt8 = 6
    public static let portNew: UInt8 = 7
    public static let portDel: UInt8 = 8
    public static let portSplit: UInt8 = 9
    public static let portUnsplit: UInt8 = 10
    public static let eswitchGet: UInt8 = 29
    public static let eswitchSet: UInt8 = 30
    public static let paramGet: UInt8 = 38
    public static let paramSet: UInt8 = 39
    public static let paramNew: UInt8 = 40
    public static let paramDel: UInt8 = 41
    public static let resourceSet: UInt8 = 35
    public static let resourceDump: UInt8 = 36
    public static let reload: UInt8 = 37
    public static let infoGet: UInt8 = 51
    public static let healthReporterGet: UInt8 = 52
    public static let healthReporterSet: UInt8 = 53
    public static let healthReporterRecover: UInt8 = 54
    public static let healthReporterDiagnose: UInt8 = 55
    public static let healthReporterDumpGet: UInt8 = 56
    public static let healthReporterDumpClear: UInt8 = 57
    public static let healthReporterTest: UInt8 = 73
    public static let rateGet: UInt8 = 74
    public static let rateSet: UInt8 = 75
    public static let rateNew: UInt8 = 76
    public static let rateDel: UInt8 = 77
}

/// `enum devlink_attr` (the ones dls reads or writes).
public enum DevlinkAttr {
    public static let busName: UInt16 = 1
    public static let devName: UInt16 = 2
    public static let portIndex: UInt16 = 3
    public static let portType: UInt16 = 4
    public static let portDesiredType: UInt16 = 5
    public static let portNetdevIfindex: UInt16 = 6
    public static let portNetdevName: UInt16 = 7
    public static let portIBDevName: UInt16 = 8
    public static let portSplitCount: UInt16 = 9
    public static let portSplitGroup: UInt16 = 10
    public static let eswitchMode: UInt16 = 25
    public static let eswitchInlineMode: UInt16 = 26
    public static let pad: UInt16 = 61
    public static let eswitchEncapMode: UInt16 = 62
    public static let resourceList: UInt16 = 63
    public static let resource: UInt16 = 64
    public static let resourceName: UInt16 = 65
    public static let resourceID: UInt16 = 66
    public static let resourceSize: UInt16 = 67
    public static let resourceSizeNew: UInt16 = 68
    public static let resourceSizeValid: UInt16 = 69
    public static let resourceSizeMin: UInt16 = 70
    public static let resourceSizeMax: UInt16 = 71
    public static let resourceSizeGranularity: UInt16 = 72
    public static let resourceUnit: UInt16 = 73
    public static let resourceOccupancy: UInt16 = 74
    public static let portFlavour: UInt16 = 77
    public static let portNumber: UInt16 = 78
    public static let portSplitSubportNumber: UInt16 = 79
    public static let param: UInt16 = 80
    public static let paramName: UInt16 = 81
    public static let paramGeneric: UInt16 = 82
    public static let paramType: UInt16 = 83
    public static let paramValuesList: UInt16 = 84
    public static let paramValue: UInt16 = 85
    public static let paramValueData: UInt16 = 86
    public static let paramValueCMode: UInt16 = 87
    public static let infoDriverName: UInt16 = 98
    public static let infoSerialNumber: UInt16 = 99
    public static let infoVersionFixed: UInt16 = 100
    public static let infoVersionRunning: UInt16 = 101
    public static let infoVersionStored: UInt16 = 102
    public static let infoVersionName: UInt16 = 103
    public static let infoVersionValue: UInt16 = 104
    public static let fmsg: UInt16 = 106
    public static let fmsgObjectStart: UInt16 = 107
    public static let fmsgPairStart: UInt16 = 108
    public static let fmsgArrayStart: UInt16 = 109
    public static let fmsgNestEnd: UInt16 = 110
    public static let fmsgName: UInt16 = 111
    public static let fmsgValueType: UInt16 = 112
    public static let fmsgValueData: UInt16 = 113
    public static let healthReporter: UInt16 = 114
    public static let healthReporterName: UInt16 = 115
    public static let healthReporterState: UInt16 = 116
    public static let healthReporterErrorCount: UInt16 = 117
    public static let healthReporterRecoverCount: UInt16 = 118
    public static let healthReporterGracefulPeriod: UInt16 = 120
    public static let healthReporterAutoRecover: UInt16 = 121
    public static let healthReporterDumpTimeNS: UInt16 = 137
    public static let netnsFD: UInt16 = 138
    public static let netnsPID: UInt16 = 139
    public static let portPCIPFNumber: UInt16 = 127
    public static let portPCIVFNumber: UInt16 = 128
    public static let reloadFailed: UInt16 = 136
    public static let healthReporterAutoDump: UInt16 = 141
    public static let healthReporterBurstPeriod: UInt16 = 181
    public static let portFunction: UInt16 = 145
    public static let infoBoardSerialNumber: UInt16 = 146
    public static let portLanes: UInt16 = 147
    public static let portSplittable: UInt16 = 148
    public static let portExternal: UInt16 = 149
    public static let portControllerNumber: UInt16 = 150
    public static let reloadAction: UInt16 = 153
    public static let reloadActionsPerformed: UInt16 = 154
    public static let reloadLimits: UInt16 = 155
    public static let devStats: UInt16 = 156
    public static let reloadStats: UInt16 = 157
    public static let reloadStatsEntry: UInt16 = 158
    public static let reloadStatsLimit: UInt16 = 159
    public static let reloadStatsValue: UInt16 = 160
    public static let remoteReloadStats: UInt16 = 161
    public static let reloadActionInfo: UInt16 = 162
    public static let reloadActionStats: UInt16 = 163
    public static let portPCISFNumber: UInt16 = 164
    public static let rateType: UInt16 = 165
    public static let rateTxShare: UInt16 = 166
    public static let rateTxMax: UInt16 = 167
    public static let rateNodeName: UInt16 = 168
    public static let rateParentNodeName: UInt16 = 169
    public static let nestedDevlink: UInt16 = 175
    public static let rateTxPriority: UInt16 = 177
    public static let rateTxWeight: UInt16 = 178
    public static let rateTCBandwidths: UInt16 = 180
}

/// `enum devlink_port_function_attr` (inside DEVLINK_ATTR_PORT_FUNCTION).
public enum PortFunctionAttr {
    public static let hwAddr: UInt16 = 1
    public static let state: UInt16 = 2
    public static let opstate: UInt16 = 3
    public static let caps: UInt16 = 4
    public static let devlink: UInt16 = 5
    public static let maxIOEQs: UInt16 = 6
}

/// `enum devlink_rate_tc_attr` (inside each DEVLINK_ATTR_RATE_TC_BWS).
public enum RateTCAttr {
    public static let index: UInt16 = 1
    public static let bandwidth: UInt16 = 2
}

/// `enum devlink_var_attr_type`: the value types DEVLINK_ATTR_PARAM_TYPE and
/// DEVLINK_ATTR_FMSG_OBJ_VALUE_TYPE carry, which are the kernel's NLA_* numbers (the uapi says so).
enum VarAttrType {
    static let u8: UInt8 = 1
    static let u16: UInt8 = 2
    static let u32: UInt8 = 3
    static let u64: UInt8 = 4
    static let string: UInt8 = 5
    static let flag: UInt8 = 6
    static let nulString: UInt8 = 10
    static let binary: UInt8 = 11
}
