import TextEscaping

/// JUnit XML for CI systems: one `<testsuite>` per file, a `<testcase>` per test with `<failure>`
/// (a test failed), `<error>` (the file did not parse or its top level failed) or `<skipped>`.
enum JUnitReport {
    static func xml(_ outcomes: [TestOutcome]) -> String {
        var files: [String] = []
        var byFile: [String: [TestOutcome]] = [:]
        for outcome in outcomes {
            if byFile[outcome.file.displayName] == nil { files.append(outcome.file.displayName) }
            byFile[outcome.file.displayName, default: []].append(outcome)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"dls test\"\(counts(outcomes))>\n"
        for file in files {
            let cases = byFile[file] ?? []
            out += "  <testsuite name=\"\(escape(file))\"\(counts(cases))>\n"
            for outcome in cases { out += testcase(outcome) }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    private static func counts(_ outcomes: [TestOutcome]) -> String {
        var failures = 0, errors = 0, skipped = 0
        var seconds = 0.0
        for outcome in outcomes {
            seconds += outcome.seconds
            switch outcome.status {
            case .failed: failures += 1
            case .fileError: errors += 1
            case .skipped: skipped += 1
            case .passed: break
            }
        }
        return " tests=\"\(outcomes.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
            + " time=\"\(time(seconds))\""
    }

    private static func testcase(_ outcome: TestOutcome) -> String {
        let head = "    <testcase name=\"\(escape(outcome.name))\" classname=\"\(escape(outcome.file.displayName))\""
            + " file=\"\(escape(outcome.file.path))\" time=\"\(time(outcome.seconds))\""
        let firstLine = String(outcome.report.split(separator: "\n", maxSplits: 1).first ?? "")
        switch outcome.status {
        case .passed:
            return head + "/>\n"
        case .skipped(let reason):
            return head + ">\n      <skipped message=\"\(escape(reason))\"/>\n    </testcase>\n"
        case .failed, .fileError:
            let element: String
            if case .fileError(let syntax) = outcome.status {
                element = "error type=\"\(syntax ? "syntax" : "runtime")\""
            } else {
                element = "failure type=\"assertion\""
            }
            let name = element.prefix { $0 != " " }
            var body = head + ">\n      <\(element) message=\"\(escape(firstLine))\">\(escape(outcome.report))</\(name)>\n"
            if !outcome.output.isEmpty { body += "      <system-out>\(escape(outcome.output))</system-out>\n" }
            return body + "    </testcase>\n"
        }
    }

    private static func time(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Text safe in attributes and content; characters XML 1.0 cannot carry become U+FFFD.
    static func escape(_ text: String) -> String {
        text.escapingScalars { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&apos;"
            case "\n", "\t": return nil
            case "\r": return "&#13;"
            default:
                let v = scalar.value
                return v < 0x20 || (v >= 0xFFFE && v <= 0xFFFF) ? "\u{FFFD}" : nil
            }
        }
    }
}
