import DevlinkModel
@testable import DevlinkCommands

/// The handle, number, rate and batch-line parsers as they were before they moved to bytes, kept
/// verbatim as the oracle the new ones are compared with (`WordParsingTests`).
enum Legacy {
    static func slashes(_ s: String) -> Int { s.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }

    static func splitDevice(_ text: Substring) -> DeviceHandle {
        let slash = text.lastIndex(of: "/") ?? text.endIndex
        let bus = text[..<slash]
        let name = slash < text.endIndex ? text[text.index(after: slash)...] : ""
        return DeviceHandle(bus: String(bus), name: String(name))
    }

    static func unsigned(_ text: String, max: UInt64) -> UInt64? {
        var bytes = Substring(text).utf8.drop { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 11 || $0 == 12 || $0 == 13 }
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var value: UInt64 = 0
        for digit in bytes {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit - 48))
            if o1 || o2 { return nil }
            value = sum
        }
        if negative { value = value == 0 ? 0 : UInt64.max - value + 1 }
        return value <= max ? value : nil
    }

    static let multipliers: [String: Double] = {
        var table: [String: Double] = ["": 1, "bit": 1, "bps": 8]
        let si: [(String, Double)] = [("k", 1e3), ("m", 1e6), ("g", 1e9), ("t", 1e12)]
        let iec: [(String, Double)] = [("ki", 1024), ("mi", 1048576), ("gi", 1073741824), ("ti", 1099511627776)]
        for (prefix, factor) in si + iec {
            table[prefix + "bit"] = factor
            table[prefix + "bps"] = factor * 8
        }
        return table
    }()

    static func bytesPerSecond(parsing text: String) -> UInt64? {
        let lower = text.lowercased()
        let suffixStart = lower.firstIndex(where: { $0.isLetter && $0 != "e" }) ?? lower.endIndex
        let number = lower[..<suffixStart]
        let suffix = String(lower[suffixStart...])
        guard !number.isEmpty, let value = Double(number), value.isFinite, value >= 0,
              let multiplier = multipliers[suffix] else { return nil }
        let bytes = (value * multiplier / 8).rounded(.towardZero)
        guard bytes < 18446744073709551616.0 else { return nil }
        return UInt64(bytes)
    }

    static func rate(_ text: String) -> UInt64? {
        guard !text.hasPrefix("-") else { return nil }
        return bytesPerSecond(parsing: text)
    }

    /// `HandleParser` for every handle kind but netdev names, which it does not look up.
    static func handle(_ kind: HandleKind, _ word: String?, at index: Int) throws(ClientError) -> HandleValue {
        func portIndexed(_ word: String) throws(ClientError) -> PortHandle {
            let slash = word.lastIndex(of: "/") ?? word.endIndex
            let indexText = slash < word.endIndex ? String(word[word.index(after: slash)...]) : ""
            guard let portIndex = unsigned(indexText, max: UInt64(UInt32.max)) else {
                throw ClientError("Port index \"\(indexText)\" is not a number or not within range", word: index)
            }
            return PortHandle(device: splitDevice(word[..<slash]), index: UInt32(portIndex))
        }
        func netdev(_ word: String) throws(ClientError) -> PortHandle {
            throw ClientError("Netdevice \"\(word)\" not found", errno: .ENOENT, word: index)
        }
        switch kind {
        case .device:
            guard let word else {
                throw ClientError("Devlink identification (\"bus_name/dev_name\") expected", word: index,
                                  hint: "expected a device handle like pci/0000:06:00.0")
            }
            guard slashes(word) == 1 else {
                throw ClientError("Wrong identification string format.", "Devlink identification (\"bus_name/dev_name\") expected", word: index)
            }
            return .device(splitDevice(Substring(word)))
        case .port:
            guard let word else {
                throw ClientError("Port identification (\"bus_name/dev_name/port_index\" or \"netdev ifname\") expected.",
                                  word: index)
            }
            switch slashes(word) {
            case 0: return .port(try netdev(word))
            case 2: return .port(try portIndexed(word))
            default:
                throw ClientError("Wrong port identification string format.",
                                  "Expected \"bus_name/dev_name/port_index\" or \"netdev_ifname\".", word: index)
            }
        case .deviceOrPort, .portOrDevice:
            guard let word else {
                throw ClientError("One of following identifications expected:",
                                  "Devlink identification (\"bus_name/dev_name\")",
                                  "Port identification (\"bus_name/dev_name/port_index\" or \"netdev ifname\")", word: index)
            }
            switch slashes(word) {
            case 1: return .device(splitDevice(Substring(word)))
            case 2: return .port(try portIndexed(word))
            case 0: return .port(try netdev(word))
            default:
                throw ClientError("Wrong port identification string format.",
                                  kind == .portOrDevice ? "Expected \"bus_name/dev_name/port_index\" or \"netdev_ifname\"."
                                      : "Expected \"bus_name/dev_name\" or \"bus_name/dev_name/port_index\" or \"netdev_ifname\".",
                                  word: index)
            }
        case .rate, .rateNode:
            let nodeOnly = kind == .rateNode
            let expected = nodeOnly ? "Expected \"bus_name/dev_name/node\" identification."
                : "Expected \"bus_name/dev_name/node\" or \"bus_name/dev_name/port_index\" identification."
            guard let word else { throw ClientError(expected, word: index) }
            guard slashes(word) == 2 else { throw ClientError("Wrong identification string format.", expected, word: index) }
            let slash = word.lastIndex(of: "/") ?? word.endIndex
            let last = slash < word.endIndex ? word[word.index(after: slash)...] : ""
            let device = splitDevice(word[..<slash])
            let allDigits = last.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
            if nodeOnly {
                guard !last.isEmpty, !allDigits else {
                    throw ClientError("Node name cannot be a devlink port index or empty.", word: index)
                }
                return .rate(.node(device, String(last)))
            }
            if allDigits {
                guard let portIndex = unsigned(String(last), max: UInt64(UInt32.max)) else {
                    throw ClientError("Port index \"\(last)\" is not a number or not within range", word: index)
                }
                return .rate(RateHandle(device: device, target: .leaf(portIndex: UInt32(portIndex))))
            }
            return .rate(.node(device, String(last)))
        case .nodeName:
            throw ClientError("Expected \"bus_name/dev_name/node\" identification.", word: index)
        case .netdev, .bond:
            guard let word, !word.isEmpty else { throw ClientError("Not enough information: \"dev\" argument is required.", word: index) }
            return .netdev(word)
        }
    }

    /// `BatchReader` as it split lines on Strings.
    static func batchLines(_ text: String) -> Result<[BatchReader.Line], BatchReader.Failure> {
        var physical = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        let lastHasNewline = physical.last == ""
        if physical.last == "" { physical.removeLast() }
        func cut(_ index: Int) -> (String, Bool) {
            let line = physical[index]
            if let hash = line.utf8.firstIndex(of: UInt8(ascii: "#")) { return (String(Substring(line.utf8[..<hash])), false) }
            let hasNewline = index < physical.count - 1 || lastHasNewline
            return (String(line), hasNewline && line.utf8.last == UInt8(ascii: "\\"))
        }
        var out: [BatchReader.Line] = []
        var next = 0
        while next < physical.count {
            var (text, continues) = cut(next)
            next += 1
            while continues {
                guard next < physical.count else { return .failure(.missingContinuation) }
                text.removeLast()
                let (more, again) = cut(next)
                text += more
                continues = again
                next += 1
            }
            let bytes = Array(text.utf8)
            var words: [String] = []
            var i = 0
            func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 || c == 10 }
            while i < bytes.count {
                while i < bytes.count, isBlank(bytes[i]) { i += 1 }
                guard i < bytes.count else { break }
                if bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") {
                    let quote = bytes[i]
                    let start = i + 1
                    guard let end = bytes[start...].firstIndex(of: quote) else { return .failure(.unterminatedQuote(line: next)) }
                    words.append(String(decoding: bytes[start..<end], as: UTF8.self))
                    i = end + 1
                    if i < bytes.count { i += 1 }
                } else {
                    let start = i
                    while i < bytes.count, !isBlank(bytes[i]) { i += 1 }
                    words.append(String(decoding: bytes[start..<i], as: UTF8.self))
                    i += 1
                }
            }
            if !words.isEmpty { out.append(BatchReader.Line(number: next, words: words)) }
        }
        return .success(out)
    }
}
