/// An enum whose cases have a devlink CLI spelling (`name`) and a netlink number (`rawValue`).
public protocol DevlinkNamed: CaseIterable, Sendable, CustomStringConvertible {
    var name: String { get }
}

extension DevlinkNamed {
    /// The case spelled `name` exactly as devlink spells it, or nil.
    public init?(name: String) {
        guard let found = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = found
    }

    public var description: String { name }

    /// All spellings, for completion and "expected one of" messages.
    public static var names: [String] { allCases.map(\.name) }
}
