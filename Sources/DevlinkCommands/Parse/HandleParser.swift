import DevlinkModel

/// Reads a command's handle word with devlink's rules and messages (`dl_argv_handle*`).
struct HandleParser {
    /// Finds the port behind a netdev name (devlink's ifname map).
    let portForNetdev: (String) -> PortHandle?

    func parse(_ kind: HandleKind, _ word: String?, at index: Int) throws(ClientError) -> HandleValue {
        switch kind {
        case .device: return .device(try device(word, at: index))
        case .port: return .port(try port(word, at: index))
        case .deviceOrPort: return try deviceOrPort(word, at: index)
        case .rate: return .rate(try rate(word, at: index, nodeOnly: false))
        case .rateNode: return .rate(try rate(word, at: index, nodeOnly: true))
        case .netdev:
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
            throw ClientError("Wrong devlink identification string format.", "Expected \"bus_name/dev_name\".", word: index)
        }
        return split.device
    }

    private func portIndexed(_ split: HandleWord, at index: Int) throws(ClientError) -> PortHandle {
        guard let portIndex = WordParsers.unsigned(split.last, max: UInt64(UInt32.max)) else {
            throw ClientError("Port index \"\(split.last)\" is not a number or not within range", word: index)
        }
        return PortHandle(device: split.device, index: UInt32(portIndex))
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

    private func deviceOrPort(_ word: String?, at index: Int) throws(ClientError) -> HandleValue {
        guard let word else {
            throw ClientError("One of following identifications expected:",
                              "Devlink identification (\"bus_name/dev_name\")",
                              "Port identification (\"bus_name/dev_name/port_index\" or \"netdev ifname\")", word: index)
        }
        let split = HandleWord(word)
        switch split.slashes {
        case 1: return .device(split.device)
        case 2: return .port(try portIndexed(split, at: index))
        case 0: return .port(try netdev(word, at: index))
        default:
            throw ClientError("Wrong port identification string format.",
                              "Expected \"bus_name/dev_name\" or \"bus_name/dev_name/port_index\" or \"netdev_ifname\".",
                              word: index)
        }
    }

    private func rate(_ word: String?, at index: Int, nodeOnly: Bool) throws(ClientError) -> RateHandle {
        let expected = nodeOnly ? "Expected \"bus_name/dev_name/node\" identification."
            : "Expected \"bus_name/dev_name/node\" or \"bus_name/dev_name/port_index\" identification."
        guard let word else { throw ClientError(expected, word: index) }
        let split = HandleWord(word)
        guard split.slashes == 2 else { throw ClientError(expected, word: index) }
        let last = split.last
        if nodeOnly {
            guard !last.isEmpty, !WordParsers.isAllDigits(last) else {
                throw ClientError("Node name cannot be a devlink port index or empty.", word: index)
            }
            return .node(split.device, last)
        }
        if WordParsers.isAllDigits(last) {
            guard let portIndex = WordParsers.unsigned(last, max: UInt64(UInt32.max)) else {
                throw ClientError("Port index \"\(last)\" is not a number or not within range", word: index)
            }
            return RateHandle(device: split.device, target: .leaf(portIndex: UInt32(portIndex)))
        }
        return .node(split.device, last)
    }
}

/// A handle word cut at its slashes the way devlink's `strslashrsplit` cuts it: on bytes, the device
/// being `bus/name` and `last` what follows a second slash. Only 1- and 2-slash words are cut.
struct HandleWord {
    let slashes: Int
    let device: DeviceHandle
    let last: String

    init(_ word: String) {
        var word = word
        var slashes = 0
        var device = DeviceHandle(bus: "", name: ""), last = ""
        word.withUTF8 { bytes in
            var first = 0, second = 0
            for i in bytes.indices where bytes[i] == UInt8(ascii: "/") {
                slashes += 1
                if slashes == 1 { first = i } else if slashes == 2 { second = i }
            }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            switch slashes {
            case 1:
                device = DeviceHandle(bus: text(0..<first), name: text(first + 1..<bytes.count))
            case 2:
                device = DeviceHandle(bus: text(0..<first), name: text(first + 1..<second))
                last = text(second + 1..<bytes.count)
            default:
                break
            }
        }
        self.slashes = slashes
        self.device = device
        self.last = last
    }
}
