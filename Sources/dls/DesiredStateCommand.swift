import DLS
import Glibc

/// `dls snapshot`, `dls plan FILE`, `dls apply FILE`, `dls persist FILE` (docs/desired-state.md),
/// parsed by hand: the backend options come before the subcommand (`dls --emulator=mlx5
/// --emulator-state st.json plan want.json --json`, as the dls.devlink Ansible module calls it), which
/// ArgumentParser's default-subcommand layout cannot read.
struct DesiredStateCommand: Equatable {
    static let names = ["snapshot", "plan", "apply", "persist"]

    /// `dls plan`'s status when there are changes to make (0: none, 1: error, 2: usage).
    static let changesPending: Int32 = 3

    var command = ""
    var file: String?
    var json = false
    var topology = false
    var install = false
    var unitDirectory: String?
    var emulator: String?
    var netlink = false
    var stateFile: String?
    var timeout: Double?

    enum Parsed: Equatable {
        case notOurs
        case usage(String)
        case help(String)
        case run(DesiredStateCommand)
    }

    static func parse(_ arguments: [String]) -> Parsed {
        var parsed = DesiredStateCommand()
        var i = 0
        func value(_ name: String, _ inline: String?) -> String? {
            if let inline { return inline }
            guard i + 1 < arguments.count else { return nil }
            i += 1
            return arguments[i]
        }
        while i < arguments.count {
            let word = arguments[i]
            var name = word
            var inline: String?
            if word.hasPrefix("--"), let eq = word.firstIndex(of: "=") {
                name = String(word[..<eq])
                inline = String(word[word.index(after: eq)...])
            }
            let started = !parsed.command.isEmpty
            switch name {
            case "--emulator":
                guard let v = value(name, inline) else { return started ? .usage("--emulator needs a topology") : .notOurs }
                parsed.emulator = v
            case "--netlink": parsed.netlink = true
            case "--emulator-state":
                guard let v = value(name, inline) else { return started ? .usage("--emulator-state needs a FILE") : .notOurs }
                parsed.stateFile = v
            case "-j", "--json": parsed.json = true
            case "--topology" where started: parsed.topology = true
            case "--install" where started: parsed.install = true
            case "--unit-dir" where started:
                guard let v = value(name, inline) else { return .usage("--unit-dir needs a DIRECTORY") }
                parsed.unitDirectory = v
            case "--timeout" where started:
                guard let v = value(name, inline), let seconds = Double(v), seconds > 0 else {
                    return .usage("--timeout needs a number of seconds > 0")
                }
                parsed.timeout = seconds
            case "-h" where started, "--help" where started:
                return .help(usage)
            default:
                if word.hasPrefix("-") && word != "-" {
                    return started ? .usage("unknown option '\(word)' for \(parsed.command)") : .notOurs
                }
                if !started {
                    guard names.contains(word) else { return .notOurs }
                    parsed.command = word
                } else if parsed.file == nil && parsed.command != "snapshot" {
                    parsed.file = word
                } else {
                    return .usage("unexpected argument '\(word)' for \(parsed.command)")
                }
            }
            i += 1
        }
        if parsed.command.isEmpty { return .notOurs }
        if parsed.command != "snapshot" && parsed.file == nil { return .usage("\(parsed.command) needs a FILE") }
        if parsed.topology && parsed.command != "snapshot" { return .usage("--topology goes with snapshot") }
        if (parsed.install || parsed.unitDirectory != nil) && parsed.command != "persist" {
            return .usage("--install and --unit-dir go with persist")
        }
        if parsed.netlink && (parsed.emulator != nil || parsed.stateFile != nil) {
            return .usage("--netlink cannot be used with --emulator or --emulator-state")
        }
        return .run(parsed)
    }

    static let usage = """
    Usage: dls [--netlink | --emulator[=NAME|FILE.json]] [--emulator-state FILE] snapshot [--topology]
           dls [BACKEND] plan FILE [--json]              exit 0 no changes, 3 changes pending, 1 error, 2 usage
           dls [BACKEND] apply FILE [--json] [--timeout SECONDS]     exit 0 applied (or nothing to do), 1 failed
           dls persist FILE [--install [--unit-dir DIR]]
    FILE is a desired-state document (JSON, - for stdin) or a .dls script that returns one.
    See docs/desired-state.md.

    """

    // MARK: running

    func execute() -> Int32 {
        if command == "persist" { return PersistCommand(file: file ?? "", install: install, unitDirectory: unitDirectory).execute() }
        let output = DLSStandardOutput()
        defer { output.flush() }
        let stateStore: DLSEmulatorState?
        let engine: DLSEngine
        do throws(DLSError) {
            if let stateFile {
                let store = try DLSEmulatorState(emulator: emulator ?? Backend.defaultEmulator, path: stateFile)
                stateStore = store
                engine = DLSEngine(session: store.session, output: output)
            } else {
                stateStore = nil
                do throws(Backend.OpenError) {
                    // No notifications: nothing here shows them, and on the kernel a socket in the
                    // config group has every change's notification composed and queued for it.
                    engine = try Backend.choose(netlink: netlink, emulator: emulator)
                        .engine(output: output, format: .init(), eventsFromOpen: false)
                } catch {
                    return fail("dls: \(error.message)\n", status: 1, output: output)
                }
            }
        } catch {
            return fail("dls: \(error.message)\n", status: 1, output: output)
        }
        ScriptRunner.keptUntilExit = engine
        // The process exits after the report: what plan and apply built is left to the exit.
        ExitKeeper.enabled = true
        let status: Int32
        switch command {
        case "snapshot": status = snapshot(engine, output)
        case "plan": status = plan(engine, output)
        default: status = apply(engine, output)
        }
        // Only apply (and a .dls FILE that changed something) writes the state file: snapshot and
        // plan read (DLSEmulatorState.save writes nothing when the state is unchanged).
        if command == "apply" || (file?.hasSuffix(".dls") ?? false), let stateStore {
            do throws(DLSError) {
                try stateStore.save()
            } catch {
                output.writeError("dls: \(error.message)\n")
                return 1
            }
        }
        return status
    }

