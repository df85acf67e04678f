import DevlinkCommands
import DevlinkEmulator
import DLSLanguage

/// Runs a script on `session` with the given undo strategy: nil when it succeeded, else the error as
/// the interpreter renders it (the journal tests read "transaction rolled back: ...").
func runJournaled(_ source: String, on session: EmulatedSession, undo: UndoStrategy) -> String? {
    let interpreter = Interpreter(output: CapturedOutput())
    DevlinkHost(session: session, undo: undo).install(in: interpreter)
    do {
        try interpreter.run(source, file: "t.dls")
        return nil
    } catch {
        return interpreter.render(error)
    }
}
