import DLSLanguage

/// Command words for the real parser, and a canned `port show` so the pty tests can see a command
/// run. The real host is the DevlinkCommands table over a DeviceSession.
final class DemoCommandHost: CommandHost {
    let commandWords: Set<String> = ["dev", "port", "lag", "devlink"]

    func run(_ command: CommandInvocation, display: Bool, interpreter: Interpreter) throws -> Value {
        let words = command.arguments.map(\.text).drop { $0 == "devlink" }
        if display, words.starts(with: ["port", "show"]) {
            interpreter.output.write("pci/0000:06:00.0/65535: type eth netdev eth0 flavour physical port 0 splittable false\n")
        }
        return .null
    }
}
