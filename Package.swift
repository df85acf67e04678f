// swift-tools-version:6.1
import PackageDescription

// Module map (see DESIGN.md): text → DLSLanguage → DevlinkCommands → DeviceSession (DevlinkEmulator | Netlink).
// No target of the DLS library uses unsafe flags, so a package can depend on dls by version. Hot class
// properties (the interpreter's state, the netlink receive buffer) opt out of dynamic exclusivity
// checks one by one with @exclusivity(unchecked) instead of a module-wide -enforce-exclusivity flag.
let package = Package(
    name: "dls",
    products: [
        .executable(name: "dls", targets: ["dls"]),
        .library(name: "DLS", targets: ["DLS"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // Rate units (devlink's get_rate64 and print_color_rate): shared by the language's rate values
        // and devlink's rate options, so both read `1e3mbit` alike.
        .target(name: "RateUnits"),
        // Quoted and escaped strings (JSON in its dialects, XML): shared by the language's `json()` and
        // string literals, devlink's `-j` output, the desired-state document and the CLI's reports.
        .target(name: "TextEscaping"),
        // The language alone: knows nothing of devlink.
        .target(name: "DLSLanguage",
                dependencies: ["RateUnits", "TextEscaping", .product(name: "OrderedCollections", package: "swift-collections")]),
        // Domain types and the DeviceSession protocol every backend implements.
        .target(name: "DevlinkModel", dependencies: ["RateUnits", "TextEscaping"]),
        .target(name: "DevlinkEmulator", dependencies: ["DevlinkModel"]),
        .target(name: "Netlink", dependencies: ["DevlinkModel"]),
        .target(name: "DevlinkCommands", dependencies: ["DLSLanguage", "DevlinkModel", "TextEscaping"]),
        // Desired state: snapshot, plan (diff + driver ordering), apply (a transaction).
        .target(name: "DesiredState", dependencies: ["DevlinkModel", "DevlinkCommands", "RateUnits", "TextEscaping"]),
        .systemLibrary(name: "CLibEdit", path: "Sources/CLibEdit",
                       pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CEditIntr", dependencies: ["CLibEdit"]),
        // The REPL completes by the command table's kinds (DevlinkModel's CommandKinds), nothing else of devlink.
        .target(name: "DLSRepl", dependencies: ["DLSLanguage", "DevlinkModel", "CLibEdit", "CEditIntr"]),
        // Runs the interpreter on a big stack on the host's own thread (for DLS).
        .target(name: "CStackSwitch"),
        // What an embedding Swift program imports.
        .target(name: "DLS", dependencies: ["DLSLanguage", "DevlinkModel", "DevlinkEmulator",
                                            "Netlink", "DevlinkCommands", "DesiredState", "CStackSwitch", "TextEscaping"]),
        // glibc's malloc settings for the CLI process (not for embedders, who choose their own).
        .target(name: "CMallocTuning"),
        // The CLI and REPL use only the embedding API (plus the line editor and the text escaper): no
        // back doors.
        .executableTarget(name: "dls", dependencies: [
            "DLS", "DLSRepl", "CMallocTuning", "TextEscaping",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // What more than one test target needs (sanitizer detection).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DLSLanguageTests", dependencies: ["DLSLanguage", "TestSupport"]),
        .testTarget(name: "DevlinkModelTests", dependencies: ["DevlinkModel"]),
        .testTarget(name: "TextEscapingTests", dependencies: ["TextEscaping"]),
        .testTarget(name: "DevlinkEmulatorTests", dependencies: [
            "DevlinkEmulator", "DevlinkModel",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "NetlinkTests", dependencies: ["Netlink", "DevlinkModel", "DevlinkCommands"]),
        .testTarget(name: "DevlinkCommandsTests", dependencies: [
            "DevlinkCommands", "DevlinkEmulator", "DLSLanguage", "Netlink",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "DesiredStateTests", dependencies: [
            "DesiredState", "DevlinkEmulator", "DevlinkModel", "DevlinkCommands",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "DLSReplTests", dependencies: ["DLSRepl", "DLSLanguage", "DevlinkModel"]),
        // The embedding API, used only through the `DLS` product as an embedder would.
        .testTarget(name: "DLSTests", dependencies: ["DLS", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DLSLanguage"]),
        // The CLI's own parsing (the hand parser against ArgumentParser).
        .testTarget(name: "CLITests", dependencies: [
            "dls", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
