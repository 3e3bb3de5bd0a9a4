import Networks

extension Elaborator {
    /// The file's data rounded to the nearest doubles, for a flow or an experiment (`what`):
    /// numerical evidence needs every entry finite.
    func doubleData(_ at: SourceLocation, what: String) throws(Diagnostic) -> [LabeledPoint<Double>] {
        guard !document.examples.isEmpty else { throw Diagnostic("\(what) needs data", at: at, hint: "data x1 = (1, 1/4), y1 = 1") }
        var data: [LabeledPoint<Double>] = []
        for example in document.examples {
            guard let x = Document.doubles(example.x), let y = Document.doubles(example.y), (x + y).allSatisfy({ $0.isFinite }) else {
                throw Diagnostic("\(what) needs the data as finite floating-point numbers; \(example.name) or \(example.labelName) has an entry that is not one",
                                 at: at, hint: "\(what) is numerical evidence: give its data as plain numbers (1.09, 2/3) within ±10^308, not nested roots or huge powers")
            }
            data.append(LabeledPoint(x: x, y: y))
        }
        return data
    }
}
