import DevlinkModel

/// The rate objects of one devlink instance: leaves by port index, nodes by name, with the kernel's
/// listing order (nodes newest first, then leaves in creation order) and parent reference counts.
struct RateTable: Equatable, Sendable, Codable {
    struct Entry: Equatable, Sendable, Codable {
        var object: RateObject
        var sequence: UInt64
    }

    private(set) var leaves: [UInt32: Entry] = [:]
    private(set) var nodes: [String: Entry] = [:]
    /// Number of children per node (the kernel's refcount minus one).
    private(set) var childCount: [String: Int] = [:]
    private var nextSequence: UInt64 = 0

    var nodeCount: Int { nodes.count }

    func object(for target: RateHandle.Target) -> RateObject? {
        switch target {
        case .leaf(let index): leaves[index]?.object
        case .node(let name): nodes[name]?.object
        }
    }

    /// Nodes newest first, then leaves oldest first.
    func listing() -> [RateObject] {
        guard !nodes.isEmpty || !leaves.isEmpty else { return [] }
        var listing: [RateObject] = []
        listing.reserveCapacity(nodes.count + leaves.count)
        Self.append(nodes.values, by: >, to: &listing)
        Self.append(leaves.values, by: <, to: &listing)
        return listing
    }

    /// Appends the entries' objects in the order of their sequence numbers. What is sorted is the
    /// numbers with each entry's position, not the entries themselves (objects with strings, which
    /// every move would retain and release).
    private static func append<Entries: Collection<Entry>>(_ entries: Entries, by order: (UInt64, UInt64) -> Bool,
                                                           to listing: inout [RateObject]) {
        let keyed = entries.indices.map { (entries[$0].sequence, $0) }.sorted { order($0.0, $1.0) }
        for (_, position) in keyed { listing.append(entries[position].object) }
    }

    mutating func insert(_ object: RateObject) {
        nextSequence += 1
        let entry = Entry(object: object, sequence: nextSequence)
        switch object.handle.target {
        case .leaf(let index): leaves[index] = entry
        case .node(let name):
            nodes[name] = entry
            childCount[name] = 0
        }
        if let parent = object.parent { childCount[parent, default: 0] += 1 }
    }

    /// Removes an object, dropping its parent's child count; returns it as it was.
    @discardableResult
    mutating func remove(_ target: RateHandle.Target) -> RateObject? {
        let removed: RateObject?
        switch target {
        case .leaf(let index): removed = leaves.removeValue(forKey: index)?.object
        case .node(let name):
            removed = nodes.removeValue(forKey: name)?.object
            childCount[name] = nil
        }
        if let parent = removed?.parent { childCount[parent, default: 1] -= 1 }
        return removed
    }

    /// Undoes the most recent `insert` (atomic node creation failing), sequence counter included.
    mutating func rollBackInsert(_ target: RateHandle.Target) {
        if remove(target) != nil { nextSequence -= 1 }
    }

    /// Replaces an object's attributes in place (keeps its listing position), keeping counts right.
    mutating func update(_ target: RateHandle.Target, _ change: (inout RateObject) -> Void) {
        let parents: (old: String?, new: String?)
        switch target {
        case .leaf(let index):
            guard let i = leaves.index(forKey: index) else { return }
            parents = Self.change(&leaves.values[i].object, change)
        case .node(let name):
            guard let i = nodes.index(forKey: name) else { return }
            parents = Self.change(&nodes.values[i].object, change)
        }
        adjustParent(from: parents.old, to: parents.new)
    }

    /// Changes an object where it is stored (no copy of it, one lookup of its key).
    private static func change(_ object: inout RateObject,
                               _ change: (inout RateObject) -> Void) -> (old: String?, new: String?) {
        let old = object.parent
        change(&object)
        return (old, object.parent)
    }

    private mutating func adjustParent(from old: String?, to new: String?) {
        guard old != new else { return }
        if let old { childCount[old, default: 1] -= 1 }
        if let new { childCount[new, default: 0] += 1 }
    }

    /// True if `node` is `start` or one of its ancestors (walks parent links; bounded by the node count).
    func isAncestor(_ node: String, of start: String) -> Bool {
        var current: String? = start
        var steps = 0
        while let name = current, steps <= nodes.count {
            if name == node { return true }
            current = nodes[name]?.object.parent
            steps += 1
        }
        return false
    }
}
