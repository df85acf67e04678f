/// Int keys (the map a loop counts into, ports by index) hash with a multiply–xorshift mix instead of
/// SipHash: hashing was the largest single cost of int-keyed maps. A per-process random key goes in
/// first, so the buckets keys land in differ from run to run as they do with Hasher (python hashes
/// ints to themselves). Every other key hashes as before.
extension MapKey {
    private static let processKey = UInt64.random(in: .min ... .max)

    public func _rawHashValue(seed: Int) -> Int {
        if case .int(let number) = self {
            return Int(bitPattern: UInt(Self.mix(UInt64(bitPattern: Int64(number)) ^ UInt64(bitPattern: Int64(seed)) ^ Self.processKey)))
        }
        var hasher = Hasher()
        hasher.combine(seed)
        hash(into: &hasher)
        return hasher.finalize()
    }

    /// The finaliser of splitmix64: every input bit reaches the low bits the hash table indexes by.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}
