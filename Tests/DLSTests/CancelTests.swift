import DLS
import Glibc
import Synchronization
import Testing

@Suite struct CancelTests {
    @Test func anotherThreadCancelsARunawayLoop() throws {
        let output = DLSCapturedOutput()
        let engine = try DLSEngine(output: output)
        let started = Atomic<Bool>(false)
        engine.define("started", arity: 0) { _ in
            started.store(true, ordering: .releasing)
            return .null
        }
        let handle = engine.cancelHandle
        let watchdog = Thread {
            while !started.load(ordering: .acquiring) { usleepShort() }
            handle.cancel()
        }
        watchdog.start()
        let error = #expect(throws: DLSError.self) { try engine.run("started()\nlet i = 0\nwhile true { i += 1 }", file: "loop.dls") }
        #expect(error?.kind == .cancelled)
        #expect(error?.location?.line == 3)
        // The engine keeps working after a cancel, with its globals.
        #expect(try engine.evaluate("i > 0") == true)
    }
}

/// A tiny sleep without Foundation's Thread.sleep.
func usleepShort() {
    var request = timespec(tv_sec: 0, tv_nsec: 1_000_000)
    nanosleep(&request, nil)
}

/// A detached pthread running a closure (the test must not block the run it cancels).
final class Thread: @unchecked Sendable {
    private let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }

    func start() {
        let box = Unmanaged.passRetained(self)
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<Thread>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, box.toOpaque())
        if rc == 0 { pthread_detach(thread) } else { box.release() }
    }
}
