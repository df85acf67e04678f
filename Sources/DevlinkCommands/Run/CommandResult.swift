import DevlinkModel

/// What a command produced, before any formatting. Formatters turn it into devlink's text or JSON;
/// `ValueConversion` turns it into dls values.
public enum CommandResult: Sendable {
    case none
    /// `single`: the line named one object (return it, not a list).
    case devices([DeviceHandle], single: Bool)
    case ports([Port], single: Bool)
    case rates([RateObject], single: Bool)
    case eswitch(DeviceHandle, Eswitch)
    case info([DeviceInfo], single: Bool)
    case params([Param], single: Bool)
    /// Usage text (`help`), printed on stderr as devlink does.
    case usage([String])
    /// `lag` / `link` results (bonds, interfaces, firmware log, warnings); see LagResult.swift.
    case lag(LagResult)
    /// `monitor`: the notifications shown, oldest first (already printed if they were streamed).
    case events([DevlinkEvent])
    /// `qos simulate`: the outcome, and the SVG file asked for (written by the runner).
    case rateSimulation(RateSimulation, svgFile: String?)
    /// `qos lint`: what the device's rate tree cannot honour.
    case rateFindings(DeviceHandle, [RateFinding])
    /// An object that formats itself (reload replies, resources): see ObjectResult.swift.
    case object(ObjectResult)
}

/// What actions get: the session to talk to.
public final class CommandContext: @unchecked Sendable {
    public let session: DeviceSession
    /// Set while a displayed command runs: long-running commands (`monitor`) hand each item over as it
    /// arrives, so it is printed at once instead of when the command ends.
    public var eventSink: ((DevlinkEvent) -> Void)?
    /// Where a command's note goes (stderr) while it runs: `monitor`'s word on lost notifications.
    public var noteSink: ((String) -> Void)?
    /// Polled by long-running commands; true stops them early (Ctrl-C at the REPL).
    public var interrupted: (() -> Bool)?
    /// The notifications received so far (`events()`); `monitor` adds to it.
    public let backlog = EventBacklog()
    /// `-s` was given: `dev show` prints statistics.
    public var statistics = false

    public init(session: DeviceSession) {
        self.session = session
    }
}
