// swift-tools-version:6.0
import PackageDescription

// A client of the MarginCert library, depending on it by path (scripts/test.sh builds and runs
// it). Its code is the getting-started article of the documentation
// (Sources/MarginCert/MarginCert.docc/GettingStarted.md).
let package = Package(
    name: "CheckConstruction",
    dependencies: [.package(name: "MarginCert", path: "../..")],
    targets: [
        .executableTarget(name: "CheckConstruction", dependencies: [.product(name: "MarginCert", package: "MarginCert")]),
    ]
)
