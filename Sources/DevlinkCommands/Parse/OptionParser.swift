import DevlinkModel

/// Parses a command's words after its path: the handle, then options in any order, with devlink's
/// prefix matching, value checks and messages (`dl_argv_parse`). Word indexes are relative to the
/// whole command line so errors point at the right word.
struct OptionParser {
    let spec: CommandSpec
    /// The command's own words (after its path), indexed as in the whole command line.
    let words: ArraySlice<CommandWordInput>
    let handles: HandleParser

    init(spec: CommandSpec, words: ArraySlice<CommandWordInput>, handles: HandleParser) {
        (self.spec, self.words, self.handles) = (spec, words, handles)
    }

    /// Index of the first word in the full command line.
    private var offset: Int { words.startIndex }

    /// Parses into `parsed`, an empty `ParsedCommand` of this spec (filled in place: returning it
    /// made the compiler copy it and destroy the original).
    func parse(into parsed: inout ParsedCommand) throws(ClientError) {
        // `i` counts from the command's first own word; `offset + i` indexes `words`.
        var i = 0
        if spec.rawWords {
            parsed.rawWords = words.map(\.text)
            parsed.rawWordsStart = offset
            return
        }
        // An optional handle left out means a dump: nothing else is parsed (devlink checks argc first).
        if spec.handle != nil && spec.handleOptional && words.isEmpty { return }
        if let kind = spec.handle {
            // `link set dev eth0 up`: ip's optional `dev` keyword before an interface name.
            if kind == .netdev, words.count >= 2, words[offset].text == "dev" { i = 1 }
            parsed.handle = try handles.parse(kind, (i < words.count ? words[offset + i].text : nil), at: offset + i)
            parsed.handleWordIndex = offset + i
            i += 1
        }
        for key in spec.positionals {
            guard i < words.count else {
                throw ClientError("\(key.uppercased()) expected", word: offset + max(0, i - 1))
            }
            parsed.set(key, name: key, .word(words[offset + i].text), wordIndex: offset + i)
            i += 1
        }
        while i < words.count {
            let word = words[offset + i].text
            guard let option = spec.options.first(where: { $0.matches(word) }) else {
                throw ClientError("Unknown option \"\(word)\"", word: offset + i,
                                  hint: spec.options.isEmpty ? "this command takes no options"
                                      : "options here: " + spec.options.map(\.name).joined(separator: ", "))
            }
            let start = i
            i += 1
            let value: OptionValue
            switch option.kind {
            case .flag:
                value = .flag
            case .trafficClasses:
                var shares = [UInt32](repeating: 0, count: 8)
                var seen = Set<UInt64>()
                for _ in 0..<8 {
                    guard i < words.count else {
                        throw ClientError("Error parsing tc-bw: example usage: tc-bw 0:60 1:10 2:0 3:0 4:30 5:0 6:0 7:0",
                                          word: offset + min(i, words.count) - (i == words.count ? 1 : 0))
                    }
                    let text = words[offset + i].text
                    guard let (index, bw) = WordParsers.trafficClass(text) else {
                        throw ClientError(trafficClassFormatError(text), word: offset + i)
                    }
                    guard index < 8 else {
                        throw ClientError("Error parsing tc-bw: invalid index: \(index), use values between 0 and 7", word: offset + i)
                    }
                    guard seen.insert(index).inserted else {
                        throw ClientError("Error parsing tc-bw: duplicate index : \(index)", word: offset + i)
                    }
                    shares[Int(index)] = bw
                    i += 1
                }
                value = .trafficClasses(shares)
            case .demand:
                value = try demand(at: &i, option: option, start: start)
            default:
                guard i < words.count else { throw missingValue(option, at: offset + start) }
                value = try convert(words[offset + i], for: option, at: offset + i)
                i += 1
            }
            if option.repeatable {
                parsed.append(option.key, name: option.name, value, wordIndex: offset + start)
            } else {
                parsed.set(option.key, name: option.name, value, wordIndex: offset + start)
            }
        }
        for option in spec.options {
            if let message = option.requiredMessage, !parsed.has(option.key) {
                throw ClientError(message, word: max(0, offset - 1),
                                  hint: "add \(option.name) \(option.kind == .flag ? "" : placeholder(option))")
            }
        }
    }

