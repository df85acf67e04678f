import DevlinkCommands
import DevlinkModel
import Glibc

/// What happened to one step of an applied plan.
public struct StepResult: Equatable, Sendable {
    public enum Outcome: String, Sendable {
        case planned
        case ok
        case failed
        /// Done, then undone because a later step failed.
        case rolledBack = "rolled back"
        /// Not reached.
        case skipped
    }

    public var step: PlanStep
    public var outcome: Outcome
    /// For the failed step: devlink's report of the kernel's answer (`Error: ...` / `kernel answers: ...`).
    public var error: String?
}

public struct ApplyReport: Equatable, Sendable {
    public var results: [StepResult]
    /// The failing step's index, if any.
    public var failedStep: Int?
    /// One line: which step failed and the kernel's text.
    public var error: String?
    /// Rollback steps that could not be undone (empty when the state is back as it was).
    public var rollbackProblems: [String] = []

    public var failed: Bool { failedStep != nil }
    public var changed: Bool { !failed && !results.isEmpty }
}

/// Runs a plan as one transaction: on the emulator a snapshot, on the kernel a journal of inverse
/// requests (the same machinery as `transaction { }`). A step that fails rolls every earlier one back.
/// After a step with a wait condition (SF attached/detached), the next step runs only once the
/// condition holds, polling with `settle()` up to `waitTimeout` seconds.
public final class Applier {
    let session: DeviceSession
    let transactions: SessionTransactions
    public var waitTimeout: Double
    /// Port handles by key, per device, read when first needed and after changes that renumber ports.
    private var portCache: [DeviceHandle: [PortKey: PortHandle]] = [:]
    /// The SFs whose instance this apply reloaded, in order.
    private var reloaded: [(DeviceHandle, PortKey)] = []

    public init(session: DeviceSession, transactions: SessionTransactions? = nil,
                waitTimeout: Double = DriverRules.defaultWaitTimeout) {
        self.session = session
        self.transactions = transactions ?? UndoStrategy.automatic.transactions(for: session)
        self.waitTimeout = waitTimeout
    }

    public func apply(_ plan: Plan) -> ApplyReport {
        guard !plan.isEmpty else { return ApplyReport(results: []) }
        reloaded = []
        if let known = plan.ports, known.source.session === session { portCache = known.handles }
        let token = transactions.begin()
        let target = transactions.session
        var results = plan.steps.map { StepResult(step: $0, outcome: .skipped) }
        for (index, step) in plan.steps.enumerated() {
            do {
                try run(step, on: target)
                if let wait = step.wait { try waitFor(wait, on: target) }
                results[index].outcome = .ok
            } catch {
                let text = Self.describe(error)
                results[index].outcome = .failed
                results[index].error = text
                for done in 0..<index { results[done].outcome = .rolledBack }
                portCache = [:]
                let problems = reloadAgain(after: transactions.rollback(token))
                let summary = "step \(index + 1) failed: \(step.command): " + text.replacingOccurrences("\n", "; ")
                return ApplyReport(results: results, failedStep: index, error: summary, rollbackProblems: problems)
            }
        }
        do {
            try transactions.commit(token)
        } catch {
            return ApplyReport(results: results, failedStep: plan.steps.count - 1, error: "cannot commit: \(error)")
        }
        return ApplyReport(results: results)
    }

    /// devlink's two lines for a kernel error; the text of anything else.
    static func describe(_ error: Error) -> String {
        if let devlink = error as? DevlinkError {
            // iproute2's report (FailureReport): the extack with a period appended, then strerror.
            var lines: [String] = []
            if let message = devlink.message, !message.isEmpty {
                lines.append("Error: " + message + (message.hasSuffix(".") ? "" : "."))
            }
            lines.append("kernel answers: " + devlink.errno.message)
            return lines.joined(separator: "\n")
        }
        if let wait = error as? WaitTimeout { return wait.message }
        return "\(error)"
    }

    struct WaitTimeout: Error {
        var message: String
    }

    // MARK: running one step

    private func run(_ step: PlanStep, on target: DeviceSession) throws {
        switch step.action {
        case .eswitch(let device, let changes):
            try target.setEswitch(device, changes)
            portCache[device] = nil
        case .numVFs(let device, let count):
            try target.setSriovNumVFs(device, count)
            portCache[device] = nil
        case .param(let device, let name, let value, let cmode):
            try target.setParam(device, name: name, value: value, cmode: cmode)
        case .addPort(let request, let key):
            let port = try addPort(request, retry: step.retryWhileExists, on: target)
            portCache[request.device, default: [:]][key] = port.handle
        case .deletePort(let device, let key):
            try target.deletePort(try handle(device, key, on: target))
            portCache[device]?[key] = nil
        case .function(let device, let key, let changes):
            try target.setPortFunction(try handle(device, key, on: target), changes)
        case .addNode(let handle, let changes):
            try target.addRateNode(handle, changes)
        case .setNode(let handle, let changes):
            try target.setRate(handle, changes)
        case .setLeaf(let device, let key, let changes):
            try target.setRate(.leaf(try handle(device, key, on: target)), changes)
        case .deleteNode(let handle):
            try target.deleteRateNode(handle)
        case .sfParam(let device, let key, let name, let value, let cmode):
            try target.setParam(try sfDevice(device, key, on: target), name: name, value: value, cmode: cmode)
        case .sfReload(let device, let key):
            _ = try target.perform(ReloadDevice(try sfDevice(device, key, on: target), action: .driverReinit))
            reloaded.append((device, key))
        case .createBond(let name, let config):
            try links(target).createBond(name: name, config: config)
        case .changeBond(let name, let config):
            try links(target).changeBond(name: name, config: config)
        case .deleteBond(let name):
            try links(target).deleteLink(named: name)
        case .enslave(let slave, let bond):
            // The kernel enslaves only interfaces that are down (bond_enslave); enslaving opens it again.
            try links(target).setLink(slave, up: false)
            _ = try links(target).enslave(slave, to: bond)
        case .release(let slave):
            try links(target).release(slave)
        }
    }

