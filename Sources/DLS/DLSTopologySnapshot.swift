import DevlinkEmulator
import FoundationEssentials

/// `dls snapshot --topology`: an emulator topology (docs/topology.md) that reproduces the box: its
/// devices (driver profile, PF number, physical ports with their netdevs, max VFs as the current
/// count at least, eswitch mode, VF count, kernel version) and, under `state`, the box's desired-state
/// snapshot (SFs, function attributes, rates, params, eswitch attributes, bonds), which the emulator
/// applies when it starts from the file (`TopologyState`). A live box can then be rehearsed offline:
/// `dls --netlink snapshot --topology > box.json`, then `dls --emulator box.json plan new.json`.
extension DLSEngine {
    public func topologySnapshot() throws(DLSError) -> String {
        let topology = try deviceTopology()
        let document = try desiredStateSnapshot()
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let devices: JSONTree
        do {
            devices = try JSONTreeParser.parse(String(decoding: try encoder.encode(topology), as: UTF8.self))
        } catch {
            throw DLSError("cannot write the topology: \(error)")
        }
        guard case .object(var members) = devices else { throw DLSError("cannot write the topology") }
        members.append(.init(TopologyState.key, DocumentEncoder.tree(document)))
        return JSONTreePrinter.print(.object(members)) + "\n"
    }

    /// The session's devices as a topology (no state): what a fresh emulator needs to have the same
    /// devices, ports and netdevs.
    func deviceTopology() throws(DLSError) -> Topology {
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
        return Topology(devices: specs, kernelVersion: kernel)
    }
}

/// A topology file's `state` (docs/topology.md): a desired-state document the emulator is brought to
/// after its devices start, with the planner and applier `dls apply` uses. The emulator library
/// itself ignores the key (it knows no desired state); dls applies it when it opens the file.
enum TopologyState {
    static let key = "state"

    /// The `state` member of a topology file's text, if any.
    static func document(inTopology text: String) throws(DLSError) -> DesiredDocument? {
        guard case .object(let members) = try? JSONTreeParser.parse(text),
              let state = members.last(where: { $0.key == key })?.value else { return nil }
        do {
            return try DocumentDecoder.decode(state)
        } catch {
            throw DLSError("\(key): \(error)")
        }
    }

    /// Brings `session` to `document` (asynchronous driver work included) and forgets the events
    /// that took: a session opened from the file starts in that state.
    static func apply(_ document: DesiredDocument, to session: EmulatedSession) throws(DLSError) {
        let plan: Plan
        do {
            plan = try Planner.plan(document, against: try ObservedState.read(session, for: document))
        } catch {
            throw DLSError("\(key): \(error)")
        }
        let report = Applier(session: session).apply(plan)
        if let error = report.error { throw DLSError("\(key): \(error)") }
        while (try? session.settle()) == true {}
        _ = try? session.drainEvents()
    }
}
