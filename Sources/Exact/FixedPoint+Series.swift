import Synchronization

/// The two power series behind `exp` and `log`, summed with rigorous remainder bounds.
///
/// Each kernel sums the series twice: at the lower end with every term rounded down and the
/// tail dropped (all terms are non-negative), and at the upper end with every term rounded
/// up and the tail bounded from above. Both series are increasing on the domain they
/// accept, so the two sums enclose the function on the whole enclosure.
extension FixedPoint {
    /// Encloses exp(r) for every r in self, where 0 ≤ self ≤ 1: the Taylor series of
    /// exp(r / 2^s), then `s` squarings (exp(r) = exp(r / 2^s)^(2^s)).
    ///
    /// Error bound: for 0 ≤ u ≤ 1 and N ≥ 1 the tail is
    /// Σ_{k≥N} u^k/k! ≤ (u^N/N!) · Σ_{j≥0} (u/(N+1))^j ≤ 2 · u^N/N!.
    /// Each rounding costs one unit of 2^(−precision) in a term, and squaring doubles the
    /// relative error, so callers keep about s + log₂(terms) guard bits.
    func exp(halvings s: Int) -> FixedPoint {
        let p = precision
        let one = BigInt.one.shifted(by: p)
        precondition(s >= 0 && lower.signum >= 0 && upper <= one, "exp kernel needs 0 ≤ r ≤ 1")
        // term_k = ⌊term_{k−1} · u / k⌋ ≤ u^k/k! · 2^p, with u = lower · 2^(−p−s).
        var low = one, term = one, k = 1
        while true {
            term = (term * lower).shifted(by: -(p + s)).floorDivided(by: BigInt(k))
            if term.isZero { break }
            low += term
            k += 1
        }
        // term_k = ⌈term_{k−1} · u / k⌉ ≥ u^k/k! · 2^p, with u = upper · 2^(−p−s); once a
        // term is at most one unit, the whole tail from it on is at most twice that term.
        var high = one
        term = one
        k = 1
        while true {
            term = (term * upper).ceilingShifted(by: -(p + s)).ceilDivided(by: BigInt(k))
            if term <= .one {
                high += term.shifted(by: 1)
                break
            }
            high += term
            k += 1
        }
        var result = FixedPoint(lower: low, upper: high, precision: p)
        for _ in 0..<s { result = result.squared() }
        return result
    }

    /// Encloses atanh(t) = Σ_{k≥0} t^(2k+1)/(2k+1) for every t in self, where 0 ≤ self ≤ 1/2.
    ///
    /// Error bound: for 0 ≤ t ≤ 1/2 the tail is
    /// Σ_{k≥N} t^(2k+1)/(2k+1) ≤ t^(2N+1) / (1 − t²) ≤ 2 · t^(2N+1).
    func atanh() -> FixedPoint {
        let p = precision
        precondition(lower.signum >= 0 && upper.shifted(by: 1) <= BigInt.one.shifted(by: p),
                     "atanh kernel needs 0 ≤ t ≤ 1/2")
        // power_k = ⌊power_{k−1} · t²⌋ ≤ t^(2k+1) · 2^p at the lower end.
        let lowerSquare = lower * lower
        var low = lower, power = lower, k = 1
        while true {
            power = (power * lowerSquare).shifted(by: -2 * p)
            if power.isZero { break }
            low += power.floorDivided(by: BigInt(2 * k + 1))
            k += 1
        }
        // power_k = ⌈power_{k−1} · t²⌉ ≥ t^(2k+1) · 2^p at the upper end; once a power is at
        // most one unit, the whole tail from it on is at most twice that power.
        let upperSquare = upper * upper
        var high = upper
        power = upper
        k = 1
        while true {
            power = (power * upperSquare).ceilingShifted(by: -2 * p)
            if power <= .one {
                high += power.shifted(by: 1)
                break
            }
            high += power.ceilDivided(by: BigInt(2 * k + 1))
            k += 1
        }
        return FixedPoint(lower: low, upper: high, precision: p)
    }

    /// Encloses ln 2 with `p` fractional bits (width a few units of 2^(−p)), rounded outward
    /// from the most precise enclosure computed so far in this process.
    static func ln2(precision p: Int) -> FixedPoint {
        let cached = ln2Cache.withLock { best -> FixedPoint in
            if let best, best.precision >= p { return best }
            // Double the cached precision, so that raising p step by step costs O(log p) series.
            let fresh = ln2ByAtanh(precision: Swift.max(p, 2 * (best?.precision ?? 0)))
            best = fresh
            return fresh
        }
        return cached.atPrecision(p)
    }

    /// ln 2 = 2 · atanh(1/3), with `p` fractional bits.
    private static func ln2ByAtanh(precision p: Int) -> FixedPoint {
        let half = FixedPoint(enclosing: Rational(1, 3), precision: p + 1).atanh()
        return FixedPoint(lower: half.lower, upper: half.upper, precision: p)
    }
}

/// The most precise enclosure of ln 2 computed so far.
private let ln2Cache = Mutex<FixedPoint?>(nil)
