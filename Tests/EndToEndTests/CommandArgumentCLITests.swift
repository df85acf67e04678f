import Foundation
import Testing

/// `dls port show ...` runs the command line when no such file exists (issue 17: it said "cannot
/// read 'port'"), and the top-level help names the run options.
@Suite struct CommandArgumentCLITests {
    @Test func aCommandWordRunsTheLine() throws {
        let r = try CLI.run(["port", "show", "pci/0000:06:00.0/65535", "-j"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == #"{"port":{"pci/0000:06:00.0/65535":{"type":"eth","netdev":"enp6s0f0np0","flavour":"physical","port":0,"splittable":false}}}"# + "\n")
        let failed = try CLI.run(["port", "show", "pci/0000:06:00.0/3"])
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("<command line>:1:11: error: kernel answers: No such device\n"))
    }

    @Test func anyOtherMissingFileIsStillAnError() throws {
        let r = try CLI.run(["nosuch.dls"])
        #expect(r.status == 2)
        #expect(r.stderr == "dls: cannot read 'nosuch.dls': No such file or directory\n")
    }

    @Test func topLevelHelpNamesTheRunOptions() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        for option in ["-c CODE", "-b FILE", "-j and -p", "--emulator", "-V or --version"] {
            #expect(r.stdout.contains(option), "\(option)")
        }
    }
}
