/// The `flow` statement and the claims about a flow (see "Gradient flow" in
/// docs/proof-format.md).
extension ProofFileParser {
    static let flowOptionsHint = "options after the initial point: solver rosenbrock|dopri|gd(1e-4), until log10 t = 1e12, steps 100000, rtol 1e-6, atol 1e-9 [relative|absolute]"

    /// `flow <name>: <loss> from <point> [, solver …] [, until log10 t = …] [, steps …]
    /// [, rtol …] [, atol … [absolute]]`.
    mutating func flow(_ start: SourceLocation) throws(Diagnostic) -> FlowSyntax {
        let flowName = try name("a flow name", hint: "flow gf: exponential from init")
        try expectSymbol(":", hint: "flow \(flowName): exponential from init")
        let loss = try name("a loss (exponential, logistic or square)", hint: "flow \(flowName): exponential from init")
        try expectWord("from", hint: "name the initial point: flow \(flowName): \(loss) from init")
        let initial = try name("the name of the initial point", hint: "flow \(flowName): \(loss) from init")
        var solver: String?, learningRate: ExprSyntax?, until: ExprSyntax?, steps: ExprSyntax?
        var rtol: ExprSyntax?, atol: ExprSyntax?, atolIsAbsolute = false
        while current.isSymbol(",") {
            _ = advance()
            let optionAt = current.location
            switch try name("a flow option (solver, until, steps, rtol or atol)", hint: Self.flowOptionsHint) {
            case "solver" where solver == nil:
                let (chosen, rate) = try solverOption()
                (solver, learningRate) = (chosen, rate)
            case "until" where until == nil:
                try expectWord("log10", hint: "until log10 t = 1e12")
                try expectWord("t", hint: "until log10 t = 1e12")
                try expectSymbol("=", hint: "until log10 t = 1e12")
                until = try expression()
            case "steps" where steps == nil:
                steps = try expression()
            case "rtol" where rtol == nil:
                rtol = try expression()
            case "atol" where atol == nil:
                atol = try expression()
                atolIsAbsolute = current.isWord("absolute")
                if atolIsAbsolute || current.isWord("relative") { _ = advance() }
            case let option:
                throw Diagnostic("unknown or repeated flow option '\(option)'", at: optionAt, hint: Self.flowOptionsHint)
            }
        }
        var flow = FlowSyntax(name: flowName, loss: loss, initial: initial, solver: solver, learningRate: learningRate,
                              untilLog10Time: until, steps: steps, location: start)
        (flow.relativeTolerance, flow.absoluteTolerance, flow.absoluteToleranceIsAbsolute) = (rtol, atol, atolIsAbsolute)
        return flow
    }

    /// The solver after the word `solver`: `rosenbrock`, `dopri`, or `gd(η)` with its learning
    /// rate (for flows and experiments alike).
    mutating func solverOption() throws(Diagnostic) -> (String, ExprSyntax?) {
        let solver = try name("a solver (rosenbrock, dopri or gd)", hint: "solver rosenbrock, solver dopri or solver gd(1e-4)")
        guard solver == "gd" else { return (solver, nil) }
        let open = current
        try expectSymbol("(", hint: "give the learning rate: solver gd(1e-4)")
        let learningRate = try expression()
        try expectClosing(")", of: open, hint: "give the learning rate: solver gd(1e-4)")
        return (solver, learningRate)
    }

    /// A claim about a flow, when the claim starts with `<name> converges`, `<name> has` or
    /// `<name> reaches`; nil otherwise (nothing consumed).
    mutating func flowAssertion() throws(Diagnostic) -> AssertionSyntax? {
        guard let flow = current.identifier, next.isWord("converges") || next.isWord("has") || next.isWord("reaches") else {
            return nil
        }
        _ = advance()
        switch advance().identifier {
        case "converges":
            for word in ["in", "direction", "to"] {
                try expectWord(word, hint: "claim \(flow) converges in direction to kkt within 1e-6")
            }
            let target = try name("the target point's name", hint: "claim \(flow) converges in direction to kkt within 1e-6")
            try expectWord("within", hint: "give the direction-error tolerance: within 1e-6")
            return .flowConvergesInDirection(flow: flow, target: target, tolerance: try expression())
        case "has":
            let trend = current.location
            let decreasing = current.isWord("decreasing")
            guard decreasing || current.isWord("increasing") else {
                throw Diagnostic("expected 'decreasing' or 'increasing', found \(current.display)", at: trend,
                                 hint: "claim \(flow) has decreasing normalized margin")
            }
            _ = advance()
            try expectWord("normalized", hint: "claim \(flow) has decreasing normalized margin")
            try expectWord("margin", hint: "claim \(flow) has decreasing normalized margin")
            return .flowMarginMonotone(flow: flow, decreasing: decreasing)
        default:
            try expectWord("loss", hint: "claim \(flow) reaches loss < 1e-4")
            try expectSymbol("<", hint: "claim \(flow) reaches loss < 1e-4")
            return .flowReachesLoss(flow: flow, bound: try expression())
        }
    }
}
