import DevlinkModel
import DLSLanguage

/// `dls -b FILE`: runs a devlink batch file with devlink's semantics. Each failing line prints
/// devlink's error lines and `Command failed FILE:LINE`; the run stops there unless `force`, and the
/// exit status is 1 if any line failed. With `-j` all objects go through one JSON writer, as devlink's do.
public struct BatchRunner {
    public let runner: CommandRunner
    public let output: OutputSink
    public let force: Bool

    public init(runner: CommandRunner, output: OutputSink, force: Bool) {
        (self.runner, self.output, self.force) = (runner, output, force)
    }

    public func run(text: String, name: String) -> Int32 {
        var reader = BatchReader(text)
        var status: Int32 = 0
        var json = IPJSONWriter(pretty: runner.options.pretty)
        defer {
            if runner.options.json { output.write(json.finish()) }
            output.flush()
        }
        // One array for every line's words (the reader rewrites it in place).
        var words: [CommandWordInput] = []
        // The device whose param header was printed last: devlink prints it again only on a change.
        var lastParamDevice: DeviceHandle?
        // The same for health reporters' owners (DEV or DEV/PORT).
        var lastHealthOwner: String?
        // Whether an earlier line printed text: devlink's indent state then survives into the next
        // command, and a reload reply's first line is printed indented (see ReloadFormat.text).
        var printedText = false
        while true {
            let number: Int
            do {
                guard let next = try reader.nextLine(into: &words) else { break }
                number = next
            } catch {
                output.writeError(error.message + "\n")
                return 1
            }
            do {
                let result = try runner.execute(words)
                // Most lines of a batch change something and print nothing: one switch settles
                // those without copying the result for each test below.
                switch result {
                case .none: continue
                case .usage(let lines): output.writeError(lines.map { $0 + "\n" }.joined()); continue
                default: break
                }
                if runner.options.json {
                    runner.json(result, into: &json)
                } else if case .params(let params, _) = result {
                    output.write(runner.textFormatter.params(params, after: &lastParamDevice))
                    printedText = true
                } else if case .object(let o) = result, let health = o.content as? HealthReporters {
                    let text = HealthFormat.text(health.reporters, after: &lastHealthOwner)
                    output.write(text)
                    printedText = printedText || !text.isEmpty
                } else if case .object(let o) = result, let reply = o.content as? ReloadReply {
                    let text = ReloadFormat.text(reply, afterEarlierOutput: printedText)
                    output.write(text)
                    printedText = printedText || !text.isEmpty
                } else {
                    let text = runner.text(result)
                    output.write(text)
                    printedText = printedText || !text.isEmpty
                }
                if case .object(let o) = result, let note = o.content.note { output.writeError(note + "\n") }
            } catch {
                output.writeError(error.lines.map { $0 + "\n" }.joined() + "Command failed \(name):\(number)\n")
                status = 1
                if !force { break }
            }
        }
        return status
    }
}
