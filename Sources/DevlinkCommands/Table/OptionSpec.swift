import DevlinkModel

/// One option word of a command (`tx_share VALUE`, `noparent`), as data. Immutable; a class so that
/// matching a typed word against the options does not copy each one's fields.
public final class OptionSpec: Sendable, Spelled {
    /// The word as devlink spells it; users may type any prefix of it.
    public let name: String
    var spelling: String { name }
    /// Other accepted spellings (`encap` for `encap-mode`).
    public let aliases: [String]
    public let kind: ValueKind
    /// Options sharing a key overwrite each other (`parent` / `noparent`): the last one wins.
    public let key: String
    /// devlink's message when a required option is missing; nil for optional ones.
    public let requiredMessage: String?
    /// For `choice` options: devlink's prefix for an unknown word (`Unknown eswitch mode`).
    public let unknownValue: String?
    /// Each use adds a value instead of replacing the last one (`demand ... demand ...`).
    public let repeatable: Bool

    public init(_ name: String, _ kind: ValueKind, aliases: [String] = [], key: String? = nil,
                required requiredMessage: String? = nil, unknownValue: String? = nil, repeatable: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.key = key ?? name
        self.requiredMessage = requiredMessage
        self.unknownValue = unknownValue
        self.repeatable = repeatable
    }

    public var isRequired: Bool { requiredMessage != nil }
}

/// A keyword with other spellings: a command word or an option name.
protocol Spelled {
    var spelling: String { get }
    var aliases: [String] { get }
}

extension Spelled {
    /// iproute2's `strcmpx`: the typed word must be a prefix of the spelling or of an alias.
    func matches(_ typed: String) -> Bool {
        Keyword.matches(typed, spelling) || aliases.contains { Keyword.matches(typed, $0) }
    }
}

/// Prefix matching of keywords exactly as devlink does it.
public enum Keyword {
    /// True when `typed` is a (possibly empty) prefix of `keyword` (`strcmpx(typed, keyword) == 0`).
    public static func matches(_ typed: String, _ keyword: String) -> Bool {
        let t = typed.utf8, k = keyword.utf8
        guard t.count <= k.count else { return false }
        // Native strings compare as bytes in place (the generic `starts(with:)` was a hot spot).
        let inPlace = t.withContiguousStorageIfAvailable { typedBytes in
            k.withContiguousStorageIfAvailable { keywordBytes in
                typedBytes.indices.allSatisfy { typedBytes[$0] == keywordBytes[$0] }
            }
        }
        if let inPlace, let result = inPlace { return result }
        return k.starts(with: t)
    }
}
