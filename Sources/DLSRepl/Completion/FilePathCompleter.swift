import FoundationEssentials
import Glibc

/// File names for `:load` and `:save`: directories end in `/` and do not take a space.
enum FilePathCompleter {
    static func candidates(for fragment: String, fileManager: FileManager = .default) -> [Candidate] {
        let expanded = fragment.hasPrefix("~/")
            ? Paths.home + String(fragment.dropFirst(1)) : fragment
        let slash = expanded.lastIndex(of: "/")
        let dir = slash.map { String(expanded[...$0]) } ?? ""
        let base = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let typedDir = fragment.lastIndex(of: "/").map { String(fragment[...$0]) } ?? ""
        guard let names = try? fileManager.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return [] }
        return names
            .filter { $0.hasPrefix(base) && (base.hasPrefix(".") || !$0.hasPrefix(".")) }
            .map { name in
                return Paths.isDirectory(dir + name) ? Candidate(typedDir + name + "/", terminator: "")
                                       : Candidate(typedDir + name)
            }
    }
}
