import Glibc

/// One `.dls` file `dls test` runs: the path to open and the short name its report lines use.
struct TestFile {
    /// The path as found (error locations use it, so an editor can open them).
    var path: String
    /// Relative to the directory argument it was found under, or the path as given.
    var displayName: String

    /// The file's directory, for a `topology "x.json"` relative to it.
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return path[..<slash].isEmpty ? "/" : String(path[..<slash])
    }
}

/// Finds `*.dls` files: a file argument is taken as is, a directory is searched recursively (sorted,
/// hidden entries skipped).
enum TestFiles {
    struct NotFound: Error {
        var message: String
    }

    static func find(_ arguments: [String]) throws(NotFound) -> [TestFile] {
        var files: [TestFile] = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0 else {
                throw NotFound(message: "cannot read '\(argument)': \(String(cString: strerror(errno)))")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let root = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
                for relative in search(root, prefix: "") {
                    files.append(TestFile(path: root + "/" + relative, displayName: relative))
                }
            } else {
                files.append(TestFile(path: argument, displayName: argument))
            }
        }
        return files
    }

    private static func search(_ directory: String, prefix: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        var found: [String] = []
        for name in names.sorted() {
            let path = directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                found += search(path, prefix: prefix + name + "/")
            } else if name.hasSuffix(".dls") {
                found.append(prefix + name)
            }
        }
        return found
    }
}
