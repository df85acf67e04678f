import DevlinkModel
import FoundationEssentials
import Glibc

/// `--emulator-state FILE`: the emulator's whole state between runs, so runs chain as on a real box.
/// A version envelope around the `EmulatorState` value (every type under it is Codable), plus the
/// `--emulator` word it was made from, so a file is not loaded into a different topology.
public struct EmulatorStateFile: Codable, Sendable {
    /// Bumped when a stored field is added, removed or changes meaning (the Tests/Fixtures state file
    /// stops loading when one is added or renamed). An older file that no longer decodes and any newer
    /// file are refused with what to do, rather than misread. Version 2 added health reporters,
    /// resources, reload state, SF auxiliary devices, the emulator clock, routes and bond options.
    public static let currentVersion = 2
    public static let formatName = "dls-emulator-state"

    public var format: String
    public var version: Int
    /// The `--emulator` word (`mlx5`, `netdevsim@6.15`, `topo.json`) the state started from.
    public var topology: String
    public var state: EmulatorState

    public init(topology: String, state: EmulatorState) {
        format = Self.formatName
        version = Self.currentVersion
        self.topology = topology
        self.state = state
    }

    /// The fields that say what a file is, read before its state.
    private struct Envelope: Decodable {
        var format: String
        var version: Int
        var topology: String
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The file's state, or nil when the file does not exist (the run starts from the topology).
    public static func load(path: String, topology: String) throws(Failure) -> EmulatorState? {
        guard access(path, F_OK) == 0 else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(description: "\(path): cannot read: \(error)")
        }
        // The envelope first, so that a file of another format or version is named as such rather
        // than failing on the first state field it lacks.
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: data)
        } catch {
            throw Failure(description: "\(path): not an emulator state file (\(Self.explain(error)))")
        }
        guard envelope.format == formatName else { throw Failure(description: "\(path): format \"\(envelope.format)\" is not \(formatName)") }
        guard envelope.version <= currentVersion else {
            throw Failure(description: "\(path): emulator state file version \(envelope.version) was written by a newer dls; "
                + "this dls reads version \(currentVersion). Use that dls, or remove \(path) to start again from --emulator \(topology).")
        }
        guard envelope.topology == topology else {
            throw Failure(description: "\(path): holds the state of --emulator \(envelope.topology), not \(topology)")
        }
        let file: EmulatorStateFile
        do {
            file = try JSONDecoder().decode(EmulatorStateFile.self, from: data)
        } catch {
            // An older file still loads when it holds every part this version keeps (the optional
            // parts start as on a fresh device); one without them cannot be carried over faithfully
            // (an active SF would lack its auxiliary device, a device its health reporters).
            guard envelope.version < currentVersion else {
                throw Failure(description: "\(path): not an emulator state file (\(Self.explain(error)))")
            }
            throw Failure(description: "\(path): emulator state file version \(envelope.version) was written by an older dls; "
                + "this dls reads version \(currentVersion) (\(Self.explain(error))). "
                + "Remove \(path) to start again from --emulator \(topology).")
        }
        return file.state
    }

    /// Writes the file atomically (a temporary file renamed over it), so an interrupted save leaves
    /// the previous state.
    public static func save(_ state: EmulatorState, topology: String, path: String) throws(Failure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            // Notifications are for the run that caused them: the next run's `monitor` starts afresh.
            var stored = state
            stored.events = []
            let data = try encoder.encode(EmulatorStateFile(topology: topology, state: stored))
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(description: "\(path): cannot write the emulator state: \(error)")
        }
    }

    private static func explain(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "no \(key.stringValue) at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        "$" + keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
