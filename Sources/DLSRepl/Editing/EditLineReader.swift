import CEditIntr
import CLibEdit
import FoundationEssentials
import Glibc

/// Line editing on a terminal through libedit: emacs keys, `~/.editrc`, UTF-8, history with Up/Down
/// and Ctrl-R, Tab completion, and Ctrl-C that cancels the line (see CEditIntr for the reader).
public final class EditLineReader: LineReader {
    public var isInteractive: Bool { true }

    /// Computes completions for the text before the cursor; set by the REPL (it knows open blocks).
    public var completer: ((String) -> Completion)? {
        get { state.completer }
        set { state.completer = newValue }
    }

    /// Called every `idleInterval` ms while the prompt waits for a key; it must not print (the line
    /// being edited stays as it is). The REPL lets the emulator's driver work run from it.
    public var idle: (() -> Void)? {
        get { state.idle }
        set {
            state.idle = newValue
            dls_intr_set_idle(newValue == nil ? nil : { el in EditLineReader.state(of: el)?.idle?() },
                              newValue == nil ? 0 : Self.idleInterval)
        }
    }

    /// Often enough that work due at a time completes within 50 ms of it at the prompt; rare enough to
    /// cost nothing (the tick is a clock read when nothing is pending).
    public static let idleInterval: Int32 = 50

    private let editor: OpaquePointer
    private let libeditHistory: OpaquePointer
    private let state = EditorState()
    private var store: HistoryStore
    private let historyURL: URL?

    /// Fails only if libedit cannot set up the terminal; callers then fall back to `PlainLineReader`.
    public init?(programName: String = "dls", historyURL: URL?, historyLimit: Int = HistoryStore.defaultLimit) {
        shim_setlocale_ctype()  // before el_init, or multibyte input arrives truncated
        guard let el = shim_el_init(programName) else { return nil }
        guard let hist = history_init() else {
            el_end(el)
            return nil
        }
        editor = el
        libeditHistory = hist
        self.historyURL = historyURL
        store = (historyURL.flatMap { try? HistoryStore.load(from: $0, limit: historyLimit) })
            ?? HistoryStore(limit: historyLimit)

        // libedit's default size is 0: without H_SETSIZE nothing is ever stored.
        _ = shim_hist_setsize(hist, Int32(max(1, historyLimit)))
        _ = shim_hist_setunique(hist, 1)
        for entry in store.entries { _ = shim_hist_enter(hist, entry) }

        _ = shim_el_set_clientdata(el, Unmanaged.passUnretained(state).toOpaque())
        _ = shim_el_set_editor(el, "emacs")
        _ = shim_el_set_signal(el, 1)
        _ = shim_el_set_hist(el, hist)
        _ = shim_el_set_prompt(el) { el in EditLineReader.promptCallback(el) }
        _ = shim_el_addfn(el, "dls-complete", "Complete the word at the cursor") { el, _ in
            EditLineReader.completeCallback(el)
        }
        _ = shim_el_bind(el, "^I", "dls-complete")
        _ = shim_el_bind(el, "^R", "em-inc-search-prev")
        Interrupts.install()
        _ = dls_intr_attach_reader(el)
        _ = el_source(el, nil)  // ~/.editrc last, so the user's bindings win
    }

    deinit {
        if state.idle != nil { dls_intr_set_idle(nil, 0) }
        el_end(editor)
        history_end(libeditHistory)
    }

    public func readLine(prompt: String) -> LineInput {
        state.setPrompt(prompt)
        _ = Interrupts.take()  // a Ctrl-C from before this prompt was already acted on
        _ = shim_el_prep_term(editor, 1)  // raw mode before the prompt shows: no early keys lost
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editor, &count) else {
            // Decide by errno/flag, never by count: count is 0 on Ctrl-C inside a Ctrl-R search.
            let interrupted = errno == EINTR || Interrupts.isPending
            if interrupted {
                _ = Interrupts.take()
                shim_out("^C\n")
                return .interrupted
            }
            shim_out("\n")
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public func addHistory(_ entry: String) {
        let existed = store.entries.contains(HistoryStore.normalized(entry))
        guard store.add(entry) else { return }
        appendToFile(entry)
        if existed {
            // A duplicate moved to the end: rebuild libedit's list so Up sees one copy.
            _ = shim_hist_clear(libeditHistory)
            for e in store.entries { _ = shim_hist_enter(libeditHistory, e) }
        } else {
            _ = shim_hist_enter(libeditHistory, store.entries.last ?? entry)
        }
    }

    public func saveHistory() {
        guard let url = historyURL, !historyFailed else { return }
        do {
            try store.save(to: url)
        } catch {
            Paths.writeError("dls: cannot save history to \(url.path): \(Self.reason(error))\n")
        }
    }

    /// Set after the first failed write: one line about it, not one per entry.
    private var historyFailed = false

    private func appendToFile(_ entry: String) {
        guard let url = historyURL, !historyFailed else { return }
        do {
            try HistoryStore.append(entry, to: url)
        } catch {
            historyFailed = true
            Paths.writeError("dls: history is not kept: cannot write \(url.path): \(Self.reason(error))\n")
        }
    }

    /// strerror's text for a POSIX error, not the error value's dump.
    static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let cocoa = error as? CocoaError, let underlying = cocoa.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        return "\(error)"
    }

    // MARK: callbacks (non-capturing: state arrives through EL_CLIENTDATA)

    private static func state(of el: OpaquePointer?) -> EditorState? {
        guard let el, let raw = shim_el_get_clientdata(el) else { return nil }
        return Unmanaged<EditorState>.fromOpaque(raw).takeUnretainedValue()
    }

    private static func promptCallback(_ el: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
        state(of: el)?.prompt
    }

    private static func completeCallback(_ el: OpaquePointer?) -> UInt8 {
        guard let el, let state = state(of: el), let completer = state.completer,
              let info = el_line(el)?.pointee, let start = info.buffer, let cursor = info.cursor
        else { return UInt8(CC_ERROR) }
        let length = start.distance(to: cursor)
        let before = start.withMemoryRebound(to: UInt8.self, capacity: max(length, 1)) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        let completion = completer(before)
        switch completion.action {
        case .none:
            return UInt8(CC_REFRESH_BEEP)
        case .insert(let text):
            el_deletestr(el, Int32(completion.fragment.unicodeScalars.count))
            if el_insertstr(el, text) != 0 { return UInt8(CC_REFRESH_BEEP) }
            return UInt8(CC_REFRESH)
        case .list:
            let table = CompletionListFormatter.format(completion.candidates.map(\.display),
                                                       width: Int(shim_term_columns()))
            shim_out("\n" + table)
            return UInt8(CC_REDISPLAY)
        }
    }
}

/// Editor state reachable from C callbacks. Owned by the reader for the whole life of the EditLine.
private final class EditorState {
    var completer: ((String) -> Completion)?
    var idle: (() -> Void)?
    private(set) var prompt: UnsafeMutablePointer<CChar>? = strdup("")

    func setPrompt(_ text: String) {
        free(prompt)
        prompt = strdup(text)  // libedit reads it during el_gets, after this call returns
    }

    deinit { free(prompt) }
}

/// Picks the reader for the current process: libedit when both stdin and stdout are terminals.
public enum LineReaders {
    public static func standard(historyURL: URL? = HistoryLocation.url()) -> LineReader {
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
           let editor = EditLineReader(historyURL: historyURL) {
            return editor
        }
        return PlainLineReader()
    }
}
