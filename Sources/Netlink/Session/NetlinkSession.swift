#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import DevlinkModel

/// DeviceSession on the running kernel: devlink over generic netlink, VFs through sysfs,
/// bonds over rtnetlink (see `NetlinkSession+Links`). Every failure is a DevlinkError.
public final class NetlinkSession: DeviceSession {
    public let family: GenericFamily
    let socket: NetlinkSocket
    /// The devlink `config` group. Subscribed at open when `eventsFromOpen`, so `drainEvents` sees
    /// everything since then; otherwise at the first `drainEvents`, as `devlink monitor` does. A
    /// subscriber costs the kernel a notification for every change, even one never read.
    lazy var monitor: DevlinkMonitor? = try? DevlinkMonitor()
    public var sriov = SysfsSRIOV()
    /// Where the mlx5 hardware LAG is read from (`hardwareLag`).
    public var lagDebugfs = MLX5LagDebugfs()
    /// The warning text the kernel attached to the last successful request, if any.
    public private(set) var lastWarning: String?
    lazy var route: Result<NetlinkSocket, Error> = Result { try NetlinkSession.openSocket(.route) }

    /// Opens the session. Throws `NetlinkSessionError` when the kernel has no devlink (a one-line
    /// message that points at --emulator). `eventsFromOpen`: see `monitor`.
    public init(receiveTimeout: Double = 10, eventsFromOpen: Bool = true) throws {
        socket = try NetlinkSession.openSocket(.generic, receiveTimeout: receiveTimeout)
        family = try NetlinkSession.resolveDevlink(socket)
        if eventsFromOpen { _ = monitor }
    }

    /// True when this kernel answers for the devlink family (what `dls` uses to pick a backend).
    public static func isAvailable() -> Bool {
        guard let s = try? openSocket(.generic, receiveTimeout: 2) else { return false }
        return (try? resolveDevlink(s)) != nil
    }

    static func openSocket(_ p: NetlinkProtocol, receiveTimeout: Double = 10) throws -> NetlinkSocket {
        do {
            return try NetlinkSocket(p, receiveTimeout: receiveTimeout)
        } catch let NetlinkError.system(call, e) {
            throw NetlinkSessionError.netlinkUnavailable("\(call): \(ErrnoName.message(e))")
        }
    }

    static func resolveDevlink(_ s: NetlinkSocket) throws -> GenericFamily {
        do {
            return try s.resolveFamily(DevlinkFamily.name)
        } catch NetlinkError.familyNotFound {
            throw NetlinkSessionError.devlinkUnavailable
        } catch let e as NetlinkError {
            throw DevlinkError(e)
        }
    }

    /// Sends one devlink request; returns the attributes of each reply message.
    @discardableResult
    public func perform(_ r: DevlinkRequest) throws -> [AttributeList] {
        try mappingErrors {
            let reply = try socket.genericExchange(family: family.id, command: r.command, version: DevlinkFamily.version,
                                                   flags: r.isDump ? .dump : [], attributes: r.attributes)
            lastWarning = reply.warning
            return try reply.messages.map(DevlinkDecoder.attributes)
        }
    }

    private func decode<T>(_ body: () throws -> T) throws -> T { try mappingErrors(body) }

    /// Sends one devlink request and hands each reply message's attributes to `read` where they
    /// arrived (nothing is copied or collected). A reply that does not decode is reported once the
    /// exchange has ended, so an error in the final ACK still wins, as when replies were decoded
    /// after collecting them.
    private func exchange(_ r: DevlinkRequest, _ read: (AttributeIndex) throws -> Void) throws {
        try mappingErrors {
            var failure: Error?
            let warning = try socket.exchange(type: family.id, flags: r.isDump ? .dump : [],
                                              generic: GenericHeader(command: r.command, version: DevlinkFamily.version),
                                              payload: r.attributes) { message in
                guard failure == nil else { return }
                do { try message.withAttributes(after: GenericHeader.size, read) } catch { failure = error }
            }
            lastWarning = warning
            if let failure { throw failure }
        }
    }

    /// A request answered by an ACK alone (any reply message must still be well formed).
    private func acknowledged(_ r: DevlinkRequest) throws { try exchange(r) { _ in } }

    /// Every reply message decoded by `f`, in order (dumps).
    private func all<T>(_ r: DevlinkRequest, _ f: (AttributeIndex) throws -> T) throws -> [T] {
        var out: [T] = []
        try exchange(r) { out.append(try f($0)) }
        return out
    }

    /// The first reply message decoded by `f`; later ones are only checked.
    private func single<T>(_ r: DevlinkRequest, _ what: String, _ f: (AttributeIndex) throws -> T) throws -> T {
        var result: T?
        try exchange(r) { a in if result == nil { result = try f(a) } }
        guard let result else { throw DevlinkError(NetlinkError.missingAttribute(what)) }
        return result
    }

    // MARK: devices

    public func devices() throws -> [DeviceHandle] {
        try all(.dumpDevices()) { try DevlinkDecoder.device(lookingUp: $0) }
    }

    public func info(_ device: DeviceHandle) throws -> DeviceInfo {
        try single(.getInfo(device), "dev info reply") { try DevlinkDecoder.info($0) }
    }

    // MARK: ports

    public func ports(of device: DeviceHandle?) throws -> [Port] {
        let ports = try all(.dumpPorts()) { try DevlinkDecoder.port(lookingUp: $0) }
        guard let device else { return ports }
        return ports.filter { $0.device == device }
    }

