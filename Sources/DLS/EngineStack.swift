import CStackSwitch
import DLSLanguage

/// The big stack an engine runs scripts on. The interpreter recurses natively, so a thread's
/// default stack is far too small; switching stacks on the caller's thread (rather than handing
/// the run to another thread) means native functions and command handlers run on the host's own
/// thread: a closure written in main-actor code stays on the main thread.
final class EngineStack {
    private var stack: OpaquePointer?
    private var reserved = false

    deinit { dls_stack_destroy(stack) }

    /// Runs `body` on the big stack and returns when it is done.
    func run(_ body: () -> Void) {
        if !reserved {
            reserved = true
            stack = dls_stack_create(LargeStack.defaultSize)
        }
        withoutActuallyEscaping(body) { body in
            let work = Work(body)
            let context = Unmanaged.passUnretained(work).toOpaque()
            let switched = dls_stack_run(stack, { raw in
                guard let raw else { return }
                Unmanaged<Work>.fromOpaque(raw).takeUnretainedValue().body()
            }, context)
            // No stack could be reserved or switched to: a helper thread with a big stack will do.
            if switched != 0 { LargeStack.run(work.body) }
            withExtendedLifetime(work) {}
        }
    }

    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}
