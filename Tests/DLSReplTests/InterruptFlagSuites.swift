import Testing

/// Every suite that raises, takes or waits on the process-wide Ctrl-C flag (`Interrupts`) nests here.
/// `.serialized` on this parent runs them one at a time: a REPL loop test's `InterruptWatcher` takes
/// the flag, so run in parallel with `InterruptTests` it could swallow the signal that test raised.
@Suite(.serialized) enum InterruptFlagSuites {}
