import DevlinkModel
import DLSLanguage

/// `qos simulate` and `qos lint` as text: a table per rate object with a proportional bar, and the
/// findings one per line. Colour (ANSI) only when asked: the caller decides from the terminal and
/// NO_COLOR.
struct RateSimulationText {
    var iec: Bool
    var color: Bool
    /// Width of the longest bar, in character cells.
    static let barWidth = 32

    func rate(_ bytes: UInt64) -> String { Rate(bytesPerSecond: bytes).formatted(iec: iec) }

    func simulation(_ s: RateSimulation) -> String {
        var rows: [[String]] = [["RATE", "DEMAND", "ALLOCATED", "BOUND"]]
        for a in s.allocations {
            rows.append([String(repeating: "  ", count: a.depth) + a.handle.description, rate(a.demand), rate(a.allocated),
                         bound(a.bound)])
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let scale = s.allocations.map(\.allocated).max() ?? 0
        var out = ""
        for (r, row) in rows.enumerated() {
            var line = ""
            for (column, cell) in row.enumerated() {
                line += column == 0 || column == 3 ? pad(cell, widths[column]) : padLeft(cell, widths[column])
                line += "  "
            }
            if r > 0 {
                let a = s.allocations[r - 1]
                line += paint(bar(a.allocated, of: scale), a.bound)
            }
            out += trimmed(line) + "\n"
            if r > 0, let classes = s.allocations[r - 1].perClass {
                let indent = String(repeating: "  ", count: s.allocations[r - 1].depth + 1)
                let parts = classes.enumerated().filter { $0.element > 0 }.map { "tc\($0.offset) \(rate($0.element))" }
                out += indent + (parts.isEmpty ? "no traffic" : parts.joined(separator: ", ")) + "\n"
            }
        }
        out += summary(s) + "\n"
        for note in s.notes { out += "note: \(note)\n" }
        return out
    }

    func summary(_ s: RateSimulation) -> String {
        let a = s.arbitration
        let rules = a.rules == .mlx5 ? "mlx5 rules" : "devlink-port.rst rules"
        let link = a.link.map { "link " + rate($0) } ?? "link speed unknown"
        return "\(s.device): \(rules), kernel \(a.kernel.major).\(a.kernel.minor), \(link), total \(rate(s.total))"
    }

    func findings(_ device: DeviceHandle, _ findings: [RateFinding]) -> String {
        guard !findings.isEmpty else { return "\(device): no findings\n" }
        return findings.map { "\($0.rule.rawValue): \($0.message(rate))\n" }.joined()
    }

    func bound(_ b: RateBound) -> String {
        switch b {
        case .ancestorTxMax(let h): return "tx_max of " + Self.shortName(h)
        case .share(let h?): return "share in " + Self.shortName(h)
        default: return b.name
        }
    }

    /// The node name of a handle (`tenant1` of `pci/0000:06:00.0/tenant1`).
    static func shortName(_ handle: String) -> String {
        handle.split(separator: "/").last.map(String.init) ?? handle
    }

    /// Eighths of a cell with the Unicode block elements.
    func bar(_ value: UInt64, of scale: UInt64) -> String {
        guard scale > 0, value > 0 else { return "" }
        let eighths = Int((Double(value) / Double(scale) * Double(Self.barWidth * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    func paint(_ text: String, _ bound: RateBound) -> String {
        guard color, !text.isEmpty else { return text }
        let code: String
        switch bound {
        case .demand: code = "32"            // green: got what it offered
        case .txMax, .ancestorTxMax: code = "33"   // yellow: a configured cap
        case .link, .share: code = "36"      // cyan: contention
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    private func padLeft(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
    private func trimmed(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
