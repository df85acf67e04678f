import DevlinkModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads a command's handle word with devlink's rules and messages (`dl_argv_handle*`). A class: it
/// keeps the last device it made, which a batch names again on nearly every line.
final class HandleParser {
    /// Finds the port behind a netdev name (devlink's ifname map).
    let portForNetdev: (String) -> PortHandle?
    /// The device of the last handle word and its `bus/name` bytes: reused while words start with
    /// the same bytes (two fewer Strings to make and free per line).
    private var lastDevice: (spelling: [UInt8], device: DeviceHandle)?

    init(portForNetdev: @escaping (String) -> PortHandle?) {
        self.portForNetdev = portForNetdev
    }

    func parse(_ kind: HandleKind, _ word: String?, at index: Int) throws(ClientError) -> HandleValue {
        switch kind {
        case .device: return .device(try device(word, at: index))
        case .port: return .port(try port(word, at: index))
        case .deviceOrPort: return try deviceOrPort(word, at: index, portFirst: false)
        case .portOrDevice: return try deviceOrPort(word, at: index, portFirst: true)
        case .rate: return .rate(try rate(word, at: index, nodeOnly: false))
        case .rateNode: return .rate(try rate(word, at: index, nodeOnly: true))
        case .nodeName:
            // A node's name alone is an option's value (`parent`), never a command's handle.
            throw ClientError("Expected \"bus_name/dev_name/node\" identification.", word: index)
        case .netdev, .bond:
            // ip's own message for a missing `dev NAME`.
            guard let word, !word.isEmpty else { throw ClientError("Not enough information: \"dev\" argument is required.", word: index) }
            return .netdev(word)
        }
    }

    private func device(_ word: String?, at index: Int) throws(ClientError) -> DeviceHandle {
        guard let word else {
            throw ClientError("Devlink identification (\"bus_name/dev_name\") expected", word: index,
                              hint: "expected a device handle like pci/0000:06:00.0")
        }
        let split = HandleWord(word)
        guard split.slashes == 1 else {
            // iproute2 since 5.14 (ident_str_validate, then dl_argv_handle); older ones said "Wrong devlink identification string format."
            throw ClientError("Wrong identification string format.", "Devlink identification (\"bus_name/dev_name\") expected", word: index)
        }
        return device(of: split)
    }

    /// The word's `bus/name`, the last one again when its bytes are the same.
    private func device(of split: HandleWord) -> DeviceHandle {
        if let lastDevice, split.spellsDevice(lastDevice.spelling) { return lastDevice.device }
        let device = split.device
        lastDevice = (split.deviceSpelling, device)
        return device
    }

    private func portIndexed(_ split: HandleWord, at index: Int) throws(ClientError) -> PortHandle {
        guard let portIndex = split.lastNumber(max: UInt64(UInt32.max)) else {
            throw ClientError("Port index \"\(split.last)\" is not a number or not within range", word: index)
        }
        return PortHandle(device: device(of: split), index: UInt32(portIndex))
    }

    private func netdev(_ word: String, at index: Int) throws(ClientError) -> PortHandle {
        guard let port = portForNetdev(word) else {
            throw ClientError("Netdevice \"\(word)\" not found", errno: .ENOENT, word: index)
        }
        return port
    }

    private func port(_ word: String?, at index: Int) throws(ClientError) -> PortHandle {
        guard let word else {
            throw ClientError("Port identification (\"bus_name/dev_name/port_index\" or \"netdev ifname\") expected.",
                              word: index)
        }
        let split = HandleWord(word)
        switch split.slashes {
        case 0: return try netdev(word, at: index)
        case 2: return try portIndexed(split, at: index)
        default:
            throw ClientError("Wrong port identification string format.",
                              "Expected \"bus_name/dev_name/port_index\" or \"netdev_ifname\".", word: index)
        }
    }

