import DLSLanguage

/// Size limits low enough that a script within them cannot exhaust the fuzzer's memory budget
/// (the defaults allow a 1 GiB string); going past them must still be a clean error.
enum FuzzLimits {
    static func install() {
        Limits.maxStringBytes = 1 << 20
        Limits.maxListItems = 100_000
        Limits.maxFileBytes = 1 << 20
    }
}
