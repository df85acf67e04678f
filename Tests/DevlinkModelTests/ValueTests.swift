import DevlinkModel
import Testing

@Suite struct ValueTests {
    @Test func errnoNamesNumbersAndGlibcTexts() {
        #expect(Errno.EEXIST.number == 17 && Errno.EEXIST.name == "EEXIST" && Errno.EEXIST.message == "File exists")
        #expect(Errno.EBUSY.message == "Device or resource busy")
        #expect(Errno.ENODEV.message == "No such device")
        #expect(Errno.EINVAL.message == "Invalid argument")
        #expect(Errno.EOPNOTSUPP.number == 95 && Errno.EOPNOTSUPP.message == "Operation not supported")
        #expect(Errno.ERANGE.message == "Numerical result out of range")
        #expect(Errno.ENOMEM.message == "Cannot allocate memory")
        #expect(Errno(name: "ENOTSUP") == .EOPNOTSUPP)
        #expect(Errno(name: "eexist") == .EEXIST)
        #expect(Errno(name: "EWHAT") == nil)
        #expect(Errno(number: 524).message == "Unknown error 524")
    }

    @Test func macParseFormatArithmetic() throws {
        let mac = try MACAddress(parsing: "00:11:22:AA:bb:F")
        #expect(mac.description == "00:11:22:aa:bb:0f")
        #expect(mac.isEthernet && !mac.isMulticast)
        #expect((mac + 1).description == "00:11:22:aa:bb:10")
        let edge = try MACAddress(parsing: "00:00:00:00:88:ff")
        #expect((edge + 1).description == "00:00:00:00:89:00")
        #expect((edge + 0x101).description == "00:00:00:00:8a:00")
        #expect((edge - 0xff).description == "00:00:00:00:88:00")
        let top = try MACAddress(parsing: "ff:ff:ff:ff:ff:ff")
        #expect(top.adding(1) == nil)
        #expect((top + 1) == MACAddress.zero)
        #expect(try MACAddress(parsing: "01:00:5e:00:00:01").isMulticast)
        #expect(throws: HandleParseError.self) { try MACAddress(parsing: "00:11:22:33:44:gg") }
        #expect(throws: HandleParseError.self) { try MACAddress(parsing: "00:11::33") }
        #expect(throws: HandleParseError.self) { try MACAddress(parsing: "001:11") }
    }

    /// Every length the kernel allows, every byte value: two lower-case hex digits per byte, colons between.
    @Test func macTextMatchesTheByteByByteSpelling() throws {
        for length in 1...MACAddress.maxLength {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + length * 11) }
            let mac = try #require(MACAddress(bytes: bytes))
            let spelled = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: ":")
            #expect(mac.description == spelled)
            #expect(try MACAddress(parsing: spelled) == mac)
        }
        for byte in 0...255 {
            #expect(MACAddress(bytes: [UInt8(byte)])?.description == ((byte < 16 ? "0" : "") + String(byte, radix: 16)))
        }
    }

    @Test(arguments: [
        ("10Gbit", UInt64(1_250_000_000)), ("100mbit", 12_500_000), ("12Mbit", 1_500_000), ("1Gbps", 1_000_000_000),
        ("100", 12), ("1.5gbit", 187_500_000), ("1kibit", 128), ("2KiBps", 2048),
    ])
    func rateUnits(text: String, bytes: UInt64) {
        #expect(RateValue.bytesPerSecond(parsing: text) == bytes)
    }

    /// print_color_rate's text, as devlink builds it with printf: the bytes `text` writes itself
    /// must say the same for every magnitude, both unit systems and the extremes.
    @Test func rateText() {
        func reference(_ bytes: UInt64, iec: Bool) -> String {
            let k: UInt64 = iec ? 1024 : 1000
            var bits = bytes &* 8, unit = 0
            while unit < 4, bits >= k, bits % k == 0 || bits >= 1000 * k { bits /= k; unit += 1 }
            return "\(bits)\(["", "K", "M", "G", "T"][unit])\(iec && unit > 0 ? "i" : "")bit"
        }
        var values: [UInt64] = [0, 1, 124, 125, 128, 1_500_000, 1_250_000_000, 125_000_000_000_000, UInt64.max, UInt64.max / 8]
        for shift in 0..<64 { values += [UInt64(1) << shift, (UInt64(1) << shift) &- 1, (UInt64(1) << shift) &* 125] }
        for power in 0..<19 { var v: UInt64 = 1; for _ in 0..<power { v &*= 10 }; values += [v, v &* 3, v &- 1] }
        for v in values {
            #expect(RateValue.text(bytesPerSecond: v) == reference(v, iec: false), "\(v)")
            #expect(RateValue.text(bytesPerSecond: v, iec: true) == reference(v, iec: true), "\(v) iec")
        }
        #expect(RateValue.text(bytesPerSecond: 1_500_000) == "12Mbit")
        #expect(RateValue.text(bytesPerSecond: 1_500_000, iec: true) == "11718Kibit")
    }

    @Test func badRates() {
        for text in ["", "-1gbit", "10gbits", "gbit", "1.2.3mbit"] {
            #expect(RateValue.bytesPerSecond(parsing: text) == nil, "\(text)")
        }
    }

    @Test func enumSpellingsAndNumbers() {
        #expect(PortFlavour(name: "pcisf") == .pcisf && PortFlavour.pcisf.rawValue == 7)
        #expect(PortFlavour.unused.name == "<unknown flavour>")
        #expect(EswitchMode(name: "switchdev_inactive")?.rawValue == 2)
        #expect(EswitchInlineMode.transport.rawValue == 3 && EswitchEncapMode.basic.rawValue == 1)
        #expect(PortType(name: "ib")?.rawValue == 3)
        #expect(FunctionOpState.attached.rawValue == 1 && FunctionState.active.name == "active")
        #expect(ParamCMode(name: "driverinit")?.rawValue == 1)
    }

    @Test func functionCapsBitfield() {
        let changes = PortFunctionChanges(roce: true, migratable: false)
        #expect(changes.caps.selector == [.roce, .migratable])
        #expect(changes.caps.value == [.roce])
        #expect(PortFunctionChanges().isEmpty)
    }
}
