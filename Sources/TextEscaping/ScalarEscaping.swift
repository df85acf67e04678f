extension String {
    /// The text with every Unicode scalar for which `replacement` answers a string replaced by that
    /// string; a scalar it answers nil for stays as it is. The one loop behind the JSON, dls-literal
    /// and XML escapers: each of them is only its table.
    public func escapingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
