import ArgumentParser
import Foundation
import ProofFiles
import Symbolic

/// `check --certificates DIR`: one JSON file per proved or refuted claim (docs/certificates.md).
enum CertificateFiles {
    /// Writes the certificates of `results` into `folder` (see `write(_:of:to:)`) and returns
    /// the results without them (the report does not repeat them).
    static func write(_ results: [Report.FileResult], to folder: String) throws -> [Report.FileResult] {
        try results.map { file in
            Report.FileResult(path: file.path, title: file.title, error: file.error,
                              claims: try file.claims.map { try write($0, of: file.path, to: folder) })
        }
    }

    /// Writes the certificate of one claim of the file at `path`, if it has one, into
    /// `folder` as `<path with / as __>.line<N>.json`, and returns the claim without it (a
    /// worker process writes its claims' certificates itself instead of sending them).
    static func write(_ claim: Report.ClaimResult, of path: String, to folder: String) throws -> Report.ClaimResult {
        guard let certificate = claim.certificate else { return claim }
        let document = JSONValue.object([
            "format": .string("margincert-certificate"), "version": .integer(Certificate.version),
            "file": .string(path), "line": .integer(claim.line), "claim": .string(claim.text),
            "kind": .string(claim.kind), "verdict": .string(claim.verdict.rawValue), "certificate": certificate,
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let name = path.replacingOccurrences(of: "/", with: "__") + ".line\(claim.line).json"
        try write(try encoder.encode(document), to: folder + "/" + name)
        var stripped = claim
        stripped.certificate = nil
        return stripped
    }

    /// Creates `folder` when missing; a bad command line when it cannot be (exit status 64).
    static func prepare(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ValidationError("--certificates \(folder): a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("--certificates \(folder): cannot create the folder")
        }
    }

    /// Writes `data` to `path` with plain stdio: `Data.write` syncs each file to disk, which
    /// made writing the ~1000 certificates of proofs/ slower than checking them. An old file is
    /// removed first (truncating one makes some file systems flush it on close).
    static func write(_ data: Data, to path: String) throws {
        unlink(path)
        guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        let written = data.withUnsafeBytes { fwrite($0.baseAddress, 1, data.count, file) }
        guard fclose(file) == 0, written == data.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
