/// The one walk over a run of TLVs that every attribute reader uses, so they all accept and reject
/// the same bytes with the same errors. Lengths that overrun the buffer or are < 4 are errors; a
/// final chunk shorter than one header is tolerated only if it is padding (all zero).
enum AttributeWalk {
    /// Calls `visit(type, nestedFlag, headerOffset, payloadLength)` for each attribute of `raw` in wire
    /// order (`type` without the flag bits, `headerOffset` from the start of `raw`). Error offsets are
    /// `raw`'s offsets plus `errorBase`.
    @inline(__always)
    static func forEach(_ raw: UnsafeRawBufferPointer, errorBase: Int,
                        _ visit: (_ type: UInt16, _ nestedFlag: Bool, _ headerOffset: Int, _ payloadLength: Int) -> Void) throws {
        var i = 0
        while i < raw.count {
            let offset = errorBase + i
            let remaining = raw.count - i
            guard remaining >= 4 else {
                if raw[i...].allSatisfy({ $0 == 0 }) { return }
                throw NetlinkError.truncated("attribute header at offset \(offset)")
            }
            let length = raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)
            let rawType = raw.loadUnaligned(fromByteOffset: i + 2, as: UInt16.self)
            guard length >= 4 else { throw NetlinkError.malformed("attribute length \(length) at offset \(offset)") }
            guard length <= remaining else {
                throw NetlinkError.truncated("attribute type \(rawType & AttributeFlag.typeMask) wants \(length) bytes, \(remaining) left")
            }
            visit(rawType & AttributeFlag.typeMask, rawType & AttributeFlag.nested != 0, i, Int(length) - 4)
            i += Bytes.align4(Int(length))
        }
    }
}
