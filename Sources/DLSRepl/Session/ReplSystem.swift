import Glibc

/// Small system helpers so the REPL needs no Foundation beyond FoundationEssentials
/// (loading full Foundation added milliseconds to every `dls` start).
enum Paths {
    static var home: String {
        if let h = getenv("HOME") { return String(cString: h) }
        return "/"
    }

    /// `~/x` → `$HOME/x`; other paths unchanged.
    static func expandingTilde(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + String(path.dropFirst(1)) }
        return path
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func writeError(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
    }
}

/// A fire-and-forget thread (pthread, detached).
enum DetachedThread {
    static func start(_ body: @escaping @Sendable () -> Void) {
        final class Work {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        let work = Unmanaged.passRetained(Work(body))
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, work.toOpaque())
        if rc == 0 {
            pthread_detach(thread)
        } else {
            work.release()
        }
    }
}

extension String {
    var trimmedOfWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
