// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for dls, one executable per entry point. Built only by scripts/fuzz.sh, with
// `-sanitize=fuzzer,address -parse-as-library`: libFuzzer supplies `main` and calls each target's
// `LLVMFuzzerTestOneInput`. A separate package so the project's own `swift build` never sees them.
let package = Package(
    name: "dls-fuzz",
    dependencies: [.package(name: "dls", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver", .product(name: "DLS", package: "dls")]),
        .executableTarget(name: "FuzzParser", dependencies: ["FuzzSupport", .product(name: "DLS", package: "dls")]),
        .executableTarget(name: "FuzzInterpreter", dependencies: ["FuzzSupport", .product(name: "DLS", package: "dls")]),
        .executableTarget(name: "FuzzNetlink", dependencies: ["FuzzSupport", .product(name: "DLS", package: "dls")]),
        .executableTarget(name: "FuzzTopology", dependencies: ["FuzzSupport", .product(name: "DLS", package: "dls")]),
        .executableTarget(name: "FuzzCommandLine", dependencies: ["FuzzSupport", .product(name: "DLS", package: "dls")]),
    ],
    swiftLanguageModes: [.v6]
)
