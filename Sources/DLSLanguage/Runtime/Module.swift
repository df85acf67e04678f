/// A file loaded by `import`: parsed and compiled when the importing file is compiled (so syntax
/// errors, missing files and cycles are found before anything runs, and by `dls check`), run at its
/// first import, and shared by every file of the run that imports it.
final class Module {
    /// The path it was opened by: the importing file's directory joined with the path as written.
    let path: String
    /// The file's identity (its real path), so two spellings of one file load it once.
    let key: String
    /// Its own top-level names: builtins, then what it defines. It cannot see its importer's.
    let globals = Globals()
    /// The builtins as copied in, to tell them from the names the module defines.
    let builtins: [String: NativeFunction]
    var chunk: Exec = { _, _ in .next }
    var slotCount = 1
    /// Set once its top level has run.
    var object: ModuleObject?

    init(path: String, key: String, builtins: [String: NativeFunction]) {
        self.path = path
        self.key = key
        self.builtins = builtins
        // Sorted: slot order is the order `fieldNames` lists, and must not depend on hashing.
        for (name, function) in builtins.sorted(by: { $0.key < $1.key }) { globals[globals.slot(for: name)] = .native(function) }
    }

    /// What `NAME.` reaches: the names the module defined (a builtin it redefined counts).
    var exportedNames: [String] { globals.definedNames.filter { exported($0) != nil } }

    /// The value of a name the module defined; nil for the builtins it was given and unknown names.
    func exported(_ name: String) -> Value? {
        guard let slot = globals.index[name] else { return nil }
        return exported(at: slot, name)
    }

    /// The same, for the name's slot.
    @inline(__always)
    func exported(at slot: Int, _ name: String) -> Value? {
        guard let value = globals[slot] else { return nil }
        if case .native(let n) = value, n === builtins[name] { return nil }
        return value
    }
}

/// The modules of one run (`Interpreter.run`): each file once, and the chain being compiled, to
/// report a cycle.
struct ModuleTable {
    var loaded: [String: Module] = [:]
    /// Files being compiled, outermost first (the running file, then its imports in progress).
    var compiling: [(key: String, path: String)] = []
}

/// A module as a value: `common.sf_mac(7)` reads its names; they cannot be assigned from outside.
public final class ModuleObject: HostObject {
    let module: Module

    init(_ module: Module) { self.module = module }

    public var path: String { module.path }
    public var typeName: String { "module" }
    public var fieldNames: [String] { module.exportedNames }

    public func field(_ name: String) -> Value? { module.exported(name) }

    public var displayText: String { "<module \(module.path)>" }

    /// Its data (functions left out), for `json()`.
    public var jsonValue: Value {
        let map = MapObject()
        for name in fieldNames {
            guard let value = field(name) else { continue }
            switch value {
            case .function, .native: continue
            case .object(let box) where box.object is ModuleObject: continue
            default: map.entries[.string(name)] = value
            }
        }
        return .map(map)
    }
}

extension Interpreter {
    /// Runs a module's top level at its first import; later imports get the same module value.
    func instantiate(_ module: Module, importedAs path: String, at location: SourceLocation) throws -> Value {
        if let object = module.object { return .object(object) }
        let frame = try pushFrame(module.slotCount, at: location)
        defer { popFrame(frame, module.slotCount) }
        do {
            _ = try module.chunk(self, frame)
        } catch var error as RuntimeError {
            error.stack.append(.init(function: "import \"\(path)\"", callSite: location))
            throw error
        }
        let object = ModuleObject(module)
        module.object = object
        return .object(object)
    }
}