    /// `HANDLE [ tc INDEX ] RATE` after a `demand` word; `i` is moved past it.
    private func demand(at i: inout Int, option: OptionSpec, start: Int) throws(ClientError) -> OptionValue {
        let hint = "\(option.name) takes \(option.kind.expectation)"
        guard i < words.count else { throw ClientError("Leaf expected after \"\(option.name)\"", word: offset + start, hint: hint) }
        let leaf = words[offset + i].text
        i += 1
        var trafficClass: Int?
        if i < words.count, words[offset + i].text == "tc" {
            guard i + 1 < words.count, let index = WordParsers.unsigned(words[offset + i + 1].text, max: 7) else {
                throw ClientError("Traffic class index expected after \"tc\" (0 to 7)", word: offset + min(i + 1, words.count - 1), hint: hint)
            }
            trafficClass = Int(index)
            i += 2
        }
        guard i < words.count else { throw ClientError("Rate expected after \"\(leaf)\"", word: offset + i - 1, hint: hint) }
        let rateOption = OptionSpec(option.name, .rate)
        guard case .rate(let bytes) = try convert(words[offset + i], for: rateOption, at: offset + i) else {
            throw ClientError("Invalid rate value: \"\(words[offset + i].text)\"", word: offset + i, hint: hint)
        }
        i += 1
        return .demand(leaf: leaf, trafficClass: trafficClass, rate: bytes)
    }

    private func placeholder(_ option: OptionSpec) -> String {
        switch option.kind {
        case .choice(let words): return "{ " + words.joined(separator: " | ") + " }"
        default: return option.name.uppercased()
        }
    }

    private func trafficClassFormatError(_ text: String) -> String {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "Invalid format in token: \(text)" }
        if WordParsers.unsigned(String(parts[0]), max: UInt64(UInt32.max)) == nil {
            return "Invalid traffic class index: \(parts[0])"
        }
        return "Invalid bandwidth value: \(parts[1])"
    }

    private func missingValue(_ option: OptionSpec, at index: Int) -> ClientError {
        let line: String
        switch option.kind {
        case .u16, .u32, .u64: line = "Unsigned number argument expected"
        case .bool: line = "Boolean argument expected"
        default: line = "String parameter expected"
        }
        return ClientError(line, word: index, hint: "\(option.name) takes \(option.kind.expectation)")
    }

    /// One option value from its word (or the dls value the word came from).
    private func convert(_ word: CommandWordInput, for option: OptionSpec, at index: Int) throws(ClientError) -> OptionValue {
        let text = word.text
        // Only a failure needs the hint: building it for every value cost more than the parse.
        var hint: String {
            "\(option.name) takes \(option.kind.expectation)" + (word.value.map { ", got \($0.typeName) \(quoteIfString($0))" } ?? "")
        }
        func notNumber() -> ClientError {
            ClientError("\"\(text)\" is not a number or not within range", word: index, hint: hint)
        }
        switch option.kind {
        case .u16, .u32, .u64:
            let max: UInt64 = option.kind == .u16 ? UInt64(UInt16.max) : option.kind == .u32 ? UInt64(UInt32.max) : UInt64.max
            switch word.value {
            case .int(let n)?:
                guard n >= 0, UInt64(n) <= max else { throw notNumber() }
                return .number(UInt64(n))
            case nil, .string?:
                guard let n = WordParsers.unsigned(text, max: max) else { throw notNumber() }
                return .number(n)
            default:
                throw notNumber()
            }
        case .rate:
            if case .rate(let bytes)? = word.value { return .rate(bytes) }
            if let value = word.value {
                switch value {
                case .int, .string: break
                default: throw ClientError("Invalid rate value: \"\(text)\"", word: index, hint: hint)
                }
            }
            guard let bytes = WordParsers.rate(text) else {
                throw ClientError("Invalid rate value: \"\(text)\"", word: index, hint: hint)
            }
            return .rate(bytes)
        case .bool:
            if case .bool(let b)? = word.value { return .bool(b) }
            guard let b = WordParsers.bool(text) else {
                throw ClientError("\"\(text)\" is not a valid boolean value", word: index, hint: hint)
            }
            return .bool(b)
        case .mac:
            if case .mac(let m)? = word.value { return .mac(m) }
            switch WordParsers.mac(text) {
            case .success(let m): return .mac(m)
            case .failure(let e): throw ClientError("\"\(e.part)\" is invalid lladdr.", word: index, hint: hint)
            }
        case .choice(let words):
            guard words.contains(text) else {
                let what = option.unknownValue ?? "Unknown \(option.name)"
                throw ClientError("\(what) \"\(text)\"", word: index, hint: hint)
            }
            return .word(text)
        case .text, .handle:
            return .word(text)
        case .flag, .trafficClasses, .demand:
            return .flag
        }
    }

    private func quoteIfString(_ value: ValueBox) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .int(let i): return String(i)
        case .float(let f): return "\(f)"
        case .bool(let b): return b ? "true" : "false"
        case .rate(let r): return "\(r) B/s"
        case .mac(let m): return m.description
        case .other: return ""
        }
    }
}
