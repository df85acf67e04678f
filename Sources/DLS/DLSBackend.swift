import DevlinkEmulator
import Netlink

/// What an engine's device commands talk to.
public enum DLSBackend {
    /// The emulator with a built-in topology: `"mlx5"` (one dual-port mlx5-style card,
    /// `pci/0000:06:00.0` and `pci/0000:06:00.1`) or `"netdevsim"`.
    case builtinEmulator(String)
    /// The emulator with a topology JSON file.
    case topologyFile(String)
    /// The running kernel over generic netlink and rtnetlink (needs devlink in the kernel).
    case netlink
    /// A session the host wrote (any `DeviceSession`; also a `LinkSession` for `lag`/`link`).
    case session(any DeviceSession)

    /// The emulator with the built-in `mlx5` topology.
    public static var defaultEmulator: DLSBackend { .builtinEmulator("mlx5") }

    /// The built-in topology names.
    public static var builtinTopologies: [String] { ["mlx5", "netdevsim"] }

    /// The topology part of an `--emulator` word: `mlx5` of `mlx5@6.15`, `t.json` of `t.json@6.17`.
    public static func topologyName(of word: String) -> String { Topology.splitVersion(word).name }

    /// The `dls --emulator` rule: a built-in name, else a path ending in `.json`; either may end in
    /// `@VERSION`, the kernel version to model (`mlx5@6.15`, `topo.json@6.17`).
    public static func emulator(_ nameOrFile: String) -> DLSBackend {
        let name = Topology.splitVersion(nameOrFile).name
        return builtinTopologies.contains(name) || !name.hasSuffix(".json")
            ? .builtinEmulator(nameOrFile) : .topologyFile(nameOrFile)
    }

    /// One line saying what this is (`emulator (built-in topology mlx5)`), for banners and logs.
    public var summary: String {
        switch self {
        case .builtinEmulator(let name): return "emulator (built-in topology \(name))"
        case .topologyFile(let path): return "emulator (topology \(path))"
        case .netlink: return "netlink (the running kernel)"
        case .session(let session): return "session (\(type(of: session)))"
        }
    }

    /// True for both emulator cases.
    public var isEmulator: Bool {
        switch self {
        case .builtinEmulator, .topologyFile: return true
        case .netlink, .session: return false
        }
    }

    /// True when the running kernel has the devlink generic netlink family (probed with one socket
    /// and one family lookup each call), so `.netlink` can be opened.
    public static var isNetlinkAvailable: Bool { NetlinkSession.isAvailable() }

    /// Opens the session (what `DLSEngine(backend:)` does); the error's message says why not
    /// (`.backend` kind). For several engines on one session: open it once and give it to each
    /// with `DLSEngine(session:output:)` (a test runner on the kernel, one engine per test).
    ///
    /// `eventsFromOpen` (the default): `monitor` first shows the notifications since the session
    /// opened. Without it, notifications start when `monitor` first runs, as with iproute2's
    /// `devlink monitor` in a batch file; until then the kernel composes none for every change.
    public func open(eventsFromOpen: Bool = true) throws(DLSError) -> any DeviceSession {
        do {
            switch self {
            case .builtinEmulator(let word):
                let (name, version) = Topology.splitVersion(word)
                guard let topology = Topology.builtin(named: name) else {
                    throw DLSError.backend("no built-in topology named \"\(word)\" (built-ins: mlx5, netdevsim; or give a .json file)")
                }
                return try EmulatedSession(topology: topology.at(version: version), eventsFromOpen: eventsFromOpen)
            case .topologyFile(let word):
                let (path, version) = Topology.splitVersion(word)
                let topology = try Topology.load(path: path).at(version: version)   // its errors name the file
                let session: EmulatedSession
                do {
                    session = try EmulatedSession(topology: topology, eventsFromOpen: eventsFromOpen)
                } catch {
                    throw TopologyError("\(path): \(error.message)")
                }
                // A topology from `dls snapshot --topology` carries the box's state too.
                if case .success(let text) = DLSSourceFile.contents(of: path) {
                    do throws(DLSError) {
                        if let document = try TopologyState.document(inTopology: text) {
                            try TopologyState.apply(document, to: session)
                        }
                    } catch {
                        throw DLSError.backend("\(path): \(error.message)")
                    }
                }
                return session
            case .netlink:
                return try NetlinkSession(eventsFromOpen: eventsFromOpen)
            case .session(let session):
                return session
            }
        } catch let error as DLSError {
            throw error
        } catch {
            throw DLSError.backend("\(error)")
        }
    }
}

extension DLSError {
    static func backend(_ message: String) -> DLSError {
        DLSError(kind: .backend, message: message, rendered: "error: " + message)
    }
}
