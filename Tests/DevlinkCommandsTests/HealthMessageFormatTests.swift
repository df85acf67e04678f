@testable import DevlinkCommands
@testable import DevlinkEmulator
import DevlinkModel
import Testing

/// devlink's printing of formatted messages, checked against what devlink 6.15 printed in the guest for
/// netdevsim's dummy reporter with a 16- and a 20-byte test_binary (random bytes, so no kernel golden can
/// hold them; the bytes below are the guest's).
@Suite struct HealthMessageFormatTests {
    func dummy(_ bytes: [UInt8]) -> HealthMessage {
        var m = HealthMessage()
        m.objectStart()
        EmulatorState.nsimDummyMessage(&m, binary: bytes)
        m.objectEnd()
        return m
    }

    static let twenty: [UInt8] = [0x96, 0xd9, 0x8a, 0x33, 0xa6, 0x2a, 0x7c, 0x8e, 0xf6, 0x94, 0xab, 0x11, 0x0a, 0x3d, 0x59, 0xf2,
                                  0x01, 0xdc, 0x1e, 0x86]

    @Test func binaryLinesBreakEvery16BytesAsDevlinkPrintsThem() {
        let (text, stopped) = HealthMessageFormat.text(dummy(Self.twenty))
        #expect(stopped)
        #expect(text == """
             test_bool: true test_u8: 1 test_u32: 3 test_u64: 4 test_string: somestring
              test_binary:
                96 d9 8a 33 a6 2a 7c 8e f6 94 ab 11 0a 3d 59 f2 \n    01 dc 1e 86 \n  test_nest:
                nested_test_bool: false nested_test_u8: 0

            """)
    }

    @Test func binaryInPrettyJSONIsOneLineOfNumbers() {
        let bytes: [UInt8] = [63, 24, 180, 83, 6, 216, 181, 202, 88, 0, 9, 97, 255, 78, 13, 88, 60, 110, 15, 193]
        var w = IPJSONWriter(pretty: true)
        #expect(HealthMessageFormat.json(dummy(bytes), into: &w))
        #expect(w.finish().contains(#""test_binary": [ 63,24,180,83,6,216,181,202,88,0,9,97,255,78,13,88,60,110,15,193 ],"#))
    }

    /// A well-formed message (no stray end): arrays of values and of objects, read to the end. Expected
    /// text worked out from cmd_fmsg_object_cb and its helpers (iproute2 6.15), not captured.
    @Test func arraysOfValuesAndObjects() {
        var m = HealthMessage()
        m.objectStart()
        m.arrayPairStart("list")
        for i in 0..<3 { m.put(.u32(UInt32(i))) }
        m.arrayPairEnd()
        m.arrayPairStart("objects")
        for i in 0..<2 {
            m.objectStart()
            m.pair("n", .u8(UInt8(i)))
            m.objectEnd()
        }
        m.arrayPairEnd()
        m.objectEnd()
        let (text, stopped) = HealthMessageFormat.text(m)
        #expect(!stopped)
        #expect(text == " list:\n    0 1 2\n  objects:\n      n: 0\n      n: 1\n")
        var w = IPJSONWriter(pretty: false)
        HealthMessageFormat.json(m, into: &w)
        #expect(w.finish() == #"{"list":[0,1,2],"objects":[{"n":0},{"n":1}]}"# + "\n")
    }
}
