import Foundation
import Testing
@testable import DLSLanguage

/// grammar/dls.ebnf is the grammar's reference: these tests fail when it and the parser drift apart.
@Suite struct GrammarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func ebnf() throws -> String {
        try String(contentsOf: root.appendingPathComponent("grammar/dls.ebnf"), encoding: .utf8)
    }

    /// The double-quoted alternatives of one rule (`name = "a" | "b" ;`).
    static func alternatives(of rule: String) throws -> Set<String> {
        let text = try ebnf()
        guard let start = text.range(of: "\n\(rule) ") else { return [] }
        var out = Set<String>()
        var current: String?
        // The rule ends at the first ';' outside quotes.
        for ch in text[start.upperBound...] {
            if ch == ";" && current == nil { break }
            if ch == "\"" {
                if let c = current { out.insert(c); current = nil } else { current = "" }
            } else if current != nil {
                current?.append(ch)
            }
        }
        return out
    }

    @Test func keywordsMatchTheLexer() throws {
        #expect(try Self.alternatives(of: "keyword") == Set(Keyword.allCases.map(\.rawValue)))
    }

    @Test func operatorsMatchTheLexer() throws {
        #expect(try Self.alternatives(of: "operator") == Set(Symbol.allCases.map(\.rawValue)))
    }

    @Test func rateUnitsMatchTheLexer() throws {
        #expect(try Self.alternatives(of: "rate_unit") == Set(Rate.unitNames))
        for unit in Rate.unitNames { #expect(Rate.multiplier(forSuffix: unit.uppercased()) != nil, "\(unit)") }
    }

    @Test func contextualWordsMatchTheParser() throws {
        #expect(try Self.alternatives(of: "contextual_word") == Parser.contextualWords)
    }

    /// The rule as written in the grammar, and the parser reading exactly that shape.
    @Test func importFollowsItsRule() throws {
        #expect(try Self.ebnf().contains("import_stmt    = \"import\" PLAIN_STRING \"as\" IDENT ;"))
        #expect(try Self.ebnf().contains("| import_stmt |"))
        let (program, diagnostics) = Parser.parse("import \"lib/x.dls\" as x\nlet import = 1\nlet as = import", file: "g.dls")
        #expect(diagnostics.isEmpty)
        guard case .import(let decl) = program.statements.first?.kind else {
            Issue.record("not an import: \(String(describing: program.statements.first?.kind))")
            return
        }
        #expect(decl.path == "lib/x.dls" && decl.name == "x")
        #expect(decl.pathLocation.column == 8)
        for bad in ["import \"x.dls\"", "import x", "import \"${p}.dls\" as x", "import \"x.dls\" as", "import \"\" as x",
                    "import \"x.dls\" as let"] {
            #expect(!Parser.parse(bad, file: "g.dls").1.isEmpty, "\(bad) parsed")
            // A finished line, not an unfinished one: the REPL reports it instead of reading more.
            #expect(!Parser.needsMoreInput(bad), "\(bad) asks for more input")
        }
    }

    @Test func everyExampleParses() throws {
        let words = try Self.alternatives(of: "command_word")
        #expect(words.contains("port"))
        var files: [URL] = []
        for dir in ["grammar", "scripts", "Tests/Scenarios", "Tests/ScenarioFailures", "Tests/Live"] {
            let url = Self.root.appendingPathComponent(dir)
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in walker where file.pathExtension == "dls" { files.append(file) }
        }
        #expect(!files.isEmpty)
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            let diagnostics = Parser.parse(source, file: file.lastPathComponent, commandWords: words).1
            #expect(diagnostics.isEmpty, "\(file.path): \(diagnostics.map(\.message))")
        }
    }
}

@Suite struct EditorGrammarTests {
    /// The TextMate grammar must be valid JSON and know every keyword of the lexer.
    @Test func editorGrammarCoversTheKeywords() throws {
        let url = GrammarTests.root.appendingPathComponent("grammar/dls.tmLanguage.json")
        let data = try Data(contentsOf: url)
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil)
        let text = String(decoding: data, as: UTF8.self)
        for keyword in Keyword.allCases {
            #expect(text.contains(keyword.rawValue), "editor grammar lacks '\(keyword.rawValue)'")
        }
        for word in try GrammarTests.alternatives(of: "command_word") {
            #expect(text.contains(word), "editor grammar lacks command word '\(word)'")
        }
        for word in Parser.contextualWords {
            #expect(text.contains("(\(word))") || text.contains("|\(word)") || text.contains("\(word)|"),
                    "editor grammar lacks '\(word)'")
        }
    }
}
