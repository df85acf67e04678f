import DLS
import Glibc
import Testing

/// State only the main actor may touch, like a host app's model.
@MainActor var mainActorLog: [String] = []

@Suite struct ThreadTests {
    @Test func nativeFunctionsRunOnTheCallersThread() throws {
        let engine = try DLSEngine(output: DLSCapturedOutput())
        let caller = pthread_self()
        var sameThread = false
        engine.define("where", arity: 0) { _ in
            sameThread = pthread_equal(pthread_self(), caller) != 0
            return .null
        }
        try engine.run("where()")
        #expect(sameThread)
    }

    @MainActor @Test func mainActorCallbacksWork() throws {
        let engine = try DLSEngine(output: DLSCapturedOutput())
        engine.define("log", arity: 1) { call in
            mainActorLog.append(try call.argument(0, as: String.self))
            return .null
        }
        try engine.run("for i in 0..<3 { log(\"step ${i}\") }")
        #expect(mainActorLog == ["step 0", "step 1", "step 2"])
    }
}
