import DLS

/// Prints one TAP-like line per test as it finishes (`ok 3 - sf.dls: name`, `not ok 4 - ...`,
/// `ok 5 - ... # SKIP reason`); a failure is followed by its report and output, indented.
final class TapReporter {
    private let output: DLSOutput
    private var number = 0

    init(output: DLSOutput) {
        self.output = output
    }

    func report(_ outcome: TestOutcome) {
        number += 1
        var text: String
        switch outcome.status {
        case .passed:
            text = "ok \(number) - \(outcome.title)\n"
        case .skipped(let reason):
            text = "ok \(number) - \(outcome.title) # SKIP \(reason)\n"
        case .failed, .fileError:
            text = "not ok \(number) - \(outcome.title)\n" + Self.indent(outcome.report, by: "  ")
            if !outcome.output.isEmpty {
                text += "  output:\n" + Self.indent(outcome.output, by: "    ")
            }
        }
        output.write(text)
        output.flush()
    }

    static func indent(_ text: String, by prefix: String) -> String {
        guard !text.isEmpty else { return "" }
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "\n" : prefix + $0 + "\n" }.joined()
    }
}
