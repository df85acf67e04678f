/// A device's rate objects as a tree under one root (the uplink), with indexes instead of names so
/// that a simulation walks arrays. Built once per simulation or lint; rejects what the kernel would
/// never report (a parent that does not exist, a cycle) with an error naming the handles.
public struct RateTree: Sendable {
    /// One element: the root (index 0), a rate object, or mlx5's internal group0.
    public struct Element: Sendable {
        public enum Kind: Sendable, Equatable { case root, leaf, node, group0 }
        public var kind: Kind
        /// The object, nil for the root and group0.
        public var object: RateObject?
        public var parent: Int
        public var children: [Int] = []

        public var handle: String? { object?.handle.description }
        /// tx_max as bytes/s; infinity when unset.
        public var cap: Double {
            guard let max = object?.txMax, max > 0 else { return .infinity }
            return Double(max)
        }
    }

    public private(set) var elements: [Element]
    /// Elements depth first: every parent before its children, each subtree together (the root first).
    public private(set) var preorder: [Int]

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// `objects` are one device's rates. With `group0` (mlx5 up to 6.12) the leaves without a parent
    /// hang under one internal group that competes with the top-level nodes.
    public init(_ objects: [RateObject], group0: Bool = false) throws(Invalid) {
        elements = [Element(kind: .root, object: nil, parent: -1)]
        var nodeIndex: [String: Int] = [:]
        for object in objects {
            if let name = object.nodeName {
                guard nodeIndex[name] == nil else { throw Invalid(description: "node \(object.handle) is listed twice") }
                nodeIndex[name] = elements.count
            }
            elements.append(Element(kind: object.nodeName == nil ? .leaf : .node, object: object, parent: 0))
        }
        let hasTopLevelLeaf = objects.contains { $0.parent == nil && $0.nodeName == nil }
        let group0Index = group0 && hasTopLevelLeaf ? elements.count : nil
        if group0Index != nil { elements.append(Element(kind: .group0, object: nil, parent: 0)) }
        for i in 1..<elements.count {
            guard let object = elements[i].object else { continue }
            if let parentName = object.parent {
                guard let p = nodeIndex[parentName] else {
                    throw Invalid(description: "\(object.handle) names parent \"\(parentName)\", which is not a node of this device")
                }
                elements[i].parent = p
            } else if object.nodeName == nil, let group0Index {
                elements[i].parent = group0Index
            }
            elements[elements[i].parent].children.append(i)
        }
        if let group0Index { elements[0].children.append(group0Index) }
        // Depth first, children in listing order, so that a table lists each subtree under its
        // parent. Every element must be reachable from the root; one that is not sits on a cycle.
        var order: [Int] = []
        order.reserveCapacity(elements.count)
        var stack = [0]
        while let i = stack.popLast() {
            order.append(i)
            stack.append(contentsOf: elements[i].children.reversed())
        }
        guard order.count == elements.count else {
            var reached = [Bool](repeating: false, count: elements.count)
            for i in order { reached[i] = true }
            let all = elements
            let loop = all.indices.filter { !reached[$0] }.compactMap { all[$0].handle }
            throw Invalid(description: "the parents of \(loop.joined(separator: ", ")) form a cycle")
        }
        preorder = order
    }

    /// Indexes of the ancestors of `i`, nearest first, the root excluded.
    public func ancestors(of i: Int) -> [Int] {
        var result: [Int] = []
        var p = elements[i].parent
        while p > 0 {
            result.append(p)
            p = elements[p].parent
        }
        return result
    }
}
