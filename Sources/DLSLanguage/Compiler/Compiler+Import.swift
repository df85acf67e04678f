/// `import "PATH" as NAME`: the module is found, read, parsed and compiled here, at compile time,
/// so a missing file, a cycle or an error inside the module is reported before anything runs.
extension Compiler {
    /// Longest chain of files importing each other.
    static let maxImportDepth = 100

    func compileImport(_ decl: ImportDecl, at location: SourceLocation) -> Exec {
        guard context.declaresGlobals else {
            report("'import' belongs at the top level of a file", at: location)
            return { _, _ in .next }
        }
        guard let module = load(decl) else { return { _, _ in .next } }
        let ref = declare(decl.name)
        if case .global(let index) = ref { imports[index] = module }
        let store = storer(ref, name: decl.name, at: location, defining: true)
        let path = decl.path
        return { interp, base in
            try store(interp, base, try interp.instantiate(module, importedAs: path, at: location))
            return .next
        }
    }

    /// `common.f` where `common` is a global this file bound with `import`: the module is compiled
    /// already, so the name's slot in it is known and a read is an identity check and a slot read
    /// instead of a name lookup (a call through a module costs about what a global call does).
    /// If the variable holds something else by then, the general path reads it.
    func compileModuleField(_ object: Expr, _ name: String, at location: SourceLocation) -> Eval? {
        guard case .variable(let variable) = object.kind, case .global(let index) = resolve(variable, in: context),
              let module = imports[index], let slot = module.globals.index[name] else { return nil }
        let load = loader(.global(index), name: variable, at: object.location)
        let what = describe(object)
        let fieldName = constantString(name)
        return { interp, base in
            let value = try load(interp, base)
            if case .object(let box) = value, box.object === module.object, let found = module.exported(at: slot, name) { return found }
            return try Access.field(value, fieldName, at: location, what: what)
        }
    }

    /// The compiled module, or nil after reporting why it cannot be had.
    private func load(_ decl: ImportDecl) -> Module? {
        let at = decl.pathLocation
        let path = Compiler.resolve(decl.path, from: at.file)
        // The file's path or text, or nil after reporting why not (with the path as written).
        func attempt(_ body: () throws(TextFile.Failure) -> String) -> String? {
            do throws(TextFile.Failure) {
                return try body()
            } catch {
                report("cannot import \(Value.quote(decl.path)): \(error.reason)", at: at)
                return nil
            }
        }
        guard let key = attempt({ () throws(TextFile.Failure) in try TextFile.realPath(path) }) else { return nil }
        if let chain = interpreter.modules.compiling.firstIndex(where: { $0.key == key }) {
            let cycle = interpreter.modules.compiling[chain...].map(\.path) + [path]
            report("import cycle: \(cycle.joined(separator: " imports "))", at: at)
            return nil
        }
        if let module = interpreter.modules.loaded[key] { return module }
        guard interpreter.modules.compiling.count < Compiler.maxImportDepth else {
            report("imports nested too deeply (limit \(Compiler.maxImportDepth) files)", at: at)
            return nil
        }
        guard let text = attempt({ () throws(TextFile.Failure) in try TextFile.read(path) }) else { return nil }
        let (program, syntaxErrors) = Parser.parse(text, file: path, commandWords: interpreter.host?.commandWords ?? [])
        interpreter.sources[path] = program.source
        guard syntaxErrors.isEmpty else {
            diagnostics += syntaxErrors
            return nil
        }
        let module = Module(path: path, key: key, builtins: interpreter.builtins)
        interpreter.modules.compiling.append((key, path))
        defer { interpreter.modules.compiling.removeLast() }
        let compiler = Compiler(interpreter: interpreter, globals: module.globals, isModule: true)
        (module.chunk, module.slotCount) = compiler.compileChunk(program.statements, echo: false)
        diagnostics += compiler.diagnostics
        guard compiler.diagnostics.isEmpty else { return nil }
        interpreter.modules.loaded[key] = module
        interpreter.everyModule.append(module)
        return module
    }

    /// `path` as written, relative to the directory of the importing file (a file name without a
    /// directory, or `<command line>`, `<stdin>`, `<repl>`: the current directory).
    static func resolve(_ path: String, from importer: String) -> String {
        if path.hasPrefix("/") || importer.hasPrefix("<") { return path }
        guard let slash = importer.lastIndex(of: "/") else { return path }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return String(importer[...slash]) + relative
    }
}