    private func fail(_ message: String, status: Int32, output: DLSOutput) -> Int32 {
        if json {
            output.write(JSONTreePrinter.compact(.object([
                .init("changed", .bool(false)), .init("steps", .array([])), .init("failed", .bool(true)),
                .init("error", .string(message.hasPrefix("dls: ") ? String(message.dropFirst(5).dropLast()) : message)),
            ])) + "\n")
        }
        output.writeError(message)
        return status
    }

    private func snapshot(_ engine: DLSEngine, _ output: DLSOutput) -> Int32 {
        do throws(DLSError) {
            if topology {
                output.write(try engine.topologySnapshot())
            } else {
                output.write(DocumentEncoder.encode(try engine.desiredStateSnapshot()))
            }
            return 0
        } catch {
            output.writeError("dls: snapshot: \(error.message)\n")
            return 1
        }
    }

    /// The document and the plan to it, or the failure already reported. `before` (the whole state as
    /// a document) is read only for `--json`, whose report shows it; otherwise only what the plan needs.
    private func prepare(_ engine: DLSEngine, _ output: DLSOutput) -> (DesiredDocument, DesiredDocument?, Plan)? {
        do throws(DLSError) {
            let document = try engine.loadDesiredState(path: file ?? "-")
            guard json else { return (document, nil, try engine.desiredStatePlan(document)) }
            let (before, plan) = try engine.desiredStatePlanWithSnapshot(document)
            return (document, before, plan)
        } catch {
            let message = error.rendered.contains("\n") ? error.rendered : error.message
            _ = fail("dls: \(command): \(message)\n", status: 1, output: output)
            return nil
        }
    }

    private func plan(_ engine: DLSEngine, _ output: DLSOutput) -> Int32 {
        guard let (document, before, plan) = prepare(engine, output) else { return 1 }
        defer { ExitKeeper.keep((document, before, plan)) }
        if json, let before {
            let after = plan.isEmpty ? before : engine.desiredStateOutcome(plan, before: before)
            let steps = plan.steps.map { Self.stepTree($0, result: "planned", error: nil) }
            output.write(JSONTreePrinter.compact(.object([
                .init("changed", .bool(!plan.isEmpty)), .init("steps", .array(steps)), .init("failed", .bool(false)),
                .init("before", DocumentEncoder.tree(before)), .init("after", after.map(DocumentEncoder.tree) ?? .null),
            ])) + "\n")
        } else {
            output.write(plan.text)
        }
        return plan.isEmpty ? 0 : Self.changesPending
    }

    private func apply(_ engine: DLSEngine, _ output: DLSOutput) -> Int32 {
        guard let (document, before, plan) = prepare(engine, output) else { return 1 }
        let report = engine.desiredStateApply(plan, waitTimeout: timeout ?? DriverRules.defaultWaitTimeout)
        defer { ExitKeeper.keep((document, before, plan, report)) }
        if json {
            var members: [JSONTree.Member] = [
                .init("changed", .bool(report.changed)),
                .init("steps", .array(report.results.map { Self.stepTree($0.step, result: $0.outcome.rawValue, error: $0.error) })),
                .init("failed", .bool(report.failed)),
            ]
            if let error = report.error { members.append(.init("error", .string(error))) }
            if !report.rollbackProblems.isEmpty {
                members.append(.init("rollback_problems", .array(report.rollbackProblems.map { .string($0) })))
            }
            members.append(.init("before", before.map(DocumentEncoder.tree) ?? .null))
            let after = report.changed ? (try? engine.desiredStateSnapshot()) : before
            members.append(.init("after", after.map(DocumentEncoder.tree) ?? .null))
            output.write(JSONTreePrinter.compact(.object(members)) + "\n")
        } else if plan.isEmpty {
            output.write("No changes.\n")
        } else {
            var text = ""
            for result in report.results where result.outcome != .skipped {
                result.step.appendLine(to: &text)
                if result.outcome != .ok {
                    text += "   ["
                    text += result.outcome.rawValue
                    text += "]"
                }
                text += "\n"
            }
            if !report.failed { text += "Applied \(plan.steps.count) step\(plan.steps.count == 1 ? "" : "s").\n" }
            output.write(text)
        }
        if let error = report.error {
            var text = "dls: apply: \(error)\n"
            text += report.rollbackProblems.isEmpty ? "dls: apply: every earlier step was rolled back; nothing changed\n"
                : report.rollbackProblems.map { "dls: apply: could not roll back: \($0)\n" }.joined()
            output.writeError(text)
            return 1
        }
        return 0
    }

    static func stepTree(_ step: PlanStep, result: String, error: String?) -> JSONTree {
        var members: [JSONTree.Member] = [.init("op", .string(step.op.rawValue)), .init("command", .string(step.command))]
        if let change = step.change { members.append(.init("change", .string(change))) }
        members.append(.init("result", .string(result)))
        if let error { members.append(.init("error", .string(error))) }
        return .object(members)
    }
}
