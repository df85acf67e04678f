import FoundationEssentials
import Glibc
import Synchronization

/// While a chunk runs, turns Ctrl-C (the C flag) into `ReplLanguage.interrupt()`. A helper thread
/// waits on the flag's self-pipe, so the interrupt is forwarded at once, not at the next poll.
final class InterruptWatcher: Sendable {
    private let stopped = Atomic<Bool>(false)
    private let fired = Atomic<Bool>(false)

    /// Runs `body` with the watcher active; returns its result and whether Ctrl-C was pressed.
    static func run<T>(interrupting language: ReplLanguage, _ body: () -> T) -> (T, interrupted: Bool) {
        _ = Interrupts.take()  // a stale Ctrl-C must not cancel the new chunk
        let watcher = InterruptWatcher()
        let target = UncheckedBox(language)
        DetachedThread.start {
            while !watcher.stopped.load(ordering: .acquiring) {
                if Interrupts.sleep(milliseconds: 100), !watcher.stopped.load(ordering: .acquiring) {
                    _ = Interrupts.take()
                    watcher.fired.store(true, ordering: .releasing)
                    target.value.interrupt()
                }
            }
        }
        let result = body()
        // Not joined: the helper notices within one 100 ms wait and exits; it never fires once stopped.
        watcher.stopped.store(true, ordering: .releasing)
        let interrupted = watcher.fired.load(ordering: .acquiring) || Interrupts.take()
        return (result, interrupted)
    }
}

/// Hands the language to the watcher thread. `interrupt()` is the one call made from there, and
/// `ReplLanguage` documents it as callable from another thread.
private final class UncheckedBox: @unchecked Sendable {
    let value: ReplLanguage
    init(_ value: ReplLanguage) { self.value = value }
}
