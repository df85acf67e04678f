import Testing

/// How `dls` picks and names its backend (netlink by default where the kernel has devlink).
@Suite struct BackendCLITests {
    @Test("--help names the default backend here and why")
    func helpNamesTheDefault() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("without either, netlink"))
        #expect(r.stdout.contains("Here: emulator (built-in mlx5 topology), from DLS_BACKEND."))
    }

    @Test("-V prints the version, as --version does (devlink's and ip's spelling)")
    func versionFlag() throws {
        let short = try CLI.run(["-V"]), long = try CLI.run(["--version"])
        #expect(short.status == 0)
        #expect(short.stdout.hasPrefix("dls ") && short.stdout.hasSuffix("\n"))
        #expect(short.stdout == long.stdout)
    }

    @Test("DLS_BACKEND=emulator makes a flagless run use the mlx5 emulator")
    func environmentDefault() throws {
        let r = try CLI.run(["-c", "dev show"])
        #expect(r.stdout == "pci/0000:06:00.0\npci/0000:06:00.1\n")
    }

    /// Whether this host's kernel answers for devlink (then `--netlink` opens; else it explains).
    static let hostHasDevlink = (try? CLI.run(["--netlink", "-c", "dev show"]).status == 0) ?? false

    @Test("--netlink without devlink: one line that points at --emulator",
          .enabled(if: !hostHasDevlink, "this host's kernel has devlink, so --netlink opens and there is no hint to check"))
    func netlinkHint() throws {
        let r = try CLI.run(["--netlink", "-c", "dev show"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("dls: --netlink: "))
        #expect(r.stderr.hasSuffix("use --emulator\n"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    /// Issue 25's "done when", on the emulator (the guest checks --netlink: Tests/Live/11): tc-bw at the
    /// declared 6.12 is refused before sending, exit 1, and the line names tc-bw and 6.17; batch mode
    /// goes on with `-f` and says which line failed.
    @Test("--emulator netdevsim refuses tc-bw at 6.12 with exit 1")
    func tcBandwidthRefused() throws {
        let setup = "dev eswitch set netdevsim/netdevsim1 mode switchdev\ndev sriov set netdevsim/netdevsim1 numvfs 2\n"
        let line = "port function rate set netdevsim/netdevsim1/128 tc-bw 0:20 1:80 2:0 3:0 4:0 5:0 6:0 7:0"
        let r = try CLI.run(["--emulator", "netdevsim", "-c", setup + line])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("<command line>:3:49: Error: tc-bw needs kernel 6.17 or later (this kernel is 6.12; nothing was sent).\n"), "\(r.stderr)")
        let batch = try CLI.run(["--emulator", "netdevsim", "-f", "-b", "-"], stdin: setup + line + "\n")
        #expect(batch.status == 1)
        #expect(batch.stderr == "Error: tc-bw needs kernel 6.17 or later (this kernel is 6.12; nothing was sent).\nCommand failed -:3\n")
        let newer = try CLI.run(["--emulator", "netdevsim@6.17", "-c", setup + line])
        #expect(newer.status == 0, "\(newer.stderr)")
    }
}
