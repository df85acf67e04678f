/// The everyday invocations (`dls FILE [args]`, `dls -c CODE`, `dls -b FILE`, with backend and
/// output switches) parsed by hand. ArgumentParser builds its model by reflection, the larger part
/// of a short run's start-up, and dls is started hundreds of times from shell loops. Anything this
/// parser is not sure of (help, subcommands, `--`, repeated or unknown options, values that look
/// like options) returns nil and goes to ArgumentParser, so messages and help stay in one place.
/// CLITests checks that both agree.
enum QuickCommandLine {
    static func parse(_ arguments: [String]) -> RunOptions? {
        var options = RunOptions()
        var seen: [String] = []
        var i = 0
        // An option's value: the next word, or the text after `=`; nil when it is missing or looks
        // like an option (ArgumentParser decides those cases).
        func value(_ inline: String?) -> String? {
            if let inline { return inline }
            guard i + 1 < arguments.count else { return nil }
            let next = arguments[i + 1]
            if next.hasPrefix("-") && next != "-" { return nil }
            i += 1
            return next
        }
        while i < arguments.count {
            let word = arguments[i]
            guard word.hasPrefix("-"), word != "-" else {
                // The script and everything after it are the script's own (captureForPassthrough).
                if subcommandNames.contains(word) { return nil }
                options.arguments = Array(arguments[i...])
                return options
            }
            var name = word
            var inline: String?
            if word.hasPrefix("--"), let eq = word.firstIndex(of: "=") {
                name = String(word[..<eq])
                inline = String(word[word.index(after: eq)...])
            }
            guard let option = option(spelled: name), !seen.contains(option) else { return nil }
            seen.append(option)
            if inline != nil && !takesValue.contains(option) { return nil }
            switch option {
            case "code": guard let v = value(inline) else { return nil }; options.code = v
            case "batch": guard let v = value(inline) else { return nil }; options.batch = v
            case "emulator": guard let v = value(inline) else { return nil }; options.emulator = v
            case "emulator-state": guard let v = value(inline) else { return nil }; options.emulatorState = v
            case "step-limit":
                guard let v = value(inline), let n = Int(v) else { return nil }
                options.stepLimit = n
            case "force": options.force = true
            case "json": options.json = true
            case "pretty": options.pretty = true
            case "no-nice-names": options.noNiceNames = true
            case "iec": options.iec = true
            case "statistics": options.statistics = true
            case "netlink": options.netlink = true
            case "atomic": options.atomic = true
            default: return nil
            }
            i += 1
        }
        return options
    }

    // Plain arrays and a switch, not Set/Dictionary: the first hashed collection of a run makes the
    // Swift runtime scan every protocol conformance in the binary.

    /// Words ArgumentParser reads as subcommands rather than as a script name.
    static let subcommandNames = ["run", "check", "test", "help"]

    static let takesValue = ["code", "batch", "emulator", "emulator-state", "step-limit"]

    /// Every spelling RunCommand declares, to one name per option.
    static func option(spelled word: String) -> String? {
        switch word {
        case "-c": "code"
        case "-b", "--batch": "batch"
        case "--emulator": "emulator"
        case "--emulator-state": "emulator-state"
        case "--step-limit": "step-limit"
        case "-f", "--force": "force"
        case "-j", "--json": "json"
        case "-p", "--pretty": "pretty"
        case "-n", "--no-nice-names": "no-nice-names"
        case "-i", "--iec": "iec"
        case "-s", "--statistics": "statistics"
        case "--netlink": "netlink"
        case "--atomic": "atomic"
        default: nil
        }
    }
}
