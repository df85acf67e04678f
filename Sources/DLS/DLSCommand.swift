import DevlinkCommands
import DLSLanguage

/// One line of a command word the host defined (`vendor fw-reset pci/0000:06:00.0`), after `$x`
/// and `$(expr)` interpolation.
public struct DLSCommand {
    /// The words as text, the command word first.
    public let words: [String]
    /// For each word, the value when the word was exactly one `$x` or `$(expr)` (a port object
    /// passed where a handle is expected), else nil.
    public let values: [DLSValue?]
    /// Where the line is in the script.
    public let location: DLSLocation
    /// True for a bare command statement: print the result yourself (to `output`) if it should show;
    /// false when the script uses the value (`let r = vendor status`).
    public let display: Bool
    /// The engine's output sink.
    public let output: DLSOutput
}

extension DLSEngine {
    /// Adds a command word: lines starting with `word` go to `handler`, which returns the line's
    /// value. A host word takes precedence over devlink's own (`dev`, `port`, ...). Throw a
    /// `DLSError` to fail the line like a devlink command (location, errno, `catch`).
    public func defineCommand(_ word: String, _ handler: @escaping (DLSCommand) throws -> DLSValue) {
        host.custom[word] = handler
    }

    /// Every word that starts a command line: devlink's objects, `devlink`, and the host's words.
    public var commandWords: Set<String> { host.commandWords }
}

/// The interpreter's command host: the host's own words first, then devlink's table. Forwards
/// `transaction { }` support to the devlink host.
final class EngineCommandHost: CommandHost, TransactionSupport {
    let devlink: DevlinkHost
    var custom: [String: (DLSCommand) throws -> DLSValue] = [:]
    /// Set by the engine once it exists (it owns this host).
    weak var engine: DLSEngine?

    init(devlink: DevlinkHost) { self.devlink = devlink }

    var commandWords: Set<String> { devlink.commandWords.union(custom.keys) }

    func run(_ command: CommandInvocation, display: Bool, interpreter: Interpreter) throws -> Value {
        guard let word = command.arguments.first?.text, let handler = custom[word], let engine else {
            return try devlink.run(command, display: display, interpreter: interpreter)
        }
        let bridge = engine.bridge
        let line = DLSCommand(words: command.arguments.map(\.text),
                              values: command.arguments.map { $0.value.map(bridge.swiftValue) },
                              location: command.location, display: display, output: engine.output)
        do {
            return bridge.scriptValue(try handler(line))
        } catch let error as DLSError where error.location == nil && error.kind == .runtime {
            throw CommandFailure(error.message, errno: error.errno, notes: error.notes)
        } catch {
            throw DLSEngine.runtimeError(error, at: command.location, bridge: bridge)
        }
    }

    // MARK: TransactionSupport

    private var transactions: TransactionSupport {
        get throws {
            guard let support = (devlink as AnyObject) as? TransactionSupport else {
                throw CommandFailure("'transaction' needs a device session (no command host supports transactions)")
            }
            return support
        }
    }

    func beginTransaction() throws -> Int { try transactions.beginTransaction() }

    func commitTransaction(_ token: Int) throws { try transactions.commitTransaction(token) }

    func rollbackTransaction(_ token: Int) -> [String] {
        (try? transactions.rollbackTransaction(token)) ?? []
    }
}
