import DevlinkModel

/// One step of a plan: a devlink command line and the typed request it sends.
public struct PlanStep: Equatable, Sendable {
    public enum Op: String, Sendable {
        case create = "+"
        case change = "~"
        case delete = "-"
    }

    public var op: Op
    /// The command line, as a `devlink -b` batch line (a port or VF the plan creates itself shows as
    /// `DEV/{sf/88}`, since the driver picks its index when the step runs).
    public var command: String
    /// For a change: the old and new values (`mode legacy → switchdev`).
    public var change: String?
    var action: StepAction
    /// What must be true before the next step runs (asynchronous driver work).
    var wait: WaitCondition?
    /// A `port add` of an SF this plan deleted: the driver frees the sfnum asynchronously (the vhca
    /// event after mlx5_sf_hw_table_sf_deferred_free), so EEXIST is retried until the wait times out.
    var retryWhileExists = false

    /// `+ port add ...`, `~ dev eswitch set ... (mode legacy → switchdev)`.
    public var line: String {
        var text = ""
        appendLine(to: &text)
        return text
    }

    /// `line` added to `text` (plan and apply reports write one string for all their lines).
    public func appendLine(to text: inout String) {
        text += op.rawValue
        text += " "
        text += command
        if let change {
            text += "   ("
            text += change
            text += ")"
        }
    }
}

/// The typed request of a step. Ports are named by key and resolved when the step runs.
enum StepAction: Equatable, Sendable {
    case eswitch(DeviceHandle, EswitchChanges)
    case numVFs(DeviceHandle, UInt32)
    case param(DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode)
    case addPort(PortAddRequest, PortKey)
    case deletePort(DeviceHandle, PortKey)
    case function(DeviceHandle, PortKey, PortFunctionChanges)
    case addNode(RateHandle, RateChanges)
    case setNode(RateHandle, RateChanges)
    case setLeaf(DeviceHandle, PortKey, RateChanges)
    case deleteNode(RateHandle)
    /// A param of an SF's own devlink instance, found through the SF port's nested devlink.
    case sfParam(DeviceHandle, PortKey, name: String, value: ParamValue, cmode: ParamCMode)
    /// `dev reload` (driver_reinit) of an SF's instance, for its driverinit params to take effect.
    case sfReload(DeviceHandle, PortKey)
    case createBond(String, BondConfig)
    case changeBond(String, BondConfig)
    case deleteBond(String)
    case enslave(slave: String, bond: String)
    case release(slave: String)
}

/// Asynchronous results a later step depends on.
enum WaitCondition: Equatable, Sendable {
    case opstate(DeviceHandle, PortKey, FunctionOpState)
    /// The hardware LAG of the bond's card is active (where the session can see it: the emulator).
    case lag(bond: String)
}

public struct Plan: Equatable, Sendable {
    public var steps: [PlanStep]
    /// The ports the plan's read found, for an apply on the same session (not part of equality).
    var ports: KnownPorts?

    public var isEmpty: Bool { steps.isEmpty }

    public static func == (lhs: Plan, rhs: Plan) -> Bool { lhs.steps == rhs.steps }

    /// The plan as `dls plan` prints it: one line per step, or exactly `No changes.`.
    public var text: String {
        guard !steps.isEmpty else { return "No changes.\n" }
        var text = ""
        for step in steps {
            step.appendLine(to: &text)
            text += "\n"
        }
        return text
    }
}

/// A document that cannot be planned against this state (a device that does not exist, a leaf for a
/// port the document does not create, a change that would delete objects the document does not list).
public struct PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Port handles by device and key as a state read found them, and the session it read: an apply on
/// that session starts its port lookups from them instead of listing every port again.
struct KnownPorts: Sendable {
    let source: SessionLink
    let handles: [DeviceHandle: [PortKey: PortHandle]]
}

/// The session a state was read from, held weakly: a plan that outlives its session never lends
/// its handles to another one that took its place.
final class SessionLink: @unchecked Sendable {
    private(set) weak var session: DeviceSession?

    init(_ session: DeviceSession) { self.session = session }
}
