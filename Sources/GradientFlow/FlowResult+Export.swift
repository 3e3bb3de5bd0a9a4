import Foundation

/// Writing results for people (CSV) and machines (JSON).
extension FlowResult {
    /// The result as JSON; infinities (log₁₀ t = −∞ at t = 0) are the strings "inf" / "-inf".
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    /// Reads what `json()` wrote.
    public init(json: Data) throws {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        self = try decoder.decode(FlowResult.self, from: json)
    }

    /// The records as CSV with a header line; absent monitors are empty fields.
    public func csv() -> String {
        func field(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
        let header = "step,clock,log10_time,log10_loss,norm,direction_error,normalized_margin,"
            + "kkt_stationarity,kkt_complementarity,pattern_changes"
        return ([header] + records.map { r in
            "\(r.step),\(r.clock),\(r.log10Time),\(r.log10Loss),\(r.norm),\(field(r.directionError)),"
                + "\(field(r.normalizedMargin)),\(field(r.kkt?.stationarity)),\(field(r.kkt?.complementarity)),\(r.patternChanges)"
        }).joined(separator: "\n") + "\n"
    }
}
