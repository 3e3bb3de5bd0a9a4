import Foundation

/// `margincert discover --format json`: the findings as data (the point in proof-file syntax,
/// the checked claims with their verdicts and evidence, the written file), keys sorted so equal
/// runs print equal bytes.
extension LimitDiscovery {
    struct FindingJSON: Encodable {
        let flow: String
        let found: Bool
        let point: String?
        let claims: [Report.ClaimResult]?
        let file: String?
        let reason: String?
        let notes: [String]
    }

    struct GroupJSON: Encodable {
        let label: String
        let runs: Int
        /// The 99% Wilson interval of the fraction of runs.
        let fraction: [Double]
        let verified: Bool?
        let claims: [Report.ClaimResult]?
        let reason: String?
    }

    struct SurveyJSON: Encodable {
        let flow: String
        let runs: Int
        let seed: UInt64
        let initialization: String
        let groups: [GroupJSON]
    }

    /// The findings of `discover` as one JSON array.
    public static func json(_ findings: [Finding]) -> String {
        encoded(findings.map { finding in
            switch finding.status {
            case let .found(point, source, result):
                FindingJSON(flow: finding.flow, found: true, point: point, claims: result.claims, file: source, reason: nil, notes: finding.notes)
            case .notFound(let reason):
                FindingJSON(flow: finding.flow, found: false, point: nil, claims: nil, file: nil, reason: reason, notes: finding.notes)
            }
        })
    }

    static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}

extension LimitDiscovery.Survey {
    /// The groups as JSON, most frequent first.
    public func json(seed: UInt64, initialization: String) -> String {
        LimitDiscovery.encoded(LimitDiscovery.SurveyJSON(flow: flow, runs: runs, seed: seed, initialization: initialization, groups: groups.map { group in
            let fraction = [group.fraction.lowerBound, group.fraction.upperBound]
            switch group.status {
            case let .found(_, _, result)?:
                return .init(label: group.label, runs: group.runs, fraction: fraction, verified: true, claims: result.claims, reason: nil)
            case .notFound(let reason)?:
                return .init(label: group.label, runs: group.runs, fraction: fraction, verified: false, claims: nil, reason: reason)
            case nil:
                return .init(label: group.label, runs: group.runs, fraction: fraction, verified: nil, claims: nil, reason: nil)
            }
        }))
    }
}
