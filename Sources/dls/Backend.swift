import DevlinkEmulator
import DevlinkModel
import Netlink

/// Which DeviceSession a run talks to: `--emulator [NAME|TOPOLOGY.json]` or `--netlink`.
/// The default is the emulator with the built-in `mlx5` topology.
enum Backend: Equatable {
    case emulator(String)
    case netlink

    static let defaultEmulator = "mlx5"

    /// A one-line reason the backend could not be opened (printed as `dls: <reason>`).
    struct OpenError: Error {
        var message: String
    }

    func open() throws(OpenError) -> DeviceSession {
        switch self {
        case .emulator(let name):
            do {
                if let topology = Topology.builtin(named: name) { return try EmulatedSession(topology: topology) }
                guard name.hasSuffix(".json") else {
                    throw TopologyError("no built-in topology named \"\(name)\" (built-ins: mlx5, netdevsim; or give a .json file)")
                }
                return try EmulatedSession(topology: try Topology.load(path: name))
            } catch {
                throw OpenError(message: "--emulator: \(error)")
            }
        case .netlink:
            do {
                return try NetlinkSession()
            } catch {
                throw OpenError(message: "--netlink: \(error)")
            }
        }
    }
}
