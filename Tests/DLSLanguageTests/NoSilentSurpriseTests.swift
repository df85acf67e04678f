import Testing
@testable import DLSLanguage

/// Issue 17, "silent surprises": each of these used to do something quietly wrong.
@Suite struct NoSilentSurpriseTests {
    @Test func appendReturnsItsList() {
        // Both paths: the call site's inline append (one value) and the builtin (several).
        #expect(output("let xs = []\nxs = append(xs, 1)\nxs = append(xs, 2, 3)\nprint(xs, append([], 4))") == "[1, 2, 3] [4]\n")
    }

    @Test func formatRefusesArgumentsItDoesNotUse() {
        #expect(errorLine(#"print(format("%-16s %s", "a", "b"))"#)
                == "t.dls:1:13: error: format(): argument 2 is not used by the template: 2 arguments given, 0 used (placeholders are {} and {:<16}, not %s)")
        #expect(errorLine(#"format("{1}", "a", "b")"#)
                == "t.dls:1:7: error: format(): argument 2 is not used by the template: 2 arguments given, 1 used")
        #expect(output(#"print(format("{} {0}", "a"), format("{:>3}|{}", 1, "x"))"#) == "a a   1|x\n")
    }

    @Test func nilHasNoWordOnACommandLine() {
        let host = RecordingHost()
        let (_, error) = run("let dev = nil\nport show $dev", host: host)
        #expect(error?.hasPrefix("t.dls:2:11: error: $dev is nil, which has no text for a command line") == true, "\(error ?? "")")
        #expect(host.lines.isEmpty)
        let (_, field) = run("let m = {a: nil}\nport show x$m.a", host: RecordingHost())
        #expect(field?.contains("error: $m.a is nil") == true, "\(field ?? "")")
        let (_, expr) = run("port show $(nil)", host: RecordingHost())
        #expect(expr?.contains("error: $(...) is nil") == true, "\(expr ?? "")")
        let ok = RecordingHost()
        _ = run("let d = \"pci/0000:06:00.0\"\nport show $d/1 $(0)", host: ok)
        #expect(ok.lines == [["port", "show", "pci/0000:06:00.0/1", "0"]])
    }
}
