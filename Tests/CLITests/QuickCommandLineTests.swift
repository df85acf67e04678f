import ArgumentParser
import Testing
@testable import dls

/// The hand parser must read every invocation it accepts exactly as ArgumentParser does, and leave
/// everything else (help, subcommands, odd spellings) to it.
@Suite struct QuickCommandLineTests {
    /// ArgumentParser's reading of the same words, after the same `--emulator` normalising.
    func parsedByArgumentParser(_ words: [String]) throws -> RunOptions? {
        let command = try DLSCommand.parseAsRoot(EmulatorArgument.normalize(words))
        return (command as? RunCommand)?.options
    }

    static let accepted: [[String]] = [
        [],
        ["script.dls"],
        ["script.dls", "a", "-j", "--netlink", "--", "run"],
        ["-c", "print(1)"],
        ["-c", "print(1)", "extra", "args"],
        ["-j", "-p", "-c", "port show"],
        ["--json", "--pretty", "--iec", "-n", "script.dls"],
        ["-i", "--no-nice-names", "script.dls", "x"],
        ["-s", "-c", "dev show"],
        ["--statistics", "-j", "-b", "batch.txt"],
        ["-b", "batch.txt"],
        ["-b", "-"],
        ["--batch", "batch.txt", "-f"],
        ["--batch=batch.txt", "--force"],
        ["--emulator", "-c", "1"],
        ["--emulator", "netdevsim", "script.dls"],
        ["--emulator=topo.json", "script.dls"],
        ["--netlink", "-b", "x"],
        ["--netlink", "--emulator", "mlx5", "-c", "1"],
        ["--atomic", "script.dls"],
        ["--step-limit", "100", "script.dls"],
        ["--step-limit=7", "-c", "1"],
        ["-"],
        ["-", "a", "b"],
        ["-c", "-"],
        ["script.dls", "check"],
    ]

    @Test(arguments: accepted)
    func agreesWithArgumentParser(_ words: [String]) throws {
        let quick = QuickCommandLine.parse(EmulatorArgument.normalize(words))
        #expect(quick != nil, "the hand parser should take \(words)")
        #expect(quick == (try parsedByArgumentParser(words)))
    }

    static let deferred: [[String]] = [
        ["--help"], ["-h"], ["--version"], ["help"], ["check", "a.dls"], ["test", "t.dls"], ["run", "a.dls"],
        ["-jp", "-c", "1"], ["-c"], ["-c", "1", "-c", "2"], ["-j", "-j", "x.dls"], ["--json=yes", "x"],
        ["--step-limit", "lots"], ["--step-limit", "-5"], ["-c", "-1"], ["--bogus"], ["-x", "a.dls"],
        ["--", "a.dls"], ["--batch"], ["-b", "--json"],
    ]

    @Test(arguments: deferred)
    func leavesTheRestToArgumentParser(_ words: [String]) {
        #expect(QuickCommandLine.parse(EmulatorArgument.normalize(words)) == nil)
    }
}
