// swift-tools-version:6.1
import PackageDescription

// Embeds dls in a Swift program through the `DLS` library product, depending on this checkout by path.
let package = Package(
    name: "embed-example",
    dependencies: [.package(name: "dls", path: "../../..")],
    targets: [
        .executableTarget(name: "embed-example", dependencies: [.product(name: "DLS", package: "dls")]),
    ],
    swiftLanguageModes: [.v6]
)
