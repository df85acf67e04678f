// mlx5 LAG firmware commands (mlx5_ifc.h, lag.md §1.16) and command status codes (device.h/cmd.c, §1.17).

/// Opcodes of the LAG commands.
public enum FirmwareOpcode: UInt16, DevlinkNameTable, Codable {
    case createLag = 0x840, modifyLag = 0x841, queryLag = 0x842, destroyLag = 0x843
    case createVportLag = 0x844, destroyVportLag = 0x845

    public static let spellings = ["CREATE_LAG", "MODIFY_LAG", "QUERY_LAG", "DESTROY_LAG", "CREATE_VPORT_LAG", "DESTROY_VPORT_LAG"]
    public static let firstRawValue: UInt16 = 0x840
}

/// The `status` byte of a command outbox, with the driver's text (`cmd_status_str`) and errno
/// (`cmd_status_to_err`).
public struct FirmwareStatus: Hashable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: UInt8

    public init(_ rawValue: UInt8) { self.rawValue = rawValue }

    // Named where the emulator and its fault injection use them; any other status by its number.
    public static let ok = FirmwareStatus(0x00)
    public static let internalError = FirmwareStatus(0x01)
    public static let badParameter = FirmwareStatus(0x03)
    public static let resourceBusy = FirmwareStatus(0x06)
    public static let badResourceState = FirmwareStatus(0x09)
    public static let noResources = FirmwareStatus(0x0f)

    private static let table: [UInt8: (String, Errno?)] = [
        0x00: ("OK", nil), 0x01: ("internal error", .EIO), 0x02: ("bad operation", .EINVAL),
        0x03: ("bad parameter", .EINVAL), 0x04: ("bad system state", .EIO), 0x05: ("bad resource", .EINVAL),
        0x06: ("resource busy", .EBUSY), 0x07: ("FW not ready", .EAGAIN), 0x08: ("limits exceeded", .ENOMEM),
        0x09: ("bad resource state", .EINVAL), 0x0a: ("bad index", .EINVAL), 0x0f: ("no resources", .EAGAIN),
        0x10: ("bad QP state", .EINVAL), 0x30: ("bad packet (discarded)", .EINVAL),
        0x40: ("bad size too many outstanding CQEs", .EINVAL), 0x50: ("bad input length", .EIO),
        0x51: ("bad output length", .EIO),
    ]

    /// `cmd_status_str` ("unknown status" for values the driver does not name; that string is UNVERIFIED).
    public var text: String { Self.table[rawValue]?.0 ?? "unknown status" }

    /// The errno the driver returns for this status (nil for OK; unknown statuses give EIO).
    public var errno: Errno? {
        if rawValue == 0 { return nil }
        return Self.table[rawValue]?.1 ?? .EIO
    }

    public var isOK: Bool { rawValue == 0 }

    public var description: String { text }
}

/// The LAG context (`struct mlx5_ifc_lagc_bits`) a command carries or QUERY_LAG returns.
public struct LagContext: Equatable, Sendable, Codable {
    /// 1 = native FDB selection (shared FDB, MPESW).
    public var fdbSelectionMode: UInt8
    public var portSelectMode: LagPortSelectMode
    /// Read by QUERY_LAG: 0 = not in LAG. Non-zero encoding is UNVERIFIED; the emulator reports 1.
    public var lagState: UInt8
    /// Bit i = physical port i+1 (hash mode with `port_select_flow_table_bypass`).
    public var activePort: UInt8
    public var txRemapAffinity1: UInt8
    public var txRemapAffinity2: UInt8

    public init(fdbSelectionMode: UInt8 = 0, portSelectMode: LagPortSelectMode = .queueAffinity, lagState: UInt8 = 0,
                activePort: UInt8 = 0, txRemapAffinity1: UInt8 = 0, txRemapAffinity2: UInt8 = 0) {
        (self.fdbSelectionMode, self.portSelectMode, self.lagState, self.activePort, self.txRemapAffinity1, self.txRemapAffinity2) =
            (fdbSelectionMode, portSelectMode, lagState, activePort, txRemapAffinity1, txRemapAffinity2)
    }
}

/// One firmware command the driver issued on a device, with the outbox's status and syndrome.
public struct FirmwareCommand: Equatable, Sendable, Codable {
    /// Position in the device's command log, from 1.
    public var sequence: Int
    public var device: DeviceHandle
    public var opcode: FirmwareOpcode
    public var opMod: UInt16
    /// MODIFY_LAG only: bit0 = tx_remap_affinity_1/2, bit1 = active_port.
    public var fieldSelect: UInt32?
    /// The context sent (CREATE/MODIFY) or returned (QUERY, when successful).
    public var context: LagContext?
    public var status: FirmwareStatus
    /// Firmware-internal reason code, opaque to the driver (0 on success).
    public var syndrome: UInt32

    public init(sequence: Int, device: DeviceHandle, opcode: FirmwareOpcode, opMod: UInt16 = 0, fieldSelect: UInt32? = nil,
                context: LagContext? = nil, status: FirmwareStatus = .ok, syndrome: UInt32 = 0) {
        (self.sequence, self.device, self.opcode, self.opMod, self.fieldSelect, self.context, self.status, self.syndrome) =
            (sequence, device, opcode, opMod, fieldSelect, context, status, syndrome)
    }

    public var succeeded: Bool { status.isOK }
}
