import CEditIntr

/// Ctrl-C as seen from Swift: one process-wide flag held by the C target (a signal handler can only
/// touch C state). The REPL installs it; a running interpreter polls `take()` or `isPending`.
public enum Interrupts {
    /// Installs the SIGINT handler. Returns false if the kernel refused (then Ctrl-C kills as usual).
    @discardableResult
    public static func install() -> Bool { dls_intr_install() == 0 }

    public static func uninstall() { dls_intr_uninstall() }

    /// True once per Ctrl-C: reading clears it.
    public static func take() -> Bool { dls_intr_take() != 0 }

    /// True while a Ctrl-C is waiting to be taken.
    public static var isPending: Bool { dls_intr_pending() != 0 }

    /// Acts as if Ctrl-C was pressed.
    public static func raise() { dls_intr_raise() }

    /// Sleeps, waking early on Ctrl-C; returns true if interrupted (the flag stays set for the caller).
    public static func sleep(milliseconds: Int) -> Bool {
        dls_intr_sleep_ms(milliseconds) != 0
    }
}