    /// A journal cannot undo a reload and says so in the rollback's problems; the emulator's snapshot
    /// undoes it and says nothing. Once the rollback has set an SF instance's driverinit params back,
    /// reloading the instance again loads them, which undoes the reload; an SF the rollback deleted took
    /// its instance with it, and an inactive one has none. What is still not undone stays reported.
    private func reloadAgain(after problems: [String]) -> [String] {
        var problems = problems
        for (device, key) in reloaded.reversed() {
            guard let index = problems.firstIndex(where: { $0.hasPrefix(ReloadDevice.command + " ") }) else { break }
            do {
                if let port = try session.ports(of: device).first(where: { ObservedState.key(of: $0) == key }),
                   let instance = port.function?.nestedDevlink {
                    _ = try session.perform(ReloadDevice(instance, action: .driverReinit))
                }
                problems.remove(at: index)
            } catch {
                problems[index] += "; reloading \(device)/{\(key)} again after the rollback failed: "
                    + Self.describe(error).replacingOccurrences("\n", "; ")
            }
        }
        reloaded = []
        return problems
    }

    private func links(_ target: DeviceSession) throws -> LinkSession {
        guard let links = target.linkSession else { throw DevlinkError(.EOPNOTSUPP, "this session has no bonds") }
        return links
    }

    /// `port add`; for an SF this plan deleted, EEXIST is retried while the driver frees the sfnum.
    private func addPort(_ request: PortAddRequest, retry: Bool, on target: DeviceSession) throws -> Port {
        let deadline = Self.now() + waitTimeout
        while true {
            do {
                return try target.addPort(request)
            } catch let error as DevlinkError where retry && error.errno == .EEXIST {
                let more = try target.settle()
                if !more {
                    // The session says nothing is pending: one last try decides.
                    return try target.addPort(request)
                }
                if Self.now() > deadline { throw error }
            }
        }
    }

    private func handle(_ device: DeviceHandle, _ key: PortKey, on target: DeviceSession) throws -> PortHandle {
        if let known = portCache[device]?[key] { return known }
        var map: [PortKey: PortHandle] = [:]
        for port in try target.ports(of: device) {
            if let portKey = ObservedState.key(of: port) { map[portKey] = port.handle }
        }
        portCache[device] = map
        guard let found = map[key] else { throw DevlinkError(.ENODEV, "no port \(key) on \(device)") }
        return found
    }

    /// The SF's own instance, named by its port's function (nested devlink): the SF's driver registers
    /// it after the attach (mlx5_sf_dev_probe, then mlx5_sf_peer_devlink_set), so it is waited for.
    private func sfDevice(_ device: DeviceHandle, _ key: PortKey, on target: DeviceSession) throws -> DeviceHandle {
        let port = try handle(device, key, on: target)
        let deadline = Self.now() + waitTimeout
        while true {
            if let nested = try target.port(port).function?.nestedDevlink { return nested }
            let more = try target.settle()
            if let nested = try target.port(port).function?.nestedDevlink { return nested }
            if !more || Self.now() > deadline {
                throw WaitTimeout(message: "\(device)/{\(key)} shows no devlink instance of its own (nested devlink) "
                                  + "within \(Int(waitTimeout)) s")
            }
        }
    }

    private func waitFor(_ condition: WaitCondition, on target: DeviceSession) throws {
        let deadline = Self.now() + waitTimeout
        switch condition {
        case .lag(let name):
            guard let links = target.linkSession else { return }
            while true {
                // No hardware LAG to see (the kernel shows it only in debugfs; a card without LAG):
                // nothing to wait for. Inactive with nothing pending: the driver decided (its reason
                // is in `lag show`), which the bond's configuration accepted.
                guard let lag = try links.bond(named: name).hardwareLag, !lag.isActive else { return }
                guard try target.settle() else { return }
                if Self.now() > deadline {
                    throw WaitTimeout(message: "the hardware LAG of \(name) did not come up within \(Int(waitTimeout)) s")
                }
            }
        case .opstate(let device, let key, let opstate):
            let port = try handle(device, key, on: target)
            while try target.port(port).function?.opstate != opstate {
                let more = try target.settle()
                let reached = try target.port(port).function?.opstate == opstate
                if reached { break }
                if !more || Self.now() > deadline {
                    throw WaitTimeout(message: "\(device)/{\(key)} did not reach opstate \(opstate.name) within "
                                      + "\(Int(waitTimeout)) s")
                }
            }
        }
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
