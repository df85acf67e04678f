import DevlinkEmulator
import DevlinkModel
import Testing

enum H {
    static let pf0 = DeviceHandle(bus: "pci", name: "0000:06:00.0")
    static let pf1 = DeviceHandle(bus: "pci", name: "0000:06:00.1")
    static let nsim = DeviceHandle(bus: "netdevsim", name: "netdevsim1")
    static let uplink0 = PortHandle(device: pf0, index: 65535)
    static let firstSF = PortHandle(device: pf0, index: 32768)
    static func vf(_ n: UInt32) -> PortHandle { PortHandle(device: pf0, index: n + 1) }
    static func nsimVF(_ n: UInt32) -> PortHandle { PortHandle(device: nsim, index: 128 + n) }
    static func node(_ name: String, _ device: DeviceHandle = pf0) -> RateHandle { .node(device, name) }

    static func sfRequest(_ sfnum: UInt32, device: DeviceHandle = pf0, pfnum: UInt16 = 0) -> PortAddRequest {
        PortAddRequest(device: device, flavour: .pcisf, pfnum: pfnum, sfnum: sfnum)
    }
}

/// `kernel`: the modeled kernel version (`"6.15"`), default 6.12.
func mlx5Session(switchdev: Bool = true, kernel: String? = nil) throws -> EmulatedSession {
    let session = try EmulatedSession(builtin: kernel.map { "mlx5@\($0)" } ?? "mlx5")
    if switchdev { try session.setEswitch(H.pf0, EswitchChanges(mode: .switchdev)) }
    _ = try session.drainEvents()
    return session
}

func nsimSession(switchdev: Bool = true, vfs: UInt32 = 2, kernel: String? = nil) throws -> EmulatedSession {
    let session = try EmulatedSession(builtin: kernel.map { "netdevsim@\($0)" } ?? "netdevsim")
    if vfs > 0 { try session.setSriovNumVFs(H.nsim, vfs) }
    if switchdev { try session.setEswitch(H.nsim, EswitchChanges(mode: .switchdev)) }
    _ = try session.drainEvents()
    return session
}

/// Runs `body`, expecting a DevlinkError with exactly this errno and extack message.
func expectError(_ errno: Errno, _ message: String?, sourceLocation: SourceLocation = #_sourceLocation,
                 _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(errno.name) \(message ?? "(no message)"), got success", sourceLocation: sourceLocation)
    } catch let error as DevlinkError {
        #expect(error.errno == errno, sourceLocation: sourceLocation)
        #expect(error.message == message, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}
