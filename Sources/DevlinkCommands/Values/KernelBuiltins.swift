import DevlinkModel
import DLSLanguage

/// `kernel()`: the kernel the session talks to and the devlink features it has, so a script can
/// branch on them (`if kernel().features.tc_bw { ... }`) instead of learning from a refusal.
///
///     {release: "6.12.118+deb12-amd64", version: "6.12", source: "policy",
///      features: {rates: true, tc_bw: false, max_io_eqs: true, ...}, note: nil}
///
/// `source` says where the features come from: "policy" (the running kernel's CTRL_CMD_GETPOLICY),
/// "modeled" (the emulator's declared version) or "unchecked" (the kernel gave no policy: the
/// version table's guess, nothing is refused, and `note` says why).
enum KernelBuiltins {
    static func functions(_ runner: CommandRunner) -> [NativeFunction] {
        [
            NativeFunction("kernel", arity: 0...0) { _ in
                guard let features = runner.session.kernelFeatures else { return .null }
                return value(features)
            },
        ].map { function in
            function.help = help[function.name]
            return function
        }
    }

    /// `:help kernel`.
    static let help: [String: String] = [
        "kernel": "kernel(): the kernel this session talks to: release, version, source (\"policy\", \"modeled\", \"unchecked\"), features (rates, tc_bw, max_io_eqs, switchdev_inactive, param_default, health_burst_period: true or false) and note",
    ]

    static func value(_ features: KernelFeatures) -> Value {
        let table = MapObject()
        for feature in DevlinkFeature.allCases {
            table.entries[.string(feature.scriptName)] = .bool(features.has(feature))
        }
        let m = MapObject()
        m.entries[.string("release")] = .string(features.release)
        m.entries[.string("version")] = features.version.map { .string($0.description) } ?? .null
        m.entries[.string("source")] = .string(features.source.rawValue)
        m.entries[.string("features")] = .map(table)
        m.entries[.string("note")] = features.note.map(Value.string) ?? .null
        return .map(m)
    }
}
