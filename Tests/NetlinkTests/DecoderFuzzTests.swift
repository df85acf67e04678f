import Testing
@testable import Netlink

/// Random, truncated and mutated bytes must give errors, never traps.
@Suite struct DecoderFuzzTests {
    /// SplitMix64: deterministic, so a failure reproduces.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
        mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
    }

    /// Runs every decoder over `bytes` seen as a datagram, an attribute run and a message payload.
    static func exercise(_ bytes: [UInt8]) {
        if let msgs = try? NetlinkMessage.parseAll(bytes) {
            for m in msgs { decodeAll(m) }
        }
        _ = try? AttributeList(parsing: bytes)
        decodeAll(NetlinkMessage(header: NetlinkHeader(type: 2, flags: [.ackTLVs]), payload: bytes))
        decodeAll(NetlinkMessage(header: NetlinkHeader(type: 0x17, flags: []), payload: bytes))
    }

    static func decodeAll(_ m: NetlinkMessage) {
        _ = try? Acknowledgement.parseError(m)
        _ = try? Acknowledgement.parseDone(m)
        _ = try? GenericFamily(parsing: m)
        _ = try? GenericPolicy.decode(operations: [], dump: [m])
        _ = try? DevlinkDecoder.event(m)
        _ = try? RouteLinkDecoder.link(m)
        if let a = try? DevlinkDecoder.attributes(m) {
            _ = try? DevlinkDecoder.port(a)
            _ = try? DevlinkDecoder.rate(a)
            _ = try? DevlinkDecoder.info(a)
            _ = try? DevlinkDecoder.param(a)
            _ = try? DevlinkDecoder.eswitch(a)
            _ = try? DevlinkDecoder.device(a)
            for attr in a { _ = try? attr.nested(); _ = try? attr.uint(); _ = try? attr.bitfield32() }
        }
    }

    @Test func randomBytes() {
        var r = Random(state: 0xD15)
        for _ in 0..<3000 { Self.exercise(r.bytes(r.below(200))) }
    }

    /// Random bytes behind a plausible header, so the decoders get past the first length check.
    @Test func randomPayloadsBehindValidHeaders() {
        var r = Random(state: 42)
        for _ in 0..<3000 {
            let payload = [UInt8(r.below(90)), 1, 0, 0] + r.bytes(r.below(160))
            let m = NetlinkMessage(header: NetlinkHeader(type: UInt16(r.below(40)), flags: NetlinkFlags(rawValue: UInt16(r.below(0x400)))),
                                   payload: payload)
            Self.exercise(m.bytes)
        }
    }

    @Test func everyTruncationOfEveryCapturedDatagram() throws {
        for name in try Fixture.allNames() {
            for (_, bytes) in try Fixture.load(name).datagrams where bytes.count < 2048 {
                for cut in stride(from: 0, to: bytes.count, by: bytes.count > 400 ? 7 : 1) {
                    Self.exercise(Array(bytes.prefix(cut)))
                }
            }
        }
    }

    @Test func bitFlipsInCapturedReplies() throws {
        var r = Random(state: 7)
        for name in ["port-show-vfs", "rate-show-json", "dev-info", "dev-param-show", "monitor", "bond-show", "err-rate-loop",
                     "genl-devlink-family"] {
            for (_, bytes) in try Fixture.load(name).datagrams where !bytes.isEmpty {
                for _ in 0..<60 {
                    var b = bytes
                    for _ in 0..<(1 + r.below(4)) { b[r.below(b.count)] ^= UInt8(1 << r.below(8)) }
                    Self.exercise(b)
                }
            }
        }
    }

    /// The policy dump's datagrams are large (4-8 KB): bit flips go to the policy decoder alone.
    @Test func bitFlipsInThePolicyDump() throws {
        var r = Random(state: 25)
        for (direction, bytes) in try Fixture.load("genl-devlink-policy").datagrams where direction == .received {
            for _ in 0..<40 {
                var b = bytes
                for _ in 0..<(1 + r.below(4)) { b[r.below(b.count)] ^= UInt8(1 << r.below(8)) }
                if let messages = try? NetlinkMessage.parseAll(b) {
                    _ = try? GenericPolicy.decode(operations: [75, 76], dump: messages)
                }
            }
        }
    }
}
