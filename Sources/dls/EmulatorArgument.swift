import DLS
import Glibc

/// `--emulator` takes an optional value (`--emulator`, `--emulator netdevsim`, `--emulator topo.json`),
/// which ArgumentParser cannot express: a bare `--emulator` becomes `--emulator=mlx5` before parsing.
enum EmulatorArgument {
    static func normalize(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" { out += arguments[i...]; break }
            if argument == "--emulator" {
                let next = i + 1 < arguments.count ? arguments[i + 1] : nil
                if let next, isTopology(next) {
                    out += ["--emulator=" + next]
                    i += 2
                    continue
                }
                out.append("--emulator=" + Backend.defaultEmulator)
                i += 1
                continue
            }
            out.append(argument)
            i += 1
        }
        return out
    }

    /// A built-in name or a `.json` file, either with an optional `@VERSION` (`mlx5@6.15`).
    static func isTopology(_ word: String) -> Bool {
        // `dls --emulator plan want.json`: a desired-state subcommand, not a topology name.
        if DesiredStateCommand.names.contains(word) { return false }
        let name = DLSBackend.topologyName(of: word)
        return name == "mlx5" || name == "netdevsim" || name.hasSuffix(".json") || looksLikeTopologyName(name)
    }

    /// A bare word that is not a file (`--emulator bogus`): meant as a topology name, so it gets
    /// "no built-in topology named ..." rather than "cannot read 'bogus'" as a script.
    static func looksLikeTopologyName(_ word: String) -> Bool {
        !word.isEmpty && !word.hasPrefix("-") && !word.contains("/") && !word.contains(".")
            && access(word, F_OK) != 0
    }
}
