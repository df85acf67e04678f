import Foundation
import Testing

/// One bad input and everything a user sees for it. `arguments` are dls's command line, run in a
/// fresh directory holding `file`. A device `command` (the last line of the script) is also run as
/// a `dls -f -b` batch between two listings of the whole device state, after `setup`: both
/// listings must be equal, so a failed command changed nothing.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var file: (name: String, text: String)?
    var command: String?
    var setup: String?
    var status: Int32
    var stderr: String
    /// ArgumentParser's usage errors end in the full option list: only their first lines are compared.
    var stderrIsPrefix = false

    init(name: String, arguments: [String], file: (String, String)? = nil, command: String? = nil,
         setup: String? = nil, status: Int32, stderr: String) {
        self.name = name
        self.arguments = arguments
        self.file = file.map { (name: $0.0, text: $0.1) }
        self.command = command
        self.setup = setup
        self.status = status
        self.stderr = stderr
    }

    init(name: String, arguments: [String], status: Int32, stderrStart: String) {
        self.init(name: name, arguments: arguments, status: status, stderr: stderrStart)
        stderrIsPrefix = true
    }

    var testDescription: String { name }
}

/// The error quality sweep (issue 9): every message says where (file:line:col with a caret, or the
/// option and the file), what was expected and what was given; exit status 2 for usage and syntax
/// errors, 1 for the rest.
@Suite("bad inputs: exact messages, exit status, nothing changed")
struct BadInputCatalogueTests {
    /// Everything a device can show; printed before and after a failed command.
    static let stateListing = """
        dev show
        dev eswitch show pci/0000:06:00.0
        dev eswitch show pci/0000:06:00.1
        port show
        port function rate show
        dev param show

        """

    @Test("the catalogue has at least 50 inputs")
    func size() {
        #expect(BadInputCatalogue.all.count >= 50)
    }

    @Test("message and exit status", arguments: BadInputCatalogue.all)
    func message(_ input: BadInput) throws {
        let directory = try Self.directory(with: input.file)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(input.arguments, directory: directory)
        if input.stderrIsPrefix {
            #expect(result.stderr.hasPrefix(input.stderr), "\(result.stderr)")
        } else {
            #expect(result.stderr == input.stderr)
        }
        #expect(result.status == input.status)
    }

    @Test("a failed device command changes nothing", arguments: BadInputCatalogue.all.filter { $0.command != nil })
    func nothingChanged(_ input: BadInput) throws {
        let setup = input.setup.map { $0 + "\n" } ?? ""
        // The same emulator (and kernel version) the catalogue entry runs on.
        let emulator = input.arguments.firstIndex(of: "--emulator").flatMap { at in
            at + 1 < input.arguments.count ? ["--emulator", input.arguments[at + 1]] : nil
        } ?? []
        let clean = try CLI.run(emulator + ["-f", "-b", "-"], stdin: setup + Self.stateListing + Self.stateListing)
        let failed = try CLI.run(emulator + ["-f", "-b", "-"], stdin: setup + Self.stateListing + (input.command ?? "") + "\n" + Self.stateListing)
        #expect(clean.status == 0, "setup failed: \(clean.stderr)")
        #expect(failed.status == 1)
        #expect(failed.stdout == clean.stdout)
    }

    static func directory(with file: (name: String, text: String)?) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dls-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let file { try file.text.write(to: directory.appendingPathComponent(file.name), atomically: true, encoding: .utf8) }
        return directory
    }
}
