import DLS
import Glibc

/// Which DeviceSession a run talks to: `--emulator [NAME|TOPOLOGY.json]` or `--netlink`.
/// Without either, the running kernel when it has the devlink family, else the built-in `mlx5`
/// emulator (`DLS_BACKEND=emulator|netlink` overrides that default, e.g. for tests on a devlink host).
enum Backend: Equatable {
    case emulator(String)
    case netlink

    static let defaultEmulator = "mlx5"

    /// What was asked for on the command line, and where the choice came from.
    static func choose(netlink: Bool, emulator: String?) -> Backend {
        if netlink { return .netlink }
        if let emulator { return .emulator(emulator) }
        return automatic
    }

    /// The default: netlink when this kernel has devlink. Probed once (one socket, one family lookup).
    static let automatic: Backend = {
        switch environmentChoice {
        case "emulator": return .emulator(defaultEmulator)
        case "netlink": return .netlink
        default: return DLSBackend.isNetlinkAvailable ? .netlink : .emulator(defaultEmulator)
        }
    }()

    private static var environmentChoice: String? {
        guard let value = getenv("DLS_BACKEND") else { return nil }
        return String(cString: value)
    }

    /// One line for `--help` and the REPL banner: which backend runs by default here and why.
    static var defaultDescription: String {
        switch environmentChoice {
        case "emulator", "netlink": return "Here: \(automatic.describe()), from DLS_BACKEND."
        default: break
        }
        switch automatic {
        case .netlink: return "Here: \(automatic.describe()), since this kernel has the devlink family."
        case .emulator: return "Here: \(automatic.describe()), since this kernel has no devlink family."
        }
    }

    /// The backend in a few words: `netlink (the running kernel)`, `emulator (built-in mlx5 topology)`.
    func describe() -> String {
        switch self {
        case .netlink: return "netlink (the running kernel)"
        case .emulator(let name):
            if DLSBackend.builtinTopologies.contains(DLSBackend.topologyName(of: name)) { return "emulator (built-in \(name) topology)" }
            return "emulator (topology \(name))"
        }
    }

    /// A one-line reason the backend could not be opened (printed as `dls: <reason>`).
    struct OpenError: Error {
        var message: String
    }

    /// An engine (the embedding API) on this backend; the error is the line to print after `dls: `.
    /// `eventsFromOpen: false` (devlink batch files): the kernel is asked for notifications only
    /// once a `monitor` line runs, as `devlink -b` does.
    func engine(output: DLSOutput, format: DLSEngine.Format, eventsFromOpen: Bool = true) throws(OpenError) -> DLSEngine {
        switch self {
        case .emulator(let name):
            do throws(DLSError) {
                return try DLSEngine(backend: .emulator(name), output: output, format: format, eventsFromOpen: eventsFromOpen)
            } catch {
                throw OpenError(message: "--emulator: \(error.message)")
            }
        case .netlink:
            do throws(DLSError) {
                return try DLSEngine(backend: .netlink, output: output, format: format, eventsFromOpen: eventsFromOpen)
            } catch {
                throw OpenError(message: Backend.netlinkFailure(error.message))
            }
        }
    }

    /// NetlinkSessionError's text already ends in "use --emulator"; anything else gets the hint.
    static func netlinkFailure(_ text: String) -> String {
        "--netlink: " + (text.contains("--emulator") ? text : text + "; use --emulator")
    }
}
