import DevlinkModel
import DLSLanguage

/// `rdma_devices([DEV])`: the RDMA devices (name, device), of DEV when given, as `rdma dev` lists them.
/// An SF's RDMA device shows under its own instance (`auxiliary/mlx5_core.sf.N`) once it is loaded with
/// enable_rdma (docs/devices.md).
enum RdmaBuiltins {
    static func functions(_ runner: CommandRunner) -> [NativeFunction] {
        [
            NativeFunction("rdma_devices", arity: 0...1) { args in
                var wanted: DeviceHandle?
                if args.count > 0 {
                    let text = args[0].wordText
                    guard let device = try? DeviceHandle(parsing: text) else {
                        throw args.error("no device \(Value.string(text).repr) (expected BUS/NAME)")
                    }
                    wanted = device
                }
                let all = try QueryBuiltins.call { try runner.session.perform(ListRdmaDevices()) }
                return .list(ListObject(all.filter { wanted == nil || $0.device == wanted }.map { d in
                    let m = MapObject()
                    m.entries[.string("name")] = .string(d.name)
                    m.entries[.string("device")] = d.device.map { .string($0.description) } ?? .null
                    return .map(m)
                }))
            },
        ].map { function in
            function.help = "rdma_devices([DEV]): the RDMA devices as maps (name, device: the devlink handle of their function), of DEV when given; an SF's appears under auxiliary/mlx5_core.sf.N once loaded with enable_rdma"
            return function
        }
    }
}
