import DevlinkModel
import PropertyBased
import Testing
@testable import DevlinkCommands

/// The byte-level parsers against the String-based ones they replaced (`Legacy`): same values, same
/// messages, on tricky words and on many random ones.
@Suite("Word parsing: bytes vs the old Strings")
struct WordParsingTests {
    /// Seeded, so a failure reproduces.
    struct Random {
        var generator: Xoshiro

        init(state: UInt64) { generator = Xoshiro(seed: (state, ~state, state &* 3, 0x9E37_79B9_7F4A_7C15)) }

        /// Up to `count` pieces of `alphabet` run together.
        mutating func text(_ alphabet: [String], upTo count: Int) -> String {
            (0..<Int.random(in: 0...count, using: &generator)).map { _ in alphabet[Int.random(in: alphabet.indices, using: &generator)] }.joined()
        }
    }

    enum Outcome<T: Equatable>: Equatable {
        case value(T)
        case error(lines: [String], errno: Errno, word: Int?, hint: String?)

        init(_ body: () throws(ClientError) -> T) {
            do { self = .value(try body()) } catch { self = .error(lines: error.lines, errno: error.errno, word: error.wordIndex, hint: error.hint) }
        }
    }

    static let kinds: [HandleKind] = [.device, .port, .deviceOrPort, .rate, .rateNode, .netdev]

    static let trickyHandles = [
        "", "/", "//", "///", "pci", "pci/", "/x", "pci/0000:06:00.0", "pci/0000:06:00.0/", "pci/0000:06:00.0/1",
        "pci/0000:06:00.0/65535", "pci/0000:06:00.0/4294967295", "pci/0000:06:00.0/4294967296", "pci/0000:06:00.0/00001",
        "pci/0000:06:00.0/-1", "pci/0000:06:00.0/+1", "pci/0000:06:00.0/ 1", "pci/0000:06:00.0/1 ", "pci/0000:06:00.0/g1",
        "pci/0000:06:00.0/1a", "pci//1", "/x/1", "a/b/c/d", "netdevsim/netdevsim1/128", "eth0", "pci/dev/99999999999999999999999",
        "pci/dev/ü", "pci\u{301}/dev/1", "bus/näme/node", "auxiliary/mlx5_core.sf.4",
    ]

    func checkHandle(_ word: String?) {
        let parser = HandleParser(portForNetdev: { _ in nil })
        for kind in Self.kinds {
            let new = Outcome { () throws(ClientError) in try parser.parse(kind, word, at: 3) }
            let old = Outcome { () throws(ClientError) in try Legacy.handle(kind, word, at: 3) }
            #expect(new == old, "\(kind) \(word.map { "\"\($0)\"" } ?? "nil")")
        }
    }

    /// One parser for many words, as a runner keeps it: the device it reuses while words start with
    /// the same `bus/name` bytes must never leak into a word spelled otherwise (empty parts, other
    /// lengths, non-ASCII bytes, a device then a port of another device).
    @Test func sharedParserMatchesLegacy() {
        let parser = HandleParser(portForNetdev: { _ in nil })
        var r = Random(state: 0x5A4E)
        let alphabet = ["pci", "pc", "/", "/", "/", "0", "1", "é", "e\u{301}", "ü", "x", "4294967296"]
        let words = Self.trickyHandles + Self.trickyHandles.reversed() + (0..<3000).map { _ in r.text(alphabet, upTo: 6) }
        for word in words {
            for kind in Self.kinds {
                let new = Outcome { () throws(ClientError) in try parser.parse(kind, word, at: 1) }
                let old = Outcome { () throws(ClientError) in try Legacy.handle(kind, word, at: 1) }
                #expect(new == old, "\(kind) \"\(word)\"")
            }
        }
    }

    @Test func trickyHandles() {
        checkHandle(nil)
        for word in Self.trickyHandles { checkHandle(word) }
    }

    @Test func randomHandles() {
        var r = Random(state: 0x6A1D)
        let alphabet = ["pci", "/", "/", "0", "1", "9", ":", ".", " ", "-", "+", "x", "é", "4294967296", "99999999999999999999"]
        for _ in 0..<3000 { checkHandle(r.text(alphabet, upTo: 7)) }
    }

