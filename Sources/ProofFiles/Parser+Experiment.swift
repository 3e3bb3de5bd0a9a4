/// The `experiment` statement and the claims about an experiment (see "Experiments" in
/// docs/proof-format.md).
extension ProofFileParser {
    static let experimentExample = "experiment sweep: square from sphere(1e-4) per neuron, runs 288, seed 2022, solver gd(1e-4), steps 3000000"
    static let experimentOptionsHint = "options after the law: runs 288, seed 2022, solver gd(1e-4) | rosenbrock | dopri, steps 3000000, "
        + "until t = 300, and last: report loss < 1e-4, stable ranks, limit groups, margin"
    static let initLawsHint = "laws: gaussian(1e-3), xavier, sphere(1e-4), sphere(1e-4) per neuron, balanced, perturb(1e-3) of init"

    /// `experiment <name>: <loss> from <law> [, runs N] [, seed S] [, solver …] [, steps N]
    /// [, until t = T] [, report <item>, <item> …]`.
    mutating func experiment(_ start: SourceLocation) throws(Diagnostic) -> ExperimentSyntax {
        let experimentName = try name("an experiment name", hint: Self.experimentExample)
        try expectSymbol(":", hint: Self.experimentExample)
        let loss = try name("a loss (exponential, logistic or square)", hint: Self.experimentExample)
        try expectWord("from", hint: "name the initialisation law: experiment \(experimentName): \(loss) from xavier")
        let law = try initLaw()
        var runs: ExprSyntax?, seed: ExprSyntax?, solver: String?, learningRate: ExprSyntax?, steps: ExprSyntax?
        var until: ExprSyntax?, reports: [ExperimentReportSyntax] = []
        while current.isSymbol(",") && reports.isEmpty {
            _ = advance()
            let optionAt = current.location
            switch try name("an experiment option", hint: Self.experimentOptionsHint) {
            case "runs" where runs == nil: runs = try expression()
            case "seed" where seed == nil: seed = try expression()
            case "steps" where steps == nil: steps = try expression()
            case "solver" where solver == nil:
                let (chosen, rate) = try solverOption()
                (solver, learningRate) = (chosen, rate)
            case "until" where until == nil:
                try expectWord("t", hint: "until t = 300")
                try expectSymbol("=", hint: "until t = 300")
                until = try expression()
            case "report":
                reports.append(try experimentReport())
                while current.isSymbol(",") {
                    _ = advance()
                    reports.append(try experimentReport())
                }
            case let option:
                throw Diagnostic("unknown or repeated experiment option '\(option)'", at: optionAt, hint: Self.experimentOptionsHint)
            }
        }
        experimentNames.insert(experimentName)
        return ExperimentSyntax(name: experimentName, loss: loss, law: law, runs: runs, seed: seed, solver: solver,
                                learningRate: learningRate, steps: steps, untilTime: until, reports: reports, location: start)
    }

    /// `gaussian(σ)`, `xavier`, `sphere(r)`, `sphere(r) per neuron`, `balanced`, `perturb(σ) of p`.
    mutating func initLaw() throws(Diagnostic) -> InitLawSyntax {
        let at = current.location
        let law = try name("an initialisation law", hint: Self.initLawsHint)
        var argument: ExprSyntax?, perNeuron = false, base: String?
        if current.isSymbol("(") && !current.spaceBefore {
            let open = advance()
            argument = try expression()
            try expectClosing(")", of: open, hint: Self.initLawsHint)
        }
        if current.isWord("per") {
            _ = advance()
            try expectWord("neuron", hint: "sphere(1e-4) per neuron")
            perNeuron = true
        }
        if current.isWord("of") {
            _ = advance()
            base = try name("the point the perturbation is centred at", hint: "perturb(1e-3) of init")
        }
        return InitLawSyntax(name: law, argument: argument, perNeuron: perNeuron, base: base, location: at)
    }

