import Foundation

/// Stable arithmetic on logarithms in `Double`: sums of exponentials that neither overflow
/// nor underflow, for losses e^{−q} with q in the thousands and times t = 10^{100} and beyond.
public enum LogSpace {
    /// log(e^a + e^b); −∞ is the log of 0.
    public static func add(_ a: Double, _ b: Double) -> Double {
        let (hi, lo) = a >= b ? (a, b) : (b, a)
        guard hi > -.infinity else { return -.infinity }
        return hi + log1p(exp(lo - hi))
    }

    /// log Σ e^{a_i} (log-sum-exp); −∞ for an empty list.
    public static func sum(_ a: [Double]) -> Double {
        guard let hi = a.max(), hi > -.infinity else { return -.infinity }
        return hi + log(a.reduce(0) { $0 + exp($1 - hi) })
    }

    /// log(1 + e^u) (softplus), accurate for every u.
    public static func softplus(_ u: Double) -> Double { Swift.max(u, 0) + log1p(exp(-abs(u))) }

    /// log(log(1 + e^u)): the log of the logistic loss at margin −u, without underflow when
    /// e^u is below the smallest double (then it is u to double precision).
    public static func logSoftplus(_ u: Double) -> Double {
        u < -700 ? u : log(softplus(u))
    }

    /// log(σ(u)) = −log(1 + e^{−u}), the log of the logistic sigmoid.
    public static func logSigmoid(_ u: Double) -> Double { -softplus(-u) }

    /// log((e^b − e^a)/(b − a)) for the integral ∫₀¹ e^{a + (b − a)s} ds, stable for all a, b.
    public static func meanOfExponential(_ a: Double, _ b: Double) -> Double {
        let (hi, lo) = a >= b ? (a, b) : (b, a)
        let δ = hi - lo
        guard δ > 1e-12 else { return hi - δ / 2 }
        return hi + log(-expm1(-δ) / δ)
    }
}
