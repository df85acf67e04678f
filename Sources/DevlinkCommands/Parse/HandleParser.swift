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

    private func slashes(_ s: String) -> Int { s.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }

    private func device(_ word: String?, at index: Int) throws(ClientError) -> DeviceHandle {
        guard let word else {
            throw ClientError("Devlink identification (\"bus_name/dev_name\") expected", word: index,
                              hint: "expected a device handle like pci/0000:06:00.0")
        }
        guard slashes(word) == 1 else {
            throw ClientError("Wrong devlink identification string format.", "Expected \"bus_name/dev_name\".", word: index)
        }
        return splitDevice(word)
    }

    /// `strslashrsplit`: split at the last slash (parts may be empty, as in devlink).
    private func splitDevice(_ text: Substring) -> DeviceHandle {
        let slash = text.lastIndex(of: "/") ?? text.endIndex
        let bus = text[..<slash]
        let name = slash < text.endIndex ? text[text.index(after: slash)...] : ""
        return DeviceHandle(bus: String(bus), name: String(name))
    }

    private func splitDevice(_ text: String) -> DeviceHandle { splitDevice(Substring(text)) }

    private func portIndexed(_ word: String, at index: Int) throws(ClientError) -> PortHandle {
        let slash = word.lastIndex(of: "/") ?? word.endIndex
        let indexText = slash < word.endIndex ? String(word[word.index(after: slash)...]) : ""
        guard let portIndex = WordParsers.unsigned(indexText, max: UInt64(UInt32.max)) else {
            throw ClientError("Port index \"\(indexText)\" is not a number or not within range", word: index)
        }
        return PortHandle(device: splitDevice(word[..<slash]), index: UInt32(portIndex))
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
        switch slashes(word) {
        case 0: return try netdev(word, at: index)
        case 2: return try portIndexed(word, at: index)
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
        switch slashes(word) {
        case 1: return .device(splitDevice(word))
        case 2: return .port(try portIndexed(word, at: index))
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
        guard let word, slashes(word) == 2 else { throw ClientError(expected, word: index) }
        let slash = word.lastIndex(of: "/") ?? word.endIndex
        let last = slash < word.endIndex ? word[word.index(after: slash)...] : ""
        let device = splitDevice(word[..<slash])
        if nodeOnly {
            guard !last.isEmpty, !WordParsers.isAllDigits(last) else {
                throw ClientError("Node name cannot be a devlink port index or empty.", word: index)
            }
            return .node(device, String(last))
        }
        if WordParsers.isAllDigits(last) {
            guard let portIndex = WordParsers.unsigned(String(last), max: UInt64(UInt32.max)) else {
                throw ClientError("Port index \"\(last)\" is not a number or not within range", word: index)
            }
            return RateHandle(device: device, target: .leaf(portIndex: UInt32(portIndex)))
        }
        return .node(device, String(last))
    }
}