    /// `loss < B`, `stable ranks`, `limit groups`, `margin`.
    mutating func experimentReport() throws(Diagnostic) -> ExperimentReportSyntax {
        let hint = "report loss < 1e-4, stable ranks, limit groups, margin"
        switch try name("what to report (loss < B, stable ranks, limit groups or margin)", hint: hint) {
        case "loss":
            try expectSymbol("<", hint: hint)
            return .loss(below: try expression())
        case "stable":
            try expectWord("ranks", hint: hint)
            return .stableRanks
        case "limit":
            try expectWord("groups", hint: hint)
            return .limitGroups
        case "margin":
            return .normalizedMargin
        case let other:
            throw Diagnostic("unknown report '\(other)'", at: tokens[position - 1].location, hint: hint)
        }
    }

    /// A claim about an experiment declared above, when the claim starts with
    /// `<experiment> reaches` or `<experiment> has`; nil otherwise (nothing consumed).
    mutating func experimentAssertion() throws(Diagnostic) -> AssertionSyntax? {
        guard let experiment = current.identifier, experimentNames.contains(experiment),
              next.isWord("reaches") || next.isWord("has") else { return nil }
        _ = advance()
        let measure: ExperimentClaimSyntax.Measure
        if advance().isWord("reaches") {
            let hint = "claim \(experiment) reaches loss < 1e-4 in 74 of 288 runs"
            try expectWord("loss", hint: hint)
            try expectSymbol("<", hint: hint)
            let bound = try expression()
            try expectWord("in", hint: hint)
            let count = try count(hint: hint)
            try expectWord("of", hint: hint)
            let total = try wholeNumber(hint: hint)
            try expectWord("runs", hint: hint)
            measure = .runsReachingLoss(below: bound, count: count, of: total)
        } else if current.isWord("stable") {
            let hint = "claim \(experiment) has stable ranks in [1, 2], or: has stable rank of layer 1 in (1.1, 2]"
            _ = advance()
            var layer: Int?
            if current.isWord("rank") {
                _ = advance()
                try expectWord("of", hint: hint)
                try expectWord("layer", hint: hint)
                layer = try wholeNumber(hint: hint)
            } else {
                try expectWord("ranks", hint: hint)
            }
            try expectWord("in", hint: hint)
            measure = .stableRanks(layer: layer, range: try range())
        } else if current.isWord("normalized") {
            let hint = "claim \(experiment) has normalized margin in [0.1, 0.2]"
            _ = advance()
            try expectWord("margin", hint: hint)
            try expectWord("in", hint: hint)
            measure = .normalizedMargin(range: try range())
        } else {
            let hint = "claim \(experiment) has at most 2 limit groups"
            let count = try count(hint: hint)
            try expectWord("limit", hint: hint)
            try expectWord("groups", hint: hint)
            measure = .limitGroups(count: count)
        }
        var filter: ExprSyntax?
        if current.isWord("where") {
            _ = advance()
            try expectWord("loss", hint: "where loss < 1e-4")
            try expectSymbol("<", hint: "where loss < 1e-4")
            filter = try expression()
        }
        return .experiment(ExperimentClaimSyntax(experiment: experiment, measure: measure, whereLossBelow: filter))
    }

    /// `K`, `at least K`, `at most K`.
    mutating func count(hint: String) throws(Diagnostic) -> CountSyntax {
        var relation = CountSyntax.Relation.exactly
        if current.isWord("at") {
            _ = advance()
            if current.isWord("least") { relation = .atLeast } else if current.isWord("most") { relation = .atMost } else {
                throw error("expected 'least' or 'most', found \(current.display)", hint: hint)
            }
            _ = advance()
        }
        return CountSyntax(relation: relation, value: try wholeNumber(hint: hint))
    }

    /// A whole number written in digits.
    mutating func wholeNumber(hint: String) throws(Diagnostic) -> Int {
        guard case .number(let digits) = current.kind, let n = Int(digits), n >= 0 else {
            throw error("expected a whole number such as 74, found \(current.display)", hint: hint)
        }
        _ = advance()
        return n
    }
}
