import DevlinkEmulator
import Foundation
import Testing

/// docs/fidelity.md's version table and KernelGate list the same gates, versions and commits.
@Suite struct FidelityTableTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/fidelity.md")

    @Test func everyGateHasItsRow() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        for gate in KernelGate.all {
            let row = rows.first { $0.hasPrefix("| `\(gate.name)` |") }
            #expect(row != nil, "no row for \(gate.name)")
            guard let row else { continue }
            #expect(row.contains("| \(gate.version) |"), "\(gate.name): version \(gate.version)")
            for commit in gate.commits { #expect(row.contains(commit), "\(gate.name): commit \(commit)") }
        }
        #expect(rows.count == KernelGate.all.count, "a row without a KernelGate entry")
    }
}
