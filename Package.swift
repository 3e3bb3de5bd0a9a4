// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The batched GD kernel (GradientFlow) is built for AVX2 when the building machine has it
/// (twice as many doubles per instruction; the results are bit for bit the same, since no
/// multiply–add is fused). `MARGINCERT_PORTABLE=1` builds for the baseline x86-64 instead.
let gradientFlowSettings: [SwiftSetting] = {
    #if arch(x86_64) && os(Linux)
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    if Context.environment["MARGINCERT_PORTABLE"] == nil, cpu.contains(" avx2"), cpu.contains(" fma") {
        return [.unsafeFlags(["-target-cpu", "haswell"])]
    }
    #endif
    return []
}()

// Layers, top to bottom; a module imports only the modules above it in this list.
//   CGMP → Exact → Symbolic → Networks → Certify → ProofFiles → margincert
//   GradientFlow (Double) sits on Networks; ProofFiles uses it for flow claims (evidence).
//   Discovery (a flow's limit → a guessed exact point) sits on GradientFlow; ProofFiles verifies.
//   MarginCert is the umbrella module: it re-exports every layer (`import MarginCert`).
let package = Package(
    name: "MarginCert",
    products: [
        .library(name: "MarginCert", targets: ["MarginCert"]),
        .executable(name: "margincert", targets: ["MarginCertTool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CGMP", path: "Sources/CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]),
        .target(name: "Exact", dependencies: ["CGMP"]),
        .target(name: "Symbolic", dependencies: ["Exact"]),
        .target(name: "Networks", dependencies: ["Exact", "Symbolic"]),
        .target(name: "Certify", dependencies: ["Exact", "Symbolic", "Networks"]),
        .target(name: "ProofFiles", dependencies: ["Exact", "Symbolic", "Networks", "Certify", "GradientFlow", "Discovery"]),
        .target(name: "GradientFlow", dependencies: ["Networks"], swiftSettings: gradientFlowSettings),
        .target(name: "Discovery", dependencies: ["Exact", "Networks", "GradientFlow"]),
        .target(name: "MarginCert", dependencies: ["Exact", "Symbolic", "Networks", "Certify", "GradientFlow", "Discovery", "ProofFiles"]),
        // The `margincert` command; its module is not named `margincert`, which a case-insensitive
        // file system (macOS) would confuse with the `MarginCert` module.
        .executableTarget(name: "MarginCertTool", dependencies: [
            "Exact", "Symbolic", "Networks", "Certify", "ProofFiles", "GradientFlow",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/margincert"),
        .executableTarget(name: "MarginCertBenchmarks",
                          dependencies: ["Exact", "Symbolic", "Networks", "Certify", "ProofFiles", "GradientFlow"],
                          path: "Benchmarks"),
        .testTarget(name: "ExactTests", dependencies: ["Exact"]),
        .testTarget(name: "SymbolicTests", dependencies: ["Symbolic", "ProofFiles"]),
        .testTarget(name: "NetworksTests", dependencies: ["Networks"]),
        .testTarget(name: "CertifyTests", dependencies: ["Certify", "ProofFiles"]),
        .testTarget(name: "ProofFilesTests", dependencies: ["ProofFiles"], exclude: ["FuzzCorpus", "RadicalPoints"]),
        .testTarget(name: "PapersTests", dependencies: ["ProofFiles"]),
        .testTarget(name: "GradientFlowTests", dependencies: ["GradientFlow"]),
        .testTarget(name: "DiscoveryTests", dependencies: ["Discovery"]),
        .testTarget(name: "CLITests", dependencies: ["MarginCertTool"]),
    ]
)
