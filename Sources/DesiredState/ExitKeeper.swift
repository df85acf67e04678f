/// Values a short-lived process keeps until it exits instead of freeing them: `dls plan` and `dls
/// apply` exit right after their report, and freeing a read state, a document and a plan of a
/// thousand objects one allocation at a time is work nobody needs (the kernel takes the whole heap
/// back at exit). Off unless the process turns it on, so an embedder's values are freed as usual.
public enum ExitKeeper {
    nonisolated(unsafe) public static var enabled = false
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` alive until the process exits, when enabled.
    public static func keep(_ value: Any) {
        if enabled { kept.append(value) }
    }
}
