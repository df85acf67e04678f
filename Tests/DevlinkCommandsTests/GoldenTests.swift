import Foundation
import Testing

@Suite("Golden corpus: devlink-identical text, JSON, errors")
struct GoldenTests {
    @Test("corpus is present") func present() {
        #expect(GoldenCase.all().count >= 20)
    }

    @Test("case", arguments: GoldenCase.all())
    func golden(_ c: GoldenCase) throws {
        let result = try c.run()
        if ProcessInfo.processInfo.environment["DLS_GOLDEN_RECORD"] == "1" {
            let url = GoldenCase.directory.appendingPathComponent(c.name + ".golden")
            try c.recorded(result).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(result.stdout == c.stdout, "stdout of \(c.name)")
        #expect(result.stderr == c.stderr, "stderr of \(c.name)")
        #expect(result.status == c.status, "status of \(c.name)")
    }
}
