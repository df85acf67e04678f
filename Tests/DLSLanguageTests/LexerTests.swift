import Testing
@testable import DLSLanguage

@Suite struct LexerTests {
    func kinds(_ source: String) -> [TokenKind] {
        var lexer = Lexer(bytes: Array(source.utf8), file: "t")
        var out: [TokenKind] = []
        while true {
            let t = lexer.next()
            if t.kind == .eof { return out }
            out.append(t.kind)
        }
    }

    @Test func numbersRangesAndRates() {
        #expect(kinds("0..4") == [.int(0), .symbol(.range), .int(4)])
        #expect(kinds("1..<3") == [.int(1), .symbol(.rangeExclusive), .int(3)])
        #expect(kinds("1.5 2e3 0x1f 1_000") == [.float(1.5), .float(2000), .int(31), .int(1000)])
        #expect(kinds("10gbit") == [.rate(1_250_000_000, "10gbit")])
        #expect(kinds("100mbit") == [.rate(12_500_000, "100mbit")])
        #expect(kinds("1.5Gbps") == [.rate(1_500_000_000, "1.5Gbps")])
        #expect(kinds("8Kibit") == [.rate(1024, "8Kibit")])
        #expect(kinds("12Mbit") == [.rate(1_500_000, "12Mbit")])
    }

    @Test func badTokensAreErrorsNotCrashes() {
        guard case .error(let m) = kinds("10furlongs").first else { Issue.record("expected error"); return }
        #expect(m.contains("unknown unit 'furlongs'"))
        guard case .error(let big) = kinds("99999999999999999999").first else { Issue.record("expected error"); return }
        #expect(big.contains("does not fit in 64 bits"))
        guard case .error(let s) = kinds("\"abc").first else { Issue.record("expected error"); return }
        #expect(s.contains("unterminated string"))
    }

    @Test func locationsAreLineAndColumn() {
        var lexer = Lexer(bytes: Array("let x\n  = 3".utf8), file: "f.dls")
        _ = lexer.next(); _ = lexer.next(); _ = lexer.next()
        let eq = lexer.next()
        #expect(eq.location == SourceLocation(file: "f.dls", line: 2, column: 3))
    }
}

@Suite struct RateTests {
    @Test func parseLikeGetRate64() {
        #expect(Rate.parse("10Gbit")?.bytesPerSecond == 1_250_000_000)
        #expect(Rate.parse("100")?.bytesPerSecond == 12)
        #expect(Rate.parse("1Gbps")?.bytesPerSecond == 1_000_000_000)
        #expect(Rate.parse("1KIBPS")?.bytesPerSecond == 1024)
        #expect(Rate.parse("-5mbit") == nil)
        #expect(Rate.parse("5 mbit") == nil)
        #expect(Rate.parse("5xbit") == nil)
    }

    @Test func formatLikePrintColorRate() {
        #expect(Rate(bytesPerSecond: 1_500_000).formatted() == "12Mbit")
        #expect(Rate(bytesPerSecond: 1_500_000).formatted(iec: true) == "11718Kibit")
        #expect(Rate(bytesPerSecond: 1_250_000_000).formatted() == "10Gbit")
        #expect(Rate(bytesPerSecond: 1_000_000_000).formatted() == "8Gbit")
        #expect(Rate(bytesPerSecond: 5_000_000_000).formatted() == "40Gbit")
        #expect(Rate(bytesPerSecond: 12).formatted() == "96bit")
        #expect(Rate(bytesPerSecond: 0).formatted() == "0bit")
    }
}
