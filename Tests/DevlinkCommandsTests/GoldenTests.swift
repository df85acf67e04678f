import Foundation
import Testing

@Suite("Golden corpus: devlink-identical text, JSON, errors")
struct GoldenTests {
    @Test("corpus is present") func present() {
        #expect(GoldenCase.emulatorOnly().count >= 20)
        #expect(GoldenCase.kernel().count >= 30)
    }

    @Test("every case says where its expected output comes from")
    func sources() {
        for c in GoldenCase.all() {
            #expect(c.source?.isEmpty == false, "\(c.name) has no '# source:' line")
            if c.fromKernel { #expect(c.source?.hasPrefix("devlink (iproute2 ") == true, "\(c.name): \(c.source ?? "")") }
        }
    }

    @Test("case", arguments: GoldenCase.all())
    func golden(_ c: GoldenCase) throws {
        let result = try c.run()
        if ProcessInfo.processInfo.environment["DLS_GOLDEN_RECORD"] == "1" && !c.fromKernel {
            let url = GoldenCase.directory.appendingPathComponent(c.name + ".golden")
            try c.recorded(result).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        // DLS_GOLDEN_ACTUAL=DIR keeps what dls printed, as a case file, for `diff` against the golden.
        if let dir = ProcessInfo.processInfo.environment["DLS_GOLDEN_ACTUAL"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(c.name + ".golden")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try c.recorded(result).write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(result.stdout == c.stdout, "stdout of \(c.name)")
        #expect(result.stderr == c.stderr, "stderr of \(c.name)")
        #expect(result.status == c.status, "status of \(c.name)")
    }
}
