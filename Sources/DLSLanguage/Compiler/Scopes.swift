/// Compile-time view of one function (or the top-level chunk): its block scopes, frame slots and
/// the variables it captures from enclosing functions.
final class FunctionContext {
    let parent: FunctionContext?
    let isChunk: Bool
    let name: String
    var scopes: [[String: Int]] = [[:]]
    var slotCount = 1
    var captures: [CaptureSource] = []
    var captureIndex: [String: Int] = [:]
    var loopDepth = 0

    init(parent: FunctionContext?, isChunk: Bool, name: String) {
        self.parent = parent
        self.isChunk = isChunk
        self.name = name
    }

    /// At the chunk's outermost scope, declarations are globals (they persist across REPL inputs).
    var declaresGlobals: Bool { isChunk && scopes.count == 1 }

    func newSlot(_ name: String) -> Int {
        let slot = slotCount
        slotCount += 1
        scopes[scopes.count - 1][name] = slot
        return slot
    }
}

/// Where a name lives at run time.
enum VariableRef {
    case local(Int)
    case capture(Int)
    case global(Int)
}

extension Compiler {
    func resolve(_ name: String, in context: FunctionContext) -> VariableRef {
        for scope in context.scopes.reversed() {
            if let slot = scope[name] { return .local(slot) }
        }
        if context.isChunk { return .global(globals.slot(for: name)) }
        if let i = context.captureIndex[name] { return .capture(i) }
        guard let parent = context.parent else { return .global(globals.slot(for: name)) }
        let source: CaptureSource
        switch resolve(name, in: parent) {
        case .global(let g): return .global(g)
        case .local(let slot): source = .local(slot)
        case .capture(let i): source = .capture(i)
        }
        let index = context.captures.count
        context.captures.append(source)
        context.captureIndex[name] = index
        return .capture(index)
    }

    /// Declares `name` in the current scope: a global at the chunk's top level, else a new slot.
    func declare(_ name: String) -> VariableRef {
        if context.declaresGlobals { return .global(globals.slot(for: name)) }
        return .local(context.newSlot(name))
    }

    /// Compiles `body` inside a new block scope. Not generic on purpose: a closure returned through
    /// a generic is re-abstracted, and every later call would go through a thunk.
    func inScope(_ body: () -> Exec) -> Exec {
        context.scopes.append([:])
        defer { context.scopes.removeLast() }
        return body()
    }
}
