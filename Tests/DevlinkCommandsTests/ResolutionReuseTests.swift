import DevlinkCommands
import DevlinkEmulator
import Testing

/// A runner reuses the last line's way through the command table; no line may come out differently
/// from a runner seeing it first.
@Suite("Command table: reusing the last resolution")
struct ResolutionReuseTests {
    static func outcome(_ runner: CommandRunner, _ line: String) -> String {
        let words = line.split(separator: " ").map { CommandWordInput(text: String($0)) }
        do {
            switch try runner.execute(words) {
            case .usage(let lines): return "usage " + lines.joined(separator: "|")
            case let result: return runner.text(result)
            }
        } catch {
            return "failed \(error.lines) at \(String(describing: error.wordIndex))"
        }
    }

    @Test func sameOutcomeAsAFreshRunner() throws {
        let lines = [
            "dev", "dev show pci/0000:06:00.1", "dev show", "devlink dev", "devlink dev show pci/0000:06:00.0", "dev s",
            "port", "port show", "port show pci/0000:06:00.0/65535", "port sh pci/0000:06:00.0/65535", "port help", "port show",
            "dev eswitch set pci/0000:06:00.0 mode switchdev",
            "port function rate add pci/0000:06:00.0/g1 tx_max 10mbit", "port function rate set pci/0000:06:00.0/g1 tx_max 20mbit",
            "port function rate set", "port function rate set help", "port function rate set pci/0000:06:00.0/g1 tx_share 1mbit",
            "port function rate", "port function rate show", "port function rate show pci/0000:06:00.0/g1",
            "dev info pci/0000:06:00.0", "dev info help", "dev info pci/0000:06:00.0", "dev info",
            "port function set", "port function set pci/0000:06:00.0/65535", "bogus", "devlink", "dev bogus",
            // The runner refills one ParsedCommand: options of one line must not reach the next.
            "port function rate add pci/0000:06:00.0/g2 tx_share 1mbit", "port function rate set pci/0000:06:00.0/g1 parent g2",
            "port function rate show pci/0000:06:00.0/g1", "port function rate set pci/0000:06:00.0/g1 tx_max 5mbit",
            "port function rate show pci/0000:06:00.0/g1", "port function rate set pci/0000:06:00.0/g1 tx_sh 30mbit",
            "port function rate set pci/0000:06:00.0/g1 tx_max", "port function rate set pci/0000:06:00.0/g1 bogus 1",
            "port function rate set pci/0000:06:00.0/g1 tx_share 1mbit tx_max 2mbit tx_p 3 tx_w 4 nopar",
            "port function rate show pci/0000:06:00.0/g1",
            "port function rate set pci/0000:06:00.0/g1 tc-bw 0:20 1:0 2:0 3:0 4:0 5:80 6:0 7:0",
            "port function rate set pci/0000:06:00.0/g1 tx_weight 9", "port function rate show pci/0000:06:00.0/g1",
            "port function rate set pci/0000:06:00.0/g9 tx_max 1mbit", "port function rate set pci/0000:06:00.0/g1 parent g9",
        ]
        let shared = CommandRunner(session: try EmulatedSession(builtin: "mlx5"))
        let fresh = try EmulatedSession(builtin: "mlx5")
        for line in lines {
            #expect(Self.outcome(shared, line) == Self.outcome(CommandRunner(session: fresh), line), "\(line)")
        }
    }
}
