extension Arguments {
    /// `sleep`'s argument `i`: a number of seconds (int or float), from 0 to one day. The language's
    /// sleep and the device clock's sleep (virtual time in tests) take it alike.
    public func sleepSeconds(_ i: Int) throws -> Double {
        let seconds: Double
        switch self[i] {
        case .int(let n): seconds = Double(n)
        case .float(let f): seconds = f
        default: throw error("seconds must be a number, got \(self[i].typeName)")
        }
        guard seconds >= 0, seconds <= 86_400 else { throw error("seconds must be between 0 and 86400") }
        return seconds
    }
}
