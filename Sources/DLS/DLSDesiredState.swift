@_exported import DesiredState
import DevlinkCommands
import DevlinkEmulator
import DLSLanguage
import Glibc
import OrderedCollections

/// Desired state for embedders and the CLI (`dls snapshot`, `plan`, `apply`; docs/desired-state.md):
/// the engine's session read as a document, a document planned against it, a plan applied as one
/// transaction on the engine's own transactions (so it nests inside a script's `transaction { }`).
extension DLSEngine {
    /// The session's state as a desired-state document.
    public func desiredStateSnapshot() throws(DLSError) -> DesiredDocument {
        do {
            return try Snapshot.take(session)
        } catch {
            throw DLSError("cannot read the state: \(error)")
        }
    }

    /// The steps from the current state to `document`.
    public func desiredStatePlan(_ document: DesiredDocument) throws(DLSError) -> Plan {
        let observed: ObservedState
        do {
            observed = try ObservedState.read(session, for: document)
        } catch {
            throw DLSError("cannot read the state: \(error)")
        }
        ExitKeeper.keep(observed)
        do {
            return try Planner.plan(document, against: observed)
        } catch {
            throw DLSError(error.description)
        }
    }

    /// The current state as a document and the steps from it to `document`, from one read of the
    /// session (on the kernel every read is a round of dumps).
    public func desiredStatePlanWithSnapshot(_ document: DesiredDocument) throws(DLSError) -> (before: DesiredDocument, plan: Plan) {
        let observed: ObservedState
        do {
            observed = try ObservedState.read(session)
        } catch {
            throw DLSError("cannot read the state: \(error)")
        }
        do {
            return (Snapshot.document(observed), try Planner.plan(document, against: observed))
        } catch {
            throw DLSError(error.description)
        }
    }

    /// Runs `plan` as one transaction (a failure rolls every step back). `waitTimeout`: seconds each
    /// wait for asynchronous driver work may take.
    public func desiredStateApply(_ plan: Plan, waitTimeout: Double = DriverRules.defaultWaitTimeout) -> ApplyReport {
        Applier(session: session, transactions: host.devlink.transactions, waitTimeout: waitTimeout).apply(plan)
    }

    /// What `plan` leads to, tried on a copy: the emulator's own state (put back exactly afterwards),
    /// or for another backend (the kernel) a rehearsal, an emulator started with the box's devices
    /// (`snapshot --topology`) and brought to `before` (the box's snapshot; read again when nil). Nil
    /// when the copy cannot be made or refuses a step.
    public func desiredStateOutcome(_ plan: Plan, before: DesiredDocument? = nil) -> DesiredDocument? {
        if let emulator = session as? EmulatedSession {
            let saved = emulator.snapshot()
            defer { emulator.restore(saved) }
            let report = Applier(session: emulator).apply(plan)
            guard !report.failed else { return nil }
            return try? Snapshot.take(emulator)
        }
        do throws(DLSError) {
            let state: DesiredDocument
            if let before { state = before } else { state = try desiredStateSnapshot() }
            let rehearsal: EmulatedSession
            do {
                rehearsal = try EmulatedSession(topology: try deviceTopology(), eventsFromOpen: false)
            } catch {
                return nil
            }
            try TopologyState.apply(state, to: rehearsal)
            guard !Applier(session: rehearsal).apply(plan).failed else { return nil }
            return try? Snapshot.take(rehearsal)
        } catch {
            return nil
        }
    }

    /// A desired-state FILE: JSON, or a `.dls` script whose top-level `return` is the document (a
    /// map). `path` "-" reads JSON from `standardInput`.
    public func loadDesiredState(path: String, standardInput: String? = nil) throws(DLSError) -> DesiredDocument {
        if path.hasSuffix(".dls") {
            let source: String
            switch DLSSourceFile.contents(of: path) {
            case .success(let text): source = text
            case .failure(let failure): throw DLSError("cannot read '\(path)': \(failure.reason)")
            }
            let value = try run(source, file: path)
            guard case .map = value else {
                throw DLSError("\(path): the script must end with `return DOCUMENT` (a map), not \(value.typeName)")
            }
            do {
                return try DocumentDecoder.decode(try Self.tree(bridge.scriptValue(value), path: "$"))
            } catch {
                throw DLSError("\(path): \(error)")
            }
        }
        let text: String
        if path == "-" {
            if let standardInput {
                text = standardInput
            } else {
                switch DLSSourceFile.standardInput() {
                case .success(let read): text = read
                case .failure(let failure): throw DLSError("cannot read standard input: \(failure.reason)")
                }
            }
        } else {
            switch DLSSourceFile.contents(of: path) {
            case .success(let read): text = read
            case .failure(let failure): throw DLSError("cannot read '\(path)': \(failure.reason)")
            }
        }
        do {
            return try DocumentDecoder.decode(text)
        } catch {
            throw DLSError("\(path == "-" ? "<stdin>" : path): \(error)")
        }
    }

    // MARK: builtins