    /// dl_argv_handle_both, or with `portFirst` the selector of `port show` (dl_argv_parse_with_selector),
    /// whose malformed-word message is the port one.
    private func deviceOrPort(_ word: String?, at index: Int, portFirst: Bool) throws(ClientError) -> HandleValue {
        guard let word else {
            throw ClientError("One of following identifications expected:",
                              "Devlink identification (\"bus_name/dev_name\")",
                              "Port identification (\"bus_name/dev_name/port_index\" or \"netdev ifname\")", word: index)
        }
        let split = HandleWord(word)
        switch split.slashes {
        case 1: return .device(device(of: split))
        case 2: return .port(try portIndexed(split, at: index))
        case 0: return .port(try netdev(word, at: index))
        default:
            throw ClientError("Wrong port identification string format.",
                              portFirst ? "Expected \"bus_name/dev_name/port_index\" or \"netdev_ifname\"."
                                  : "Expected \"bus_name/dev_name\" or \"bus_name/dev_name/port_index\" or \"netdev_ifname\".",
                              word: index)
        }
    }

    private func rate(_ word: String?, at index: Int, nodeOnly: Bool) throws(ClientError) -> RateHandle {
        let expected = nodeOnly ? "Expected \"bus_name/dev_name/node\" identification."
            : "Expected \"bus_name/dev_name/node\" or \"bus_name/dev_name/port_index\" identification."
        // dl_argv_handle_rate: ident_str_validate says "Wrong identification string format." only for a
        // word with the wrong number of slashes, not for a missing one.
        guard let word else { throw ClientError(expected, word: index) }
        let split = HandleWord(word)
        guard split.slashes == 2 else { throw ClientError("Wrong identification string format.", expected, word: index) }
        let allDigits = split.lastIsAllDigits
        if nodeOnly {
            guard !split.lastIsEmpty, !allDigits else {
                throw ClientError("Node name cannot be a devlink port index or empty.", word: index)
            }
            return .node(device(of: split), split.last)
        }
        if allDigits {
            guard let portIndex = split.lastNumber(max: UInt64(UInt32.max)) else {
                throw ClientError("Port index \"\(split.last)\" is not a number or not within range", word: index)
            }
            return RateHandle(device: device(of: split), target: .leaf(portIndex: UInt32(portIndex)))
        }
        return .node(device(of: split), split.last)
    }
}

/// A handle word cut at its slashes the way devlink's `strslashrsplit` cuts it: on bytes, the device
/// being `bus/name` and `last` what follows a second slash. Only 1- and 2-slash words are cut. The
/// parts are read from the word's bytes and made into Strings only when asked for.
struct HandleWord {
    let word: String
    let slashes: Int
    /// Byte offsets of the first two slashes (0 when there are fewer).
    private let first: Int, second: Int

    init(_ word: String) {
        var word = word
        var slashes = 0, first = 0, second = 0
        word.withUTF8 { bytes in
            for i in bytes.indices where bytes[i] == UInt8(ascii: "/") {
                slashes += 1
                if slashes == 1 { first = i } else if slashes == 2 { second = i }
            }
        }
        self.word = word
        self.slashes = slashes
        self.first = first
        self.second = second
    }

    /// Where the device name ends: the second slash, or the word's end for `bus/name`.
    private var nameEnd: Int { slashes == 2 ? second : word.utf8.count }
    /// What follows the second slash.
    private var lastRange: Range<Int> { slashes == 2 ? second + 1..<word.utf8.count : 0..<0 }

    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var word = word
        return word.withUTF8(body)
    }

    private func text(_ range: Range<Int>) -> String {
        withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    var device: DeviceHandle {
        slashes == 1 || slashes == 2 ? DeviceHandle(bus: text(0..<first), name: text(first + 1..<nameEnd)) : DeviceHandle(bus: "", name: "")
    }

    /// The bytes of `bus/name`.
    var deviceSpelling: [UInt8] { withBytes { Array($0[0..<nameEnd]) } }

    /// True when the word's `bus/name` is these bytes.
    func spellsDevice(_ spelling: [UInt8]) -> Bool {
        guard slashes == 1 || slashes == 2, spelling.count == nameEnd else { return false }
        return withBytes { bytes in spelling.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, nameEnd) == 0 } }
    }

    var last: String { text(lastRange) }

    var lastIsEmpty: Bool { lastRange.isEmpty }

    /// True when `last` is all decimal digits (or empty): devlink then reads a port index, not a node.
    var lastIsAllDigits: Bool {
        withBytes { bytes in bytes[lastRange].allSatisfy { $0 >= 48 && $0 <= 57 } }
    }

    /// `last` read as `WordParsers.unsigned` reads it.
    func lastNumber(max: UInt64) -> UInt64? {
        withBytes { WordParsers.unsigned(UnsafeBufferPointer(rebasing: $0[lastRange]), max: max) }
    }
}