    public func port(_ handle: PortHandle) throws -> Port {
        try single(.getPort(handle), "port reply") { try DevlinkDecoder.port(lookingUp: $0) }
    }

    /// The kernel answers PORT_NEW with the new port (cmd 7, or 3 on older kernels) before the ACK.
    public func addPort(_ request: PortAddRequest) throws -> Port {
        let replies = try perform(.newPort(request))
        if let msg = replies.first(where: { $0.contains(DevlinkAttr.portIndex) }) {
            return try decode { try DevlinkDecoder.port(msg) }
        }
        // No port message in the reply: find it by its numbers.
        if let p = try ports(of: request.device).last(where: {
            $0.flavour == request.flavour && $0.pfnum == request.pfnum && (request.sfnum == nil || $0.sfnum == request.sfnum)
        }) { return p }
        throw DevlinkError(NetlinkError.missingAttribute("new port in PORT_NEW reply"))
    }

    public func deletePort(_ handle: PortHandle) throws { try acknowledged(.deletePort(handle)) }

    public func setPortType(_ handle: PortHandle, _ type: PortType) throws { try acknowledged(.setPortType(handle, type)) }

    public func splitPort(_ handle: PortHandle, count: UInt32) throws { try acknowledged(.splitPort(handle, count: count)) }

    public func unsplitPort(_ handle: PortHandle) throws { try acknowledged(.unsplitPort(handle)) }

    public func setPortFunction(_ handle: PortHandle, _ changes: PortFunctionChanges) throws {
        try acknowledged(.setPortFunction(handle, changes))
    }

    // MARK: rates

    /// The uplink's speed from sysfs (`/sys/class/net/NETDEV/speed`, Mbit/s) of the device's physical
    /// port; nil when there is none or the link is down (the kernel then reports -1).
    public func uplinkSpeed(_ device: DeviceHandle) throws -> UInt64? {
        guard let netdev = try ports(of: device).first(where: { $0.flavour == .physical })?.netdev,
              !netdev.contains("/"), netdev != "..", netdev != "." else { return nil }
        guard let file = fopen("/sys/class/net/\(netdev)/speed", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 32)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let mbps = UInt64(String(text.prefix { $0.isASCII && $0.isNumber })), mbps > 0 else { return nil }
        return mbps.multipliedReportingOverflow(by: 125_000).overflow ? nil : mbps * 125_000
    }

    /// The VF rates of the device's PF: RTM_GETLINK on its physical port's netdev, which lists its
    /// VFs (IFLA_VFINFO_LIST, asked for with RTEXT_FILTER_VF as `ip link show` does).
    public func vfRates(_ device: DeviceHandle) throws -> [VFRate] {
        guard let netdev = try ports(of: device).first(where: { $0.flavour == .physical })?.netdev else { return [] }
        return try link(named: netdev).vfRates
    }

    /// `uname -r`.
    public var kernelRelease: String? {
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        return withUnsafeBytes(of: &names.release) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    public func rates(of device: DeviceHandle?) throws -> [RateObject] {
        let rates = try all(.dumpRates()) { try DevlinkDecoder.rate(lookingUp: $0) }
        guard let device else { return rates }
        return rates.filter { $0.handle.device == device }
    }

    public func rate(_ handle: RateHandle) throws -> RateObject {
        try single(.getRate(handle), "rate reply") { try DevlinkDecoder.rate(lookingUp: $0) }
    }

    public func addRateNode(_ handle: RateHandle, _ changes: RateChanges) throws { try acknowledged(.newRateNode(handle, changes)) }

    public func setRate(_ handle: RateHandle, _ changes: RateChanges) throws { try acknowledged(.setRate(handle, changes)) }

    public func deleteRateNode(_ handle: RateHandle) throws { try acknowledged(.deleteRateNode(handle)) }

    // MARK: eswitch, SR-IOV

    public func eswitch(_ device: DeviceHandle) throws -> Eswitch {
        try single(.getEswitch(device), "eswitch reply") { try DevlinkDecoder.eswitch($0) }
    }

    public func setEswitch(_ device: DeviceHandle, _ changes: EswitchChanges) throws {
        try acknowledged(.setEswitch(device, changes))
    }

    public func sriovNumVFs(_ device: DeviceHandle) throws -> UInt32 { try sriov.numVFs(device) }

    public func setSriovNumVFs(_ device: DeviceHandle, _ count: UInt32) throws { try sriov.setNumVFs(device, count) }

    // MARK: params

    public func params(of device: DeviceHandle?) throws -> [Param] {
        let params = try all(.dumpParams()) { try DevlinkDecoder.param($0) }
        guard let device else { return params }
        return params.filter { $0.device == device }
    }

    public func param(_ device: DeviceHandle, name: String) throws -> Param {
        try single(.getParam(device, name: name), "param reply") { try DevlinkDecoder.param($0) }
    }

    public func setParam(_ device: DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode) throws {
        try acknowledged(.setParam(device, name: name, value: value, cmode: cmode))
    }

    // MARK: events

    public func drainEvents() throws -> [DevlinkEvent] { try monitor?.drain() ?? [] }

    /// The kernel's asynchronous work cannot be observed directly: give it a moment and say
    /// "maybe more" so callers keep polling their condition.
    @discardableResult
    public func settle() throws -> Bool {
        usleep(50_000)
        return true
    }
}