    /// `snapshot()`, `plan(doc)` and `apply(doc)` for scripts.
    func installDesiredStateBuiltins() {
        let functions = [
            // One name, two uses: snapshot(x) freezes a live object (LiveObjects.swift); this
            // definition replaces that builtin, so it keeps doing it.
            NativeFunction("snapshot", arity: 0...1) { [unowned self] args in
                if args.count == 1 { return LiveObjects.freeze(args[0]) }
                do {
                    return Self.value(DocumentEncoder.tree(try Snapshot.take(session)))
                } catch {
                    throw args.error("cannot read the state: \(error)")
                }
            },
            NativeFunction("plan", arity: 1...1) { [unowned self] args in
                let plan = try desiredPlan(args)
                return .list(ListObject(plan.steps.map { .string($0.line) }))
            },
            NativeFunction("apply", arity: 1...1) { [unowned self] args in
                let plan = try desiredPlan(args)
                let report = desiredStateApply(plan)
                if let error = report.error { throw args.error(error) }
                var entries = MapEntries()
                entries[.string("changed")] = .bool(report.changed)
                entries[.string("steps")] = .list(ListObject(plan.steps.map { .string($0.line) }))
                return .map(MapObject(entries))
            },
        ]
        let help = [
            "snapshot": "snapshot(): the devices' state as a desired-state document (docs/desired-state.md); snapshot(VALUE): a frozen copy of VALUE: port, rate, bond and eswitch objects (also inside lists and maps) stop following the device, which objects from commands and queries otherwise do after every command and whenever time passed",
            "plan": "plan(DOC): the steps from the current state to DOC, as `+`/`~`/`-` lines (empty: no changes)",
            "apply": "apply(DOC): makes the state DOC in one transaction; returns {changed, steps}; a refused step rolls back and raises the kernel's error",
        ]
        for function in functions {
            function.help = help[function.name]
            interpreter.define(function)
        }
    }

    private func desiredPlan(_ args: Arguments) throws -> Plan {
        let tree: JSONTree
        do {
            tree = try Self.tree(args[0], path: "$")
        } catch {
            throw args.error("\(error)")
        }
        do {
            let document = try DocumentDecoder.decode(tree)
            return try Planner.plan(document, against: try ObservedState.read(session, for: document))
        } catch let error as DocumentError {
            throw args.error(error.description)
        } catch let error as PlanError {
            throw args.error(error.description)
        }
    }

    /// A script value (a map built by the script, or a host's through the bridge) as a JSON tree.
    static func tree(_ value: Value, path: String) throws(DocumentError) -> JSONTree {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(Int64(number))
        case .float(let number): return .double(number)
        case .string(let text): return .string(text.value)
        case .rate(let rate): return .rate(rate.bytesPerSecond)
        case .cell(let cell): return try tree(cell.value, path: path)
        case .list(let list):
            var out: [JSONTree] = []
            for (index, item) in list.items.enumerated() { out.append(try tree(item, path: path + "[\(index)]")) }
            return .array(out)
        case .map(let map):
            var members: [JSONTree.Member] = []
            for (key, item) in map.entries {
                guard let name = key.stringValue else {
                    throw DocumentError(path: path, message: "map key \(key.value.str) is not a string")
                }
                members.append(JSONTree.Member(name, try tree(item, path: path + "." + name)))
            }
            return .object(members)
        default:
            throw DocumentError(path: path, message: "a \(value.typeName) cannot be part of a document")
        }
    }

    /// A JSON tree as script values (objects are maps in document order).
    static func value(_ tree: JSONTree) -> Value {
        switch tree {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(Int(number))
        case .double(let number): return .float(number)
        case .string(let text): return .string(text)
        case .rate(let bytes): return .rate(Rate(bytesPerSecond: bytes))
        case .array(let items): return .list(ListObject(items.map(value)))
        case .object(let members):
            var entries = MapEntries()
            for member in members { entries[.string(member.key)] = value(member.value) }
            return .map(MapObject(entries))
        }
    }
}

/// `--emulator-state FILE`: an emulator session loaded from FILE when it exists (else from the
/// topology), saved back with `save()` when its state changed.
public final class DLSEmulatorState {
    public let path: String
    public let topology: String
    private let emulator: EmulatedSession
    private let loaded: EmulatorState

    /// The session to give an engine (`DLSEngine(session:output:format:)`).
    public var session: any DeviceSession { emulator }

    public init(emulator word: String, path: String, eventsFromOpen: Bool = true) throws(DLSError) {
        self.path = path
        topology = word
        let stored: EmulatorState?
        do {
            stored = try EmulatorStateFile.load(path: path, topology: word)
        } catch {
            throw DLSError.backend("--emulator-state: \(error.description)")
        }
        if let stored {
            emulator = EmulatedSession(state: stored)
        } else {
            guard let opened = try DLSBackend.emulator(word).open(eventsFromOpen: eventsFromOpen) as? EmulatedSession else {
                throw DLSError.backend("--emulator-state needs the emulator")
            }
            emulator = opened
        }
        loaded = emulator.snapshot()
    }

    /// Whether the state differs from what was loaded.
    public var changed: Bool { emulator.snapshot() != loaded }

    /// Writes the state back when it changed (a read-only run leaves the file, or its absence, alone).
    public func save() throws(DLSError) {
        guard changed else { return }
        do {
            try EmulatorStateFile.save(emulator.snapshot(), topology: topology, path: path)
        } catch {
            throw DLSError("--emulator-state: \(error.description)")
        }
    }
}
