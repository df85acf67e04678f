import DevlinkModel

/// devlink reports an unknown handle or parameter only as `kernel answers: No such device` (or
/// `Invalid argument`), with nothing pointing at what was missing. For the script and REPL view
/// this adds where (the handle or name word) and what (the object that does not exist, and what
/// does); devlink's own lines, and so batch output, stay as they are.
enum MissingObjectHint {
    static func annotate(_ report: inout FailureReport, _ parsed: ParsedCommand, session: DeviceSession) {
        guard report.wordIndex == nil, report.hint == nil else { return }
        switch report.errno {
        case .ENODEV: missingHandle(&report, parsed, session)
        case .EINVAL: missingParameter(&report, parsed, session)
        default: return
        }
    }

    private static func missingHandle(_ report: inout FailureReport, _ parsed: ParsedCommand, _ session: DeviceSession) {
        guard let handle = parsed.handle, let device = handle.device else { return }
        let devices = (try? session.devices()) ?? []
        var hint: String?
        if !devices.contains(device) {
            let known = devices.map(\.description).joined(separator: ", ")
            hint = "there is no devlink device \(device)" + (known.isEmpty ? "" : " (devices: \(known))")
        } else if case .port(let port) = handle, (try? session.port(port)) == nil {
            hint = "\(device) has no port \(port.index)"
        } else if case .rate(let rate) = handle, (try? session.rate(rate)) == nil {
            switch rate.target {
            case .node(let name): hint = "\(device) has no rate node \"\(name)\""
            case .leaf(let index): hint = "\(device) has no rate object for port \(index)"
            }
        }
        guard let hint else { return }
        report.hint = hint
        report.wordIndex = parsed.handleWordIndex
    }

    private static func missingParameter(_ report: inout FailureReport, _ parsed: ParsedCommand, _ session: DeviceSession) {
        guard let device = parsed.device, let name = parsed.word("name"),
              let params = try? session.params(of: device), !params.contains(where: { $0.name == name }) else { return }
        report.hint = "\(device) has no parameter \"\(name)\" (parameters: \(params.map(\.name).joined(separator: ", ")))"
        report.wordIndex = parsed.wordIndex("name").map { $0 + 1 }   // the value after `name`
    }
}
