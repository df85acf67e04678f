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
                if let next, next == "mlx5" || next == "netdevsim" || next.hasSuffix(".json") {
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
}
