// swift-tools-version:6.1
import PackageDescription

// Embeds dls in a Swift program through the `DLS` library product, depending on dls by version as any
// package would. DLS_PACKAGE_URL names the dls git repository (scripts/test points it at a clone of
// this checkout tagged with a version); SwiftPM accepts such a dependency only because no target of
// the DLS product uses unsafe flags.
let dlsURL = Context.environment["DLS_PACKAGE_URL"] ?? "https://github.com/dls-devlink/dls"

let package = Package(
    name: "embed-example",
    dependencies: [.package(url: dlsURL, from: "0.1.0")],
    targets: [
        .executableTarget(name: "embed-example", dependencies: [.product(name: "DLS", package: "dls")]),
    ],
    swiftLanguageModes: [.v6]
)
