import DevlinkModel

/// The firmware side of mlx5 LAG: every LAG command the driver issues is logged per device with the
/// outbox status and syndrome; failures are logged the way `mlx5_cmd_check` does and mapped to errnos.
///
/// Modelling choice (lag.md §1.17, §6: FW behaviour for LAG misuse is UNVERIFIED): the firmware
/// answers BAD_RES_STATE (0x9) to CREATE_LAG while already in LAG mode and to MODIFY_LAG,
/// DESTROY_LAG or CREATE_VPORT_LAG while not in LAG mode, with the invented syndromes below.
/// Injected faults (`FirmwareFault`) take precedence and change nothing in the firmware.
extension EmulatorState {
    static let syndromeAlreadyInLag: UInt32 = 0x6c2d_4a11
    static let syndromeNotInLag: UInt32 = 0x1b7e_9f03

    /// Issues `opcode` on `device` for LAG `l`; returns the completed log entry.
    @discardableResult
    mutating func issueFirmware(_ opcode: FirmwareOpcode, on device: DeviceHandle, lag l: Int,
                                context: LagContext? = nil, fieldSelect: UInt32? = nil) -> FirmwareCommand {
        var entry = FirmwareCommand(sequence: (links.firmwareLogs[device]?.count ?? 0) + 1, device: device,
                                    opcode: opcode, fieldSelect: fieldSelect, context: context)
        if let f = links.firmwareFaults.firstIndex(where: { $0.opcode == opcode && ($0.device == nil || $0.device == device) }) {
            let fault = links.firmwareFaults.remove(at: f)
            entry.status = fault.status
            entry.syndrome = fault.syndrome
        } else {
            applyFirmware(&entry, lag: l)
        }
        links.firmwareLogs[device, default: []].append(entry)
        if !entry.status.isOK {
            let err = -(entry.status.errno?.number ?? 5)
            let hex = String(opcode.rawValue, radix: 16)
            log(device, "\(opcode.name)(0x\(hex)) op_mod(0x\(String(entry.opMod, radix: 16))) failed, status "
                + "\(entry.status.text)(0x\(String(entry.status.rawValue, radix: 16))), syndrome "
                + "(0x\(String(entry.syndrome, radix: 16))), err(\(err))")
        }
        return entry
    }

    /// The firmware's own state transition for a command that was not faulted.
    private mutating func applyFirmware(_ entry: inout FirmwareCommand, lag l: Int) {
        let inLag = links.lags[l].firmware != nil
        func refuse(_ syndrome: UInt32) {
            entry.status = .badResourceState
            entry.syndrome = syndrome
        }
        switch entry.opcode {
        case .createLag:
            guard !inLag else { return refuse(Self.syndromeAlreadyInLag) }
            var context = entry.context ?? LagContext()
            context.lagState = 1
            links.lags[l].firmware = context
        case .modifyLag:
            guard inLag, let sent = entry.context else { return refuse(Self.syndromeNotInLag) }
            if entry.fieldSelect.map({ $0 & 0x1 != 0 }) == true {
                links.lags[l].firmware?.txRemapAffinity1 = sent.txRemapAffinity1
                links.lags[l].firmware?.txRemapAffinity2 = sent.txRemapAffinity2
            }
            if entry.fieldSelect.map({ $0 & 0x2 != 0 }) == true {
                links.lags[l].firmware?.activePort = sent.activePort
            }
        case .queryLag:
            entry.context = links.lags[l].firmware ?? LagContext()
        case .destroyLag:
            guard inLag else { return refuse(Self.syndromeNotInLag) }
            links.lags[l].firmware = nil
        case .createVportLag:
            guard inLag else { return refuse(Self.syndromeNotInLag) }
        case .destroyVportLag:
            break
        }
    }

    /// A driver log line, `mlx5_core 0000:06:00.0: text` (or `bond0: text` for bonding).
    mutating func log(_ device: DeviceHandle, _ text: String) {
        links.kernelLog.append("mlx5_core \(device.name): \(text)")
    }

    mutating func log(bond: String, _ text: String) {
        links.kernelLog.append("\(bond): \(text)")
    }
}
