import FuzzSupport
import Netlink

/// The netlink message splitter and every devlink / rtnetlink / genetlink / ack decoder on arbitrary
/// bytes, seen as a received datagram, as a bare attribute run and as the payload of one message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetlink(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let messages = try? NetlinkMessage.parseAll(bytes) {
        var collector = ReplyCollector(sequence: messages.first?.header.sequence ?? 0, isDump: true)
        for message in messages {
            decodeAll(message)
            _ = try? collector.consume(message)
        }
    }
    if let attributes = try? AttributeList(parsing: bytes) { readEvery(attributes) }
    // The same bytes behind a valid header, so the decoders get past the length checks.
    decodeAll(NetlinkMessage(header: NetlinkHeader(type: NetlinkMessageType.error, flags: [.ackTLVs]), payload: bytes))
    decodeAll(NetlinkMessage(header: NetlinkHeader(type: NetlinkMessageType.done, flags: [.ackTLVs, .capped]), payload: bytes))
    decodeAll(NetlinkMessage(header: NetlinkHeader(type: 0x17, flags: []), payload: bytes))
    return 0
}

private func decodeAll(_ message: NetlinkMessage) {
    _ = try? Acknowledgement.parseError(message)
    _ = try? Acknowledgement.parseDone(message)
    _ = try? GenericFamily(parsing: message)
    _ = try? DevlinkDecoder.event(message)
    _ = try? RouteLinkDecoder.link(message)
    guard let attributes = try? DevlinkDecoder.attributes(message) else { return }
    _ = try? DevlinkDecoder.device(attributes)
    _ = try? DevlinkDecoder.port(attributes)
    _ = try? DevlinkDecoder.rate(attributes)
    _ = try? DevlinkDecoder.eswitch(attributes)
    _ = try? DevlinkDecoder.info(attributes)
    _ = try? DevlinkDecoder.param(attributes)
    readEvery(attributes)
}

/// Every typed read on every attribute, one level of nesting down.
private func readEvery(_ attributes: AttributeList) {
    for attribute in attributes {
        _ = try? attribute.u8(); _ = try? attribute.u16(); _ = try? attribute.u32(); _ = try? attribute.u64()
        _ = try? attribute.s32(); _ = try? attribute.uint(); _ = try? attribute.be32(); _ = try? attribute.bitfield32()
        _ = attribute.string()
        if let nested = try? attribute.nested() {
            for inner in nested { _ = inner.string(); _ = try? inner.u64() }
        }
    }
}

/// `main` in debug builds (see FuzzSupport.runFuzzer).
@_cdecl("FuzzNetlink_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzNetlink)
}
