import DevlinkModel

/// The handle a command line named, already split the way devlink splits it.
public enum HandleValue: Sendable, Equatable {
    case device(DeviceHandle)
    case port(PortHandle)
    case rate(RateHandle)
    /// An interface name (`lag`, `link`).
    case netdev(String)

    public var device: DeviceHandle? {
        switch self {
        case .device(let d): return d
        case .port(let p): return p.device
        case .rate(let r): return r.device
        case .netdev: return nil
        }
    }

    /// The interface name of a `netdev` handle.
    public var interfaceName: String? {
        if case .netdev(let name) = self { return name }
        return nil
    }
}

/// One parsed option value.
public enum OptionValue: Sendable, Equatable {
    case number(UInt64)
    /// Bytes per second.
    case rate(UInt64)
    case bool(Bool)
    case word(String)
    case mac(MACAddress)
    /// Bandwidth share per traffic class 0...7.
    case trafficClasses([UInt32])
    case flag
    /// A leaf as typed, its traffic class if given, bytes/s.
    case demand(leaf: String, trafficClass: Int?, rate: UInt64)
}

/// A command line after table lookup and option parsing: which command, its handle, its options.
public struct ParsedCommand: Sendable {
    public private(set) var spec: CommandSpec
    public var handle: HandleValue?
    public var handleWordIndex: Int?
    /// A `rawWords` command's own words, and the index of the first in the whole command line.
    public var rawWords: [String] = []
    public var rawWordsStart = 0

    /// One option value under its `OptionSpec.key`, with the spelling that set it (`parent` vs
    /// `noparent`) and the index of its first word (for error carets).
    private struct Setting: Sendable {
        let key: String
        let name: String
        let value: OptionValue
        let wordIndex: Int
    }

    /// A handful at most, so a list searched in order beats hashing every key.
    private var settings: [Setting] = []

    public init(spec: CommandSpec) { self.spec = spec }

    /// Empties it for another command, keeping the settings' storage: a runner reuses one
    /// `ParsedCommand` rather than allocating and freeing the array for every command line. (An
    /// action that kept a copy keeps its own settings: the array is copied on write.)
    mutating func reset(for spec: CommandSpec) {
        self.spec = spec
        handle = nil
        handleWordIndex = nil
        rawWords = []
        settings.removeAll(keepingCapacity: true)
    }

    /// Sets `key`, replacing an earlier value (options sharing a key overwrite each other).
    mutating func set(_ key: String, name: String, _ value: OptionValue, wordIndex: Int) {
        let setting = Setting(key: key, name: name, value: value, wordIndex: wordIndex)
        if let i = position(key) {
            settings[i] = setting
        } else {
            if settings.isEmpty { settings.reserveCapacity(4) }
            settings.append(setting)
        }
    }

    /// Where `key` is set. Keys of another length are skipped without comparing the strings.
    private func position(_ key: String) -> Int? {
        let length = key.utf8.count
        for i in settings.indices where settings[i].key.utf8.count == length && settings[i].key == key { return i }
        return nil
    }

    /// Adds a value of a repeatable option, keeping earlier ones.
    mutating func append(_ key: String, name: String, _ value: OptionValue, wordIndex: Int) {
        settings.append(Setting(key: key, name: name, value: value, wordIndex: wordIndex))
    }

    /// Every value set under `key` with the index of its first word, in the order given.
    func values(_ key: String) -> [(value: OptionValue, wordIndex: Int)] {
        settings.filter { $0.key == key }.map { ($0.value, $0.wordIndex) }
    }

    public func has(_ key: String) -> Bool { position(key) != nil }

    /// The index (into the command's words) of the first word of the option that set `key`.
    public func wordIndex(_ key: String) -> Int? { position(key).map { settings[$0].wordIndex } }

    /// The value set under `key`, whatever its kind.
    func value(_ key: String) -> OptionValue? { position(key).map { settings[$0].value } }

    public func number(_ key: String) -> UInt64? {
        if case .number(let n)? = value(key) { return n }
        return nil
    }

    public func rate(_ key: String) -> UInt64? {
        if case .rate(let n)? = value(key) { return n }
        return nil
    }

    public func bool(_ key: String) -> Bool? {
        if case .bool(let b)? = value(key) { return b }
        return nil
    }

    public func word(_ key: String) -> String? {
        if case .word(let w)? = value(key) { return w }
        return nil
    }

    public func mac(_ key: String) -> MACAddress? {
        if case .mac(let m)? = value(key) { return m }
        return nil
    }

    public func trafficClasses(_ key: String) -> [UInt32]? {
        if case .trafficClasses(let t)? = value(key) { return t }
        return nil
    }

    /// Every option set, in the order first set: its key, the spelling that set it, its value. An
    /// action that reads many keys makes one pass over these instead of searching for each key.
    func forEachOption(_ body: (_ key: String, _ name: String, _ value: OptionValue) throws -> Void) rethrows {
        for setting in settings { try body(setting.key, setting.name, setting.value) }
    }

    /// Which spelling set a shared key (`noparent` vs `parent`).
    public func setter(_ key: String) -> String? { position(key).map { settings[$0].name } }

    public var device: DeviceHandle? { handle?.device }
}
