import DevlinkModel
import DLSLanguage

/// Functions scripts use to read device state: `devices()`, `ports(dev, flavour:)`, `port(handle)`,
/// `rates(dev)`, `eswitch(dev)`, `mac(text)` (`wait` and `sleep`: ClockBuiltins).
enum QueryBuiltins {
    static func functions(_ runner: CommandRunner) -> [NativeFunction] {
        let formatter = runner.textFormatter
        let live = runner.live
        func session() -> DeviceSession { runner.session }
        return [
            NativeFunction("devices", arity: 0...0) { _ in
                .list(ListObject(try call { try session().devices() }.map { .object(DeviceValue($0)) }))
            },
            NativeFunction("ports", arity: 0...1, labels: ["flavour"]) { args in
                let device = try optionalDevice(args, 0)
                var ports = try call { try session().ports(of: device) }
                if let wanted = args.named["flavour"] {
                    guard let name = wanted.stringValue, PortFlavour(name: name) != nil else {
                        throw args.error("flavour: must be one of \(PortCommands.flavours.joined(separator: ", "))")
                    }
                    ports = ports.filter { $0.flavour.name == name }
                }
                return .list(ListObject(ports.map { .object(PortValue($0, formatter: formatter, live: live)) }))
            },
            NativeFunction("port", arity: 1...1) { args in
                let text = args[0].wordText
                let handle: PortHandle
                do {
                    handle = try PortHandle(parsing: text)
                } catch {
                    guard let found = try call({ try session().ports(of: nil) }).first(where: { $0.netdev == text }) else {
                        throw args.error("no port \(Value.string(text).repr) (expected BUS/NAME/INDEX or a netdev name)")
                    }
                    handle = found.handle
                }
                return .object(PortValue(try call { try session().port(handle) }, formatter: formatter, live: live))
            },
            NativeFunction("rates", arity: 0...1) { args in
                let device = try optionalDevice(args, 0)
                let rates = try call { try session().rates(of: device) }
                return .list(ListObject(rates.map { .object(RateObjectValue($0, formatter: formatter, live: live)) }))
            },
            NativeFunction("eswitch", arity: 1...1) { args in
                guard let device = try optionalDevice(args, 0) else { throw args.error("a device handle is required") }
                return .object(EswitchValue(device, try call { try session().eswitch(device) }, live: live))
            },
            NativeFunction("mac", arity: 1...1) { args in
                switch args[0] {
                case .object(let box) where box.object is MACValue: return args[0]
                case .string(let box):
                    let s = box.value
                    guard case .success(let m) = WordParsers.mac(s) else {
                        throw args.error("\(Value.string(s).repr) is not a MAC address (expected hex bytes separated by colons, e.g. 00:11:22:33:44:55)")
                    }
                    return .object(MACValue(m))
                case .int(let n) where n >= 0:
                    var bytes = [UInt8](repeating: 0, count: 6)
                    var rest = UInt64(n)
                    for i in (0..<6).reversed() { bytes[i] = UInt8(rest & 0xff); rest >>= 8 }
                    guard rest == 0, let m = MACAddress(bytes: bytes) else { throw args.error("\(n) does not fit in 6 bytes") }
                    return .object(MACValue(m))
                default:
                    throw args.error("expected a string like \"00:11:22:33:44:55\", got \(args[0].typeName)")
                }
            },
        ]
    }

    static func optionalDevice(_ args: Arguments, _ i: Int) throws -> DeviceHandle? {
        if case .null = args[i] { return nil }
        let text = args[i].wordText
        do {
            return try DeviceHandle(parsing: text)
        } catch {
            throw args.error("\(error)")
        }
    }

    /// Session errors surface with devlink's lines.
    static func call<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DevlinkError {
            throw DevlinkHost.failure(FailureReport(error))
        } catch let error as KernelFeatureError {
            throw DevlinkHost.failure(FailureReport(error))
        }
    }
}
