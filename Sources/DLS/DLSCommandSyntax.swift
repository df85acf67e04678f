/// What a devlink command line looks like, for completion and help in a host's own UI: which
/// handle it takes, which extra words, which options.
public struct DLSCommandSyntax: Sendable, Equatable {
    /// The handle the command takes first.
    public struct Handle: Sendable, Equatable {
        /// What kind of handle.
        public var kind: DLSHandleKind
        /// True when it may be left out (`port show` lists everything).
        public var optional: Bool
    }

    /// One option (`hw_addr`, `state`, `tx_max`).
    public struct Option: Sendable, Equatable {
        /// The option word.
        public var name: String
        /// What its value looks like.
        public var kind: DLSOptionKind
        /// Words a completer can offer for the value (choices, `true`/`false`, ...).
        public var choices: [String]
        /// How help describes the value (`a hardware address like 00:11:22:33:44:55`).
        public var expectation: String
    }

    /// The handle, if the command takes one.
    public var handle: Handle?
    /// Names of required plain words after the handle (`lag slave add BOND IFNAME`: `slave`).
    public var positionals: [String]
    /// The options, in devlink's matching order.
    public var options: [Option]
}

/// The kinds of handles commands take and a session can list.
public enum DLSHandleKind: Sendable, Equatable, CaseIterable {
    /// `pci/0000:06:00.0`.
    case device
    /// `pci/0000:06:00.0/1` or a netdev name.
    case port
    /// A device or a port (`port add`).
    case deviceOrPort
    /// A rate object: a leaf `DEV/PORT_INDEX` or a node `DEV/NODE`.
    case rate
    /// A rate node `DEV/NODE` only.
    case rateNode
    /// A network interface name.
    case netdev
    /// A bond interface name.
    case bond
}

/// What an option's value looks like.
public enum DLSOptionKind: Sendable, Equatable {
    /// No value (`noparent`).
    case flag
    /// One of fixed words (`choices`).
    case choice
    /// `true`, `false`, `enable`, `disable`.
    case bool
    /// A rate with devlink's units.
    case rate
    /// A hardware address.
    case mac
    /// An unsigned number.
    case number
    /// Eight `INDEX:BW` words.
    case trafficClasses
    /// Any word (names, parameter values).
    case text
    /// A leaf, optionally `tc INDEX`, then a rate (`qos simulate ... demand`): completes as a port.
    case demand
}
