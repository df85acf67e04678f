import CLibEdit

/// libedit's own reading and writing of history files, to check that `HistoryFileFormat` stays
/// compatible (a file written by either side reads back the same in the other).
enum LibeditHistoryFile {
    static func save(_ entries: [String], to path: String) -> Bool {
        guard let h = history_init() else { return false }
        defer { history_end(h) }
        _ = shim_hist_setsize(h, Int32(max(1, entries.count)))
        for e in entries { _ = shim_hist_enter(h, e) }
        return shim_hist_save(h, path) >= 0
    }

    static func load(from path: String) -> [String]? {
        guard let h = history_init() else { return nil }
        defer { history_end(h) }
        _ = shim_hist_setsize(h, Int32(HistoryStore.defaultLimit))
        guard shim_hist_load(h, path) >= 0 else { return nil }
        final class Box { var entries: [String] = [] }
        let box = Box()
        withExtendedLifetime(box) {
            shim_hist_each_oldest_first(h, Unmanaged.passUnretained(box).toOpaque()) { ctx, s in
                guard let ctx, let s else { return }
                var line = String(cString: s)
                if line.hasSuffix("\n") { line.removeLast() }
                Unmanaged<Box>.fromOpaque(ctx).takeUnretainedValue().entries.append(line)
            }
        }
        return box.entries
    }
}
