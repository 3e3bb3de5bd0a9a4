// The umbrella module: `import MarginCert` brings every layer of the library, from exact
// numbers to proof files, as swift-numerics' `Numerics` brings `RealModule` and
// `ComplexModule`. A client that wants one layer only may still import it by itself.
@_exported import Certify
@_exported import Discovery
@_exported import Exact
@_exported import GradientFlow
@_exported import Networks
@_exported import ProofFiles
@_exported import Symbolic
