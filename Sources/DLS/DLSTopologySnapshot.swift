import DevlinkEmulator
import FoundationEssentials

/// `dls snapshot --topology`: an emulator topology (docs/topology.md) that reproduces the box's
/// devices (driver profile, PF number, physical ports with their netdevs, max VFs as the current
/// count at least, eswitch mode, VF count, kernel version), so a live box can be rehearsed offline:
/// `dls --netlink snapshot --topology > box.json`, then `dls --emulator box.json plan new.json`.
/// SFs, rates and params are not part of a topology: apply the box's `snapshot` to an
/// `--emulator-state` file to carry them over (docs/desired-state.md, "Rehearsing").
extension DLSEngine {
    public func topologySnapshot() throws(DLSError) -> String {
        var specs: [DeviceSpec] = []
        do {
            for handle in try session.devices() where handle.bus != "auxiliary" {
                let driver = try? session.info(handle).driver
                let profile: DriverProfile
                switch driver {
                case "mlx5_core": profile = .mlx5
                case "netdevsim": profile = .netdevsim
                default:
                    throw DLSError("\(handle): driver \(driver ?? "unknown") has no emulator profile (mlx5_core, netdevsim)")
                }
                let ports = try session.ports(of: handle)
                let physical = ports.filter { $0.flavour == .physical }
                let numVFs = try? session.sriovNumVFs(handle)
                var spec = DeviceSpec(handle: handle.description, profile: profile)
                spec.pfnum = physical.first?.pfnum
                spec.physicalPorts = physical.isEmpty ? nil : physical.map {
                    PhysicalPortSpec(index: $0.index, portNumber: $0.portNumber, netdev: $0.netdev, lanes: $0.lanes,
                                     splittable: $0.splittable ? true : nil)
                }
                if let numVFs, numVFs > 0 {
                    spec.numVfs = numVFs
                    spec.maxVfs = max(numVFs, profile == .mlx5 ? 8 : 4)
                }
                spec.eswitchMode = (try? session.eswitch(handle).mode)?.map(\.name) ?? nil
                specs.append(spec)
            }
        } catch let error as DLSError {
            throw error
        } catch {
            throw DLSError("cannot read the devices: \(error)")
        }
        guard !specs.isEmpty else { throw DLSError("no devices to describe") }
        let release = try? session.perform(GetKernelRelease())
        let kernel = release.flatMap { text in
            KernelVersion(parsing: text.split(separator: ".").prefix(2).joined(separator: "."))
        }
        let topology = Topology(devices: specs, kernelVersion: kernel)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return String(decoding: try encoder.encode(topology), as: UTF8.self) + "\n"
        } catch {
            throw DLSError("cannot write the topology: \(error)")
        }
    }
}