    /// devlink cuts a handle at its slash bytes (`strrchr`); the old Character split glued a combining
    /// mark to the slash before it and cut elsewhere.
    @Test func handlesAreCutAtSlashBytes() throws {
        let parser = HandleParser(portForNetdev: { _ in nil })
        #expect(try parser.parse(.rate, "pci/dev/\u{301}", at: 0) == .rate(.node(DeviceHandle(bus: "pci", name: "dev"), "\u{301}")))
        #expect(try parser.parse(.device, "pci/\u{301}dev", at: 0) == .device(DeviceHandle(bus: "pci", name: "\u{301}dev")))
    }

    @Test func numbers() {
        var r = Random(state: 0x5EED)
        let alphabet = [" ", "\t", "\n", "\u{0B}", "+", "-", "0", "1", "5", "9", "a", "18446744073709551615", "4294967296", "65536"]
        let tricky = ["", " ", "-", "+", "0", "-0", "+0", "007", " 7", "7 ", "-1", "65535", "65536", "4294967295", "4294967296",
                      "18446744073709551615", "18446744073709551616", "99999999999999999999999", "1e3", "0x10", "１"]
        for text in tricky + (0..<3000).map({ _ in r.text(alphabet, upTo: 6) }) {
            for max in [UInt64(UInt16.max), UInt64(UInt32.max), UInt64.max] {
                #expect(WordParsers.unsigned(text, max: max) == Legacy.unsigned(text, max: max), "\"\(text)\" max \(max)")
            }
        }
    }

    static let trickyRates = [
        "", "0", "1", "10mbit", "10Mbit", "10MBIT", "1.5Gbit", "1.5gbps", "0.5KIBPS", "1e3mbit", "1E3Mbit", "1e", "1e-3gbit",
        "5.", ".5gbit", "-5", "+5mbit", "5xbit", "5ibit", "5kibit", "5KiBit", "5mbits", "5bytes", "0x10", "inf", "nan", "infbit",
        "1.2.3mbit", "0.1bit", "0.0000000000001tbit", "3.333333333333333333gbit", "123456789012345bit", "1234567890123456bit",
        "1234567890123456789bit", "18446744073709551615bit", "147573952589676412920bit", "147573952589676412928bit",
        "99999999999999999999999tbit", "18446744073709551615bps", "2305843009213693951bps", "2305843009213693952bps",
        "10\u{212A}bit", "10 mbit", " 10mbit", "10mbit ", "5 ", "１0mbit", "5μbit", "5tibps", "5Tibps", "999999999999999tibps",
        "0.000000000000001", "000000000000001mbit", "0000000000000001mbit",
    ]

    @Test func rates() {
        var r = Random(state: 0xBA7E)
        let alphabet = ["0", "1", "5", "9", ".", "e", "E", "+", "-", "k", "K", "m", "g", "t", "T", "i", "I", "b", "B", "p", "s", "S",
                        "bit", "bps", "x", " ", "\u{212A}", "é", "inf", "nan", "0x", "999999999999"]
        for text in Self.trickyRates + (0..<5000).map({ _ in r.text(alphabet, upTo: 6) }) {
            #expect(WordParsers.rate(text) == Legacy.rate(text), "\"\(text)\"")
        }
    }

    @Test func rateValues() {
        #expect(WordParsers.rate("0.5KIBPS") == 512)
        #expect(WordParsers.rate("123456789012345bit") == 15_432_098_626_543)
        #expect(WordParsers.rate("3.3gbit") == 412_500_000)
        #expect(WordParsers.rate("18446744073709551615bps") == nil)
        #expect(WordParsers.rate("1e3mbit") == 125_000_000)
    }

    func checkBatch(_ text: String) {
        var reader = BatchReader(text)
        var lines: [BatchReader.Line] = []
        let new: Result<[BatchReader.Line], BatchReader.Failure>
        do {
            while let line = try reader.nextLine() { lines.append(line) }
            new = .success(lines)
        } catch {
            new = .failure(error)
        }
        #expect(new == Legacy.batchLines(text), "\(text.debugDescription)")
    }

    @Test func batchFiles() {
        var r = Random(state: 0xB47C)
        let alphabet = ["port", "rate", " ", "  ", "\t", "\n", "\n", "#", "\\", "\\\n", "\"", "'", "x", "é", "e\u{301}", "\r", "a#b"]
        for text in ["", "\n", "\\", "\\\n", "a\\\n", "a\\\nb", "a\\\n\\\nb\n", "'a'b c", "\"a", "# only\n", "a # b \\\nc"] {
            checkBatch(text)
        }
        for _ in 0..<3000 { checkBatch(r.text(alphabet, upTo: 24)) }
    }
}
