// The kinds of words a devlink command takes, in one place for everything that reads them: the
// command table parses by them, the embedding API describes commands with them (`DLSHandleKind`,
// `DLSOptionKind`), and the REPL completes by them.

/// What an option's value (or a command's handle word) must look like. Drives parsing, help and
/// completion: `choices` is what a completer offers after the option word.
public enum ValueKind: Sendable, Equatable {
    /// Unsigned integers parsed like iproute2's strtoul-based helpers (decimal, range-checked).
    case u16, u32, u64
    /// A rate with devlink's units (`10Gbit`, `1.5gbps`, bare = bit/s) or a dls rate value.
    case rate
    /// `true|false|1|0|enable|disable` (iproute2 `strtobool`).
    case bool
    /// One of fixed words (eswitch modes, flavours, ...).
    case choice([String])
    /// A hardware address `aa:bb:cc:dd:ee:ff`.
    case mac
    /// Free text (parameter names and values).
    case text
    /// A word naming a live object of that kind (`parent tenant1`): parsed as text, completed from
    /// the session.
    case handle(HandleKind)
    /// Exactly eight `INDEX:BW` words (`tc-bw`).
    case trafficClasses
    /// A flag word without a value (`noparent`, `default`).
    case flag
    /// `HANDLE [ tc INDEX ] RATE`: one leaf's offered load (dls's `qos simulate ... demand`).
    case demand

    /// Words a completer can offer for this kind.
    public var choices: [String] {
        switch self {
        case .bool: return ["true", "false", "enable", "disable"]
        case .choice(let words): return words
        default: return []
        }
    }

    /// The live objects a completer offers for the value (`demand` starts with a leaf port).
    public var offeredHandles: HandleKind? {
        switch self {
        case .handle(let kind): return kind
        case .demand: return .port
        default: return nil
        }
    }

    /// Unit words a completer appends to a typed number (`tx_max 10g` → `10gbit`, `10gbps`).
    public var units: [String] {
        self == .rate ? ["bit", "kbit", "mbit", "gbit", "tbit", "bps", "kbps", "mbps", "gbps"] : []
    }

    /// How help and error hints describe the expected value.
    public var expectation: String {
        switch self {
        case .u16: return "an unsigned 16-bit number (0...65535)"
        case .u32: return "an unsigned 32-bit number (0...4294967295)"
        case .u64: return "an unsigned 64-bit number"
        case .rate: return "a rate such as 10Gbit, 100mbps or a dls rate value"
        case .bool: return "true, false, enable or disable"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .mac: return "a hardware address like 00:11:22:33:44:55"
        case .text, .handle: return "a word"
        case .trafficClasses: return "eight INDEX:BW words, e.g. 0:60 1:10 2:0 3:0 4:30 5:0 6:0 7:0"
        case .flag: return "nothing"
        case .demand: return "a leaf (port index or DEV/PORT_INDEX), optionally tc INDEX, and a rate, e.g. 1 10gbit or 1 tc 3 2gbit"
        }
    }
}

/// Which handle a command takes as its first argument (iproute2's DL_OPT_HANDLE* bits), and which
/// live objects a session lists for completion.
public enum HandleKind: Sendable, Hashable, CaseIterable {
    /// `BUS/NAME`.
    case device
    /// `BUS/NAME/PORT_INDEX` or a netdev name.
    case port
    /// Either of the two (`port add`, which also accepts a user port index).
    case deviceOrPort
    /// `port show`'s handle: a port, or a device whose ports to list (devlink's dump selector, which
    /// tries the port form first, so a malformed word gets the port message).
    case portOrDevice
    /// `BUS/NAME/PORT_INDEX` (leaf) or `BUS/NAME/NODE_NAME` (node).
    case rate
    /// `BUS/NAME/NODE_NAME` only.
    case rateNode
    /// A rate node's name alone (`parent tenant1`), of the device named earlier in the command.
    case nodeName
    /// A network interface name (`bond0`, `enp6s0f0np0`) for `lag` and `link`.
    case netdev
    /// A bond interface name.
    case bond
}
