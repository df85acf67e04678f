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
    @exclusivity(unchecked) public var sriov = SysfsSRIOV()
    @exclusivity(unchecked) public var netdevsimHealth = NetdevsimHealthDebugfs()
    /// Where the mlx5 hardware LAG is read from (`hardwareLag`).
    @exclusivity(unchecked) public var lagDebugfs = MLX5LagDebugfs()
    /// The extack messages of successful requests, until `drainWarnings` takes them.
    @exclusivity(unchecked) var warnings = SuccessWarnings()
    /// The kernel's devlink features, fetched at the first request that needs them.
    let features: KernelFeaturesCache
    lazy var route: Result<NetlinkSocket, Error> = Result { try NetlinkSession.openSocket(.route) }

    /// Opens the session. Throws `NetlinkSessionError` when the kernel has no devlink (a one-line
    /// message that points at --emulator). `eventsFromOpen`: see `monitor`.
    public init(receiveTimeout: Double = 10, eventsFromOpen: Bool = true) throws {
        socket = try NetlinkSession.openSocket(.generic, receiveTimeout: receiveTimeout)
        family = try NetlinkSession.resolveDevlink(socket)
        features = KernelFeaturesCache(listed: Self.featuresListed(by: family.operations))
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
            warnings.record(reply.warning, dump: r.isDump)
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
            warnings.record(warning, dump: r.isDump)
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
        // Moved out, not copied: a reply such as a RateObject holds several references.
        guard let found = result.take() else { throw DevlinkError(NetlinkError.missingAttribute(what)) }
        return found
    }

    // MARK: operations

    // The operations batch files repeat by the hundred get their own compiled copy of `perform`:
    // the generic one, reached through the protocol, works out the operation's type at run time.
    @_specialize(exported: false, where Operation == SetRate)
    @_specialize(exported: false, where Operation == GetRate)
    @_specialize(exported: false, where Operation == SetPortFunction)
    @_specialize(exported: false, where Operation == GetPort)
    @_specialize(exported: false, where Operation == ListPorts)
    @_specialize(exported: false, where Operation == ListRates)
    public func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        try refuseUnlessKernelHas(operation)
        return try Self.handlers.perform(operation, on: self)
    }

    /// Each operation's request and how its reply is read.
    static let handlers = routeHandlers(linkHandlers(devlinkHandlers))

    static let devlinkHandlers = OperationHandlers<NetlinkSession>()
        .on(ListDevices.self) { s, _ in try s.all(.dumpDevices()) { try DevlinkDecoder.device(lookingUp: $0) } }
        .on(ListDeviceStatus.self) { s, _ in
            try s.all(.dumpDevices()) { a in
                DeviceStatus(device: try DevlinkDecoder.device(lookingUp: a),
                             reloadFailed: (try a[DevlinkAttr.reloadFailed]?.u8() ?? 0) != 0,
                             stats: try DevlinkDecoder.reloadStats(a))
            }
        }
        .on(GetDeviceInfo.self) { s, op in try s.single(.getInfo(op.device), "dev info reply") { try DevlinkDecoder.info($0) } }
        .on(ListPorts.self) { s, op in
            let ports = try s.all(.dumpPorts()) { try DevlinkDecoder.port(lookingUp: $0) }
            guard let device = op.device else { return ports }
            return ports.filter { $0.device == device }
        }
        .on(GetPort.self) { s, op in try s.single(.getPort(op.handle), "port reply") { try DevlinkDecoder.port(lookingUp: $0) } }
        .on(AddPort.self) { s, op in try s.addPort(op.request) }
        .on(DeletePort.self) { s, op in try s.acknowledged(.deletePort(op.handle)) }
        .on(SetPortType.self) { s, op in try s.acknowledged(.setPortType(op.handle, op.changes)) }
        .on(SplitPort.self) { s, op in try s.acknowledged(.splitPort(op.handle, count: op.changes)) }
        .on(UnsplitPort.self) { s, op in try s.acknowledged(.unsplitPort(op.handle)) }
        .on(SetPortFunction.self) { s, op in try s.acknowledged(.setPortFunction(op.handle, op.changes)) }
        .on(ListRates.self) { s, op in
            let rates = try s.all(.dumpRates()) { try DevlinkDecoder.rate(lookingUp: $0) }
            guard let device = op.device else { return rates }
            return rates.filter { $0.handle.device == device }
        }
        .on(GetRate.self) { s, op in try s.single(.getRate(op.handle), "rate reply") { try DevlinkDecoder.rate(lookingUp: $0) } }
        .on(AddRateNode.self) { s, op in try s.acknowledged(.newRateNode(op.handle, op.changes)) }
        .on(SetRate.self) { s, op in try s.acknowledged(.setRate(op.handle, op.changes)) }
        .on(DeleteRateNode.self) { s, op in try s.acknowledged(.deleteRateNode(op.handle)) }
        .on(GetEswitch.self) { s, op in try s.single(.getEswitch(op.device), "eswitch reply") { try DevlinkDecoder.eswitch($0) } }
        .on(SetEswitch.self) { s, op in try s.acknowledged(.setEswitch(op.handle, op.changes)) }
        .on(GetNumVFs.self) { s, op in try s.sriov.numVFs(op.device) }
        .on(SetNumVFs.self) { s, op in try s.sriov.setNumVFs(op.handle, op.changes) }
        .on(GetUplinkSpeed.self) { s, op in try s.readUplinkSpeed(op.device) }
        .on(GetKernelRelease.self) { _, _ in NetlinkSession.runningRelease() }
        .on(GetKernelFeatures.self) { s, _ in s.kernelFeatures }
        .on(ListVFRates.self) { s, op in
            guard let netdev = try s.ports(of: op.device).first(where: { $0.flavour == .physical })?.netdev else { return [] }
            return try s.link(named: netdev).vfRates
        }
        .on(ListParams.self) { s, op in
            let params = try s.all(.dumpParams()) { try DevlinkDecoder.param($0) }
            guard let device = op.device else { return params }
            return params.filter { $0.device == device }
        }
        .on(GetParam.self) { s, op in
            try s.single(.getParam(op.device, name: op.name), "param reply") { try DevlinkDecoder.param($0) }
        }
        .on(SetParam.self) { s, op in
            try s.acknowledged(.setParam(op.device, name: op.name, value: op.value, cmode: op.cmode))
        }
        .on(ReloadDevice.self) { s, op in
            // The kernel answers with the performed actions only when an action or limit was sent.
            var actions: [ReloadAction]?
            // A namespace file travels as an fd, open for the request's time.
            var fd: Int32?
            if case .file(let path)? = op.netns {
                let opened = open(path, O_RDONLY | O_CLOEXEC)
                guard opened >= 0 else { throw DevlinkError(Errno(number: errno), "cannot open network namespace \(path)") }
                fd = opened
            }
            defer { if let fd { close(fd) } }
            try s.exchange(.reload(op, netnsFD: fd)) { a in if actions == nil { actions = try DevlinkDecoder.reloadActions(a) } }
            return ReloadReply(device: op.device, actionsPerformed: actions, warning: s.warnings.claimLast())
        }
        .on(ListResources.self) { s, op in
            try s.single(.dumpResources(op.device), "resource reply") { try DevlinkDecoder.resources($0) }
        }
        .on(SetResourceSize.self) { s, op in try s.acknowledged(.setResourceSize(op)) }
        .on(ListHealthReporters.self) { s, op in
            let all = try s.all(.dumpHealthReporters()) { try DevlinkDecoder.healthReporter($0) }
            return op.device.map { d in all.filter { $0.device == d } } ?? all
        }
        .on(GetHealthReporter.self) { s, op in
            try s.single(.healthReporter(DevlinkCommand.healthReporterGet, op.handle), "health reporter reply") { try DevlinkDecoder.healthReporter($0) }
        }
        .on(SetHealthReporter.self) { s, op in try s.acknowledged(.setHealthReporter(op)) }
        .on(RecoverHealthReporter.self) { s, op in
            try s.acknowledged(.healthReporter(DevlinkCommand.healthReporterRecover, op.handle))
        }
        .on(DiagnoseHealthReporter.self) { s, op in
            HealthMessage(try s.all(.healthReporter(DevlinkCommand.healthReporterDiagnose, op.handle)) {
                try DevlinkDecoder.healthMessageItems($0)
            }.flatMap { $0 })
        }
        .on(ShowHealthDump.self) { s, op in
            HealthMessage(try s.all(.healthReporter(DevlinkCommand.healthReporterDumpGet, op.handle, dump: true)) {
                try DevlinkDecoder.healthMessageItems($0)
            }.flatMap { $0 })
        }
        .on(ClearHealthDump.self) { s, op in
            try s.acknowledged(.healthReporter(DevlinkCommand.healthReporterDumpClear, op.handle))
        }
        .on(TestHealthReporter.self) { s, op in try s.acknowledged(.healthReporter(DevlinkCommand.healthReporterTest, op.handle)) }
        .on(ReportHealthError.self) { s, op in try s.netdevsimHealth.report(op) }
        .on(SetNetdevsimHealthKnob.self) { s, op in try s.netdevsimHealth.set(op) }
        .on(ListRdmaDevices.self) { _, _ in SysfsRdma().devices() }

    /// The uplink's speed from sysfs (`/sys/class/net/NETDEV/speed`, Mbit/s) of the device's physical
    /// port; nil when there is none or the link is down (the kernel then reports -1).
    private func readUplinkSpeed(_ device: DeviceHandle) throws -> UInt64? {
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

    /// `uname -r`.
    static func runningRelease() -> String? {
        var names = utsname()
        guard uname(&names) == 0 else { return nil }
        return withUnsafeBytes(of: &names.release) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// The kernel answers PORT_NEW with the new port (cmd 7, or 3 on older kernels) before the ACK.
    private func addPort(_ request: PortAddRequest) throws -> Port {
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

    // MARK: events

    public func drainEvents() throws -> [DevlinkEvent] { try monitor?.drain() ?? [] }
    public func drainWarnings() -> [String] { warnings.drain() }
    public func drainEventOverruns() -> Int { monitor?.drainOverruns() ?? 0 }

    /// The kernel's asynchronous work cannot be observed directly: give it a moment and say
    /// "maybe more" so callers keep polling their condition.
    @discardableResult
    public func settle() throws -> Bool {
        usleep(50_000)
        return true
    }
}
