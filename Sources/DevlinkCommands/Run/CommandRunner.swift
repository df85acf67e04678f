import DevlinkModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Output switches shared with devlink's command line.
public struct OutputOptions: Sendable {
    /// `-j`
    public var json = false
    /// `-p` (with `-j`)
    public var pretty = false
    /// `-i`: IEC rate units in text.
    public var iec = false
    /// `-n`: accepted for compatibility; dls never replaces handles by netdev names.
    public var noNiceNames = false
    /// Colour in dls's own tables; the CLI sets it on a terminal without NO_COLOR.
    public var color = false
    /// `-s`: statistics (`dev show` prints the reload counters).
    public var statistics = false

    public init(json: Bool = false, pretty: Bool = false, iec: Bool = false, noNiceNames: Bool = false, color: Bool = false,
                statistics: Bool = false) {
        (self.color, self.statistics, self.json, self.pretty, self.iec, self.noNiceNames) =
            (color, statistics, json, pretty, iec, noNiceNames)
    }
}

/// Runs command lines against a session: table lookup, option parsing, the action. Knows nothing
/// of the language; both the script host and `dls -b` use it.
public final class CommandRunner {
    public let table: CommandTable
    public let context: CommandContext
    public var options: OutputOptions {
        didSet { context.statistics = options.statistics }
    }
    /// What keeps port and rate objects true after later commands (LiveObjects.swift).
    public let live: LiveState

    public init(session: DeviceSession, table: CommandTable = .standard, options: OutputOptions = OutputOptions()) {
        self.table = table
        let context = CommandContext(session: session)
        self.context = context
        self.options = options
        context.statistics = options.statistics
        live = LiveState(session: { context.session })
        handles = HandleParser(portForNetdev: { name in
            (try? context.session.ports(of: nil))?.first { $0.netdev == name }?.handle
        })
    }

    /// Finds ports by netdev name for handles given as one; made once, not per command.
    private let handles: HandleParser
    /// The last command line's way to its command, reused while lines start with the same words
    /// (a batch of `port function rate set` walks the table once).
    private var lastResolution: CommandTable.Resolved?

    public var session: DeviceSession { context.session }

    public var textFormatter: TextFormatter { TextFormatter(iec: options.iec, color: options.color) }

    /// The last command line's `ParsedCommand`, emptied and filled again for the next line so that
    /// its settings array is not allocated and freed per line.
    private var spareParse: ParsedCommand?

    /// Runs one command line (its words as typed, `devlink` optional in front).
    public func execute(_ words: [CommandWordInput]) throws(FailureReport) -> CommandResult {
        do {
            // The spec and where its own words start, without building a `Resolution` to take apart.
            let spec: CommandSpec, start: Int
            if let last = lastResolution, let again = last.argumentsStart(for: words) {
                (spec, start) = (last.spec, again)
            } else {
                let texts = words.map(\.text)
                let walk = try table.walk(texts)
                lastResolution = CommandTable.Resolved(walk, words: texts)
                switch walk.resolution {
                case .usage(let lines): return .usage(lines)
                case .run(let found, let at): (spec, start) = (found, at)
                }
            }
            var parsed = spareParse.take() ?? ParsedCommand(spec: spec)
            parsed.reset(for: spec)
            // Every way out hands `parsed` back with `consume` (a `defer` copied it).
            do {
                try OptionParser(spec: spec, words: words[start...], handles: handles).parse(into: &parsed)
            } catch {
                spareParse = consume parsed
                throw error
            }
            let result: CommandResult
            do {
                result = try spec.action(context, parsed)
            } catch let error as DevlinkError {
                var report = FailureReport(error)
                MissingObjectHint.annotate(&report, parsed, session: context.session)
                spareParse = consume parsed
                throw report
            } catch let error as KernelFeatureError {
                // Points at the option the kernel lacks (`tc-bw`), where the command has it.
                let report = FailureReport(error, wordIndex: parsed.wordIndex(error.feature.optionName))
                spareParse = consume parsed
                throw report
            } catch {
                spareParse = consume parsed
                throw error
            }
            spareParse = consume parsed
            switch result {
            case .rateSimulation(let simulation, let file?): try writeSVG(simulation, to: file)
            default: break
            }
            return result
        } catch let error as ClientError {
            throw FailureReport(error)
        } catch let error as DevlinkError {
            throw FailureReport(error)
        } catch let error as FailureReport {
            throw error
        } catch let error as KernelFeatureError {
            throw FailureReport(error)
        } catch {
            throw FailureReport(other: error)
        }
    }

    /// `qos simulate ... svg FILE`: the picture is drawn by the formatter and written here, so that
    /// `let s = qos simulate ...` writes it too.
    private func writeSVG(_ simulation: RateSimulation, to path: String) throws(FailureReport) {
        let text = RateSimulationSVG.render(simulation, iec: options.iec)
        guard let file = fopen(path, "w") else {
            throw FailureReport(ClientError("Cannot write \(path): \(String(cString: strerror(errno)))", errno: .EINVAL))
        }
        let written = text.utf8CString.withUnsafeBufferPointer { fputs($0.baseAddress, file) }
        let closed = fclose(file)
        guard written >= 0, closed == 0 else {
            throw FailureReport(ClientError("Cannot write \(path): \(String(cString: strerror(errno)))", errno: .EIO))
        }
    }

    /// The text devlink prints on stdout for a result (text mode).
    public func text(_ result: CommandResult) -> String { textFormatter.format(result) }

    /// One command's JSON object written into a shared writer (batch mode keeps one for the run).
    func json(_ result: CommandResult, into writer: inout IPJSONWriter) {
        JSONFormatter.write(result, into: &writer)
    }

    /// One result as a complete JSON document (`{...}` and a newline), or "" when it has no output.
    public func jsonDocument(_ result: CommandResult) -> String {
        JSONFormatter.document(result, pretty: options.pretty)
    }
}
