/// Eight independent `Double` lanes, held as two `SIMD4<Double>` halves: the lane type of the
/// batched GD kernel (`BatchedDescent`).
///
/// Every operation is lane-wise and exactly IEEE binary64 per lane (no fused operations), so a
/// lane's value does not depend on the other lanes. Eight lanes as two four-wide halves was the
/// fastest shape measured (release, one core, 2×2×2 ReLU network, M run-steps/s of CPU time): in
/// the register specialisation with AVX2, four lanes 91, eight 120, twelve 85, sixteen 91; in the
/// general workspace kernel without AVX, `SIMD4<Double>` 35, `SIMD16<Double>` 43, eight 49.
struct LaneGroup: Sendable {
    var low: SIMD4<Double>
    var high: SIMD4<Double>

    static var count: Int { 8 }

    @inline(__always) init(low: SIMD4<Double>, high: SIMD4<Double>) { (self.low, self.high) = (low, high) }
    @inline(__always) init(repeating value: Double) { (low, high) = (SIMD4(repeating: value), SIMD4(repeating: value)) }

    static var zero: LaneGroup { LaneGroup(repeating: 0) }

    /// Lane `i`, 0 ≤ i < 8.
    subscript(i: Int) -> Double {
        get { i < 4 ? low[i] : high[i - 4] }
        set { if i < 4 { low[i] = newValue } else { high[i - 4] = newValue } }
    }

    @inline(__always) static func + (a: LaneGroup, b: LaneGroup) -> LaneGroup { LaneGroup(low: a.low + b.low, high: a.high + b.high) }
    @inline(__always) static func - (a: LaneGroup, b: LaneGroup) -> LaneGroup { LaneGroup(low: a.low - b.low, high: a.high - b.high) }
    @inline(__always) static func * (a: LaneGroup, b: LaneGroup) -> LaneGroup { LaneGroup(low: a.low * b.low, high: a.high * b.high) }
    @inline(__always) static func * (a: Double, b: LaneGroup) -> LaneGroup { LaneGroup(low: a * b.low, high: a * b.high) }
    @inline(__always) static func += (a: inout LaneGroup, b: LaneGroup) { a = a + b }
    @inline(__always) static func -= (a: inout LaneGroup, b: LaneGroup) { a = a - b }

    /// Lane by lane: `replacement` where `gate` ≤ 0, `self` elsewhere.
    @inline(__always) func replacing(with replacement: LaneGroup, whereNonPositive gate: LaneGroup) -> LaneGroup {
        LaneGroup(low: low.replacing(with: replacement.low, where: gate.low .<= 0),
                  high: high.replacing(with: replacement.high, where: gate.high .<= 0))
    }
}
