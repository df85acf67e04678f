import DevlinkModel

/// A network interface the emulator knows about. Netdevs are first-class state (not just a port field)
/// because bonding and LAG work on netdevs: a bond enslaves uplink netdevs, carrier drives LAG state.
public struct Netdev: Equatable, Sendable, Codable {
    public enum Kind: String, Equatable, Sendable, Codable {
        /// The PF's uplink netdev (the uplink representor in switchdev).
        case uplink
        /// A VF/SF/host-PF representor.
        case representor
        /// A bond master (`ip link add NAME type bond`).
        case bond
    }

    public var name: String
    public var ifindex: UInt32
    public var kind: Kind
    /// The devlink port this netdev is bound to.
    public var port: PortHandle?
    /// Administrative up (IFF_UP) and carrier; new netdevs are down without carrier.
    public var adminUp: Bool = false
    public var carrier: Bool = false
    /// Name of the master (bond) device, if enslaved.
    public var master: String?
}

/// All netdevs by name, with ifindex allocation (monotonic, like the kernel's per-netns counter) and
/// `eth%d` allocation (lowest free number, like `dev_alloc_name`).
public struct NetdevTable: Equatable, Sendable, Codable {
    public private(set) var byName: [String: Netdev] = [:]
    /// ifindex 1 is `lo`; the first real device gets 2.
    private var nextIfindex: UInt32 = 2
    private var usedEthNumbers: Set<Int> = []

    public init() {}

    public subscript(name: String) -> Netdev? { byName[name] }

    /// The lowest `ethN` not in use.
    func nextEthName() -> String {
        var number = 0
        while usedEthNumbers.contains(number) { number += 1 }
        return "eth\(number)"
    }

    /// Registers a netdev; the caller guarantees the name is free (checked by `contains`).
    mutating func register(name: String, kind: Netdev.Kind, port: PortHandle?) -> Netdev {
        let netdev = Netdev(name: name, ifindex: nextIfindex, kind: kind, port: port)
        nextIfindex &+= 1
        byName[name] = netdev
        if let number = Self.ethNumber(name) { usedEthNumbers.insert(number) }
        return netdev
    }

    mutating func unregister(name: String) {
        byName[name] = nil
        if let number = Self.ethNumber(name) { usedEthNumbers.remove(number) }
    }

    func contains(_ name: String) -> Bool { byName[name] != nil }

    /// Changes one netdev's mutable fields (admin state, carrier, master); unknown names are ignored.
    mutating func modify(_ name: String, _ body: (inout Netdev) -> Void) {
        guard var netdev = byName[name] else { return }
        body(&netdev)
        netdev.name = name
        byName[name] = netdev
    }

    /// All netdevs in ifindex order (the kernel's dump order).
    var sortedByIndex: [Netdev] { byName.values.sorted { $0.ifindex < $1.ifindex } }

    private static func ethNumber(_ name: String) -> Int? {
        guard name.hasPrefix("eth") else { return nil }
        let digits = name.dropFirst(3)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count < 10 else { return nil }
        return Int(digits)
    }
}
