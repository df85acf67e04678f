/// An enum whose cases have a devlink CLI spelling (`name`) and a netlink number (`rawValue`).
public protocol DevlinkNamed: CaseIterable, Sendable, CustomStringConvertible {
    var name: String { get }
}

extension DevlinkNamed {
    // Inlinable, so callers get code for their concrete enum: generic code reaches `allCases`
    // through a runtime associated-type lookup, slow the first time in every run.

    /// The case spelled `name` exactly as devlink spells it, or nil.
    @inlinable
    public init?(name: String) {
        guard let found = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = found
    }

    public var description: String { name }

    /// All spellings, for completion and "expected one of" messages.
    @inlinable
    public static var names: [String] { allCases.map { $0.name } }

    /// `a | b | c`, for usage texts.
    @inlinable
    public static func alternatives(separator: String = " | ") -> String {
        var out = ""
        for value in allCases {
            if !out.isEmpty { out += separator }
            out += value.name
        }
        return out
    }
}

/// A `DevlinkNamed` enum whose raw values run without a gap from `firstRawValue`, in case order: its
/// spellings are one table indexed by the number, as the kernel's and iproute2's name tables are.
/// `DevlinkModelTests` checks every such table against the enum's cases.
public protocol DevlinkNameTable: DevlinkNamed, RawRepresentable where RawValue: FixedWidthInteger {
    /// The spellings in case order: `spellings[0]` names the case whose raw value is `firstRawValue`.
    static var spellings: [String] { get }
    static var firstRawValue: RawValue { get }
}

extension DevlinkNameTable {
    public static var firstRawValue: RawValue { 0 }

    @inlinable
    public var name: String { Self.spellings[Int(rawValue - Self.firstRawValue)] }

    // The table is already every spelling in case order: no array of the cases is made (the first
    // array of each enum type costs a runtime type instantiation, and command tables built at
    // start-up ask for several).

    /// All spellings, for completion and "expected one of" messages.
    @inlinable
    public static var names: [String] { spellings }

    /// `a | b | c`, for usage texts.
    @inlinable
    public static func alternatives(separator: String = " | ") -> String {
        var out = ""
        for name in spellings {
            if !out.isEmpty { out += separator }
            out += name
        }
        return out
    }
}
