import Glibc

/// Runs work on a thread with a big stack: the tree-walking interpreter recurses natively for
/// nested calls, and the call-depth limit must trip long before the stack runs out.
public enum LargeStack {
    public static let defaultSize = 1 << 30

    public static func run(stackSize: Int = defaultSize, _ body: @escaping () -> Void) {
        final class Work {
            let body: () -> Void
            init(_ body: @escaping () -> Void) { self.body = body }
        }
        let work = Unmanaged.passRetained(Work(body))
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        var thread = pthread_t()
        let rc = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, work.toOpaque())
        if rc != 0 {
            // No thread (resource limits): run here with the normal stack.
            work.takeRetainedValue().body()
            return
        }
        pthread_join(thread, nil)
    }
}
