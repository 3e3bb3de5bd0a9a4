// swift-tools-version:6.0
import PackageDescription

// Layers, top to bottom; a module imports only the modules above it in this list.
//   CGMP → Exact → Symbolic → Networks → Certify → ProofFiles → margincert
//   GradientFlow (Double) sits on Networks; ProofFiles uses it for flow claims (evidence).
let package = Package(
    name: "MarginCert",
    products: [
        .library(name: "MarginCert", targets: ["Exact", "Symbolic", "Networks", "Certify", "GradientFlow"]),
        .executable(name: "margincert", targets: ["margincert"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CGMP", path: "Sources/CGMP", providers: [.apt(["libgmp-dev"])]),
        .target(name: "Exact", dependencies: ["CGMP"]),
        .target(name: "Symbolic", dependencies: ["Exact"]),
        .target(name: "Networks", dependencies: ["Exact", "Symbolic"]),
        .target(name: "Certify", dependencies: ["Exact", "Symbolic", "Networks"]),
        .target(name: "ProofFiles", dependencies: ["Exact", "Symbolic", "Networks", "Certify", "GradientFlow"]),
        .target(name: "GradientFlow", dependencies: ["Networks"]),
        .executableTarget(name: "margincert", dependencies: [
            "Exact", "Symbolic", "Networks", "Certify", "ProofFiles", "GradientFlow",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "MarginCertBenchmarks",
                          dependencies: ["Exact", "Symbolic", "Networks", "Certify", "ProofFiles", "GradientFlow"],
                          path: "Benchmarks"),
        .testTarget(name: "ExactTests", dependencies: ["Exact"]),
        .testTarget(name: "SymbolicTests", dependencies: ["Symbolic"]),
        .testTarget(name: "NetworksTests", dependencies: ["Networks"]),
        .testTarget(name: "CertifyTests", dependencies: ["Certify"]),
        .testTarget(name: "ProofFilesTests", dependencies: ["ProofFiles"], exclude: ["FuzzCorpus", "RadicalPoints"]),
        .testTarget(name: "PapersTests", dependencies: ["ProofFiles"]),
        .testTarget(name: "GradientFlowTests", dependencies: ["GradientFlow"]),
        .testTarget(name: "CLITests", dependencies: ["margincert"]),
    ]
)
