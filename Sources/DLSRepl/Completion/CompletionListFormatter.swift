import FoundationEssentials
import Glibc

/// Lays out candidates in columns, down then across, like a shell's completion list.
enum CompletionListFormatter {
    static func format(_ items: [String], width: Int) -> String {
        guard !items.isEmpty else { return "" }
        let column = (items.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / max(column, 1))
        let rows = (items.count + perRow - 1) / perRow
        var out = ""
        for r in 0..<rows {
            var line = ""
            var c = 0
            while r + c * rows < items.count {
                let item = items[r + c * rows]
                let isLast = r + (c + 1) * rows >= items.count
                line += isLast ? item : item + String(repeating: " ", count: max(0, column - item.count))
                c += 1
            }
            out += line + "\n"
        }
        return out
    }
}
