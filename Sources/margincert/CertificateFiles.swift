import Foundation
import ProofFiles
import Symbolic

/// `check --certificates DIR`: one JSON file per proved or refuted claim (docs/certificates.md).
enum CertificateFiles {
    /// Writes the certificates of `results` into `folder` (created when missing) as
    /// `<path with / as __>.line<N>.json`, and returns the results without them (the report
    /// does not repeat them).
    static func write(_ results: [Report.FileResult], to folder: String) throws -> [Report.FileResult] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try results.map { file in
            let claims = try file.claims.map { claim in
                guard let certificate = claim.certificate else { return claim }
                let document = JSONValue.object([
                    "format": .string("margincert-certificate"), "version": .integer(Certificate.version),
                    "file": .string(file.path), "line": .integer(claim.line), "claim": .string(claim.text),
                    "kind": .string(claim.kind), "verdict": .string(claim.verdict.rawValue), "certificate": certificate,
                ])
                let name = file.path.replacingOccurrences(of: "/", with: "__") + ".line\(claim.line).json"
                try encoder.encode(document).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
                var stripped = claim
                stripped.certificate = nil
                return stripped
            }
            return Report.FileResult(path: file.path, title: file.title, error: file.error, claims: claims)
        }
    }
}
