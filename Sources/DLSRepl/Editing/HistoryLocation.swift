import FoundationEssentials
import Glibc

/// Where history lives: `$XDG_STATE_HOME/dls/history`, else `~/.local/state/dls/history`.
/// `DLS_HISTFILE` overrides both (tests, and users who want it elsewhere); an empty value disables it.
public enum HistoryLocation {
    public static func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment["DLS_HISTFILE"] {
            return explicit.isEmpty ? nil : URL(fileURLWithPath: explicit)
        }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("dls/history")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/dls/history")
    }
}
