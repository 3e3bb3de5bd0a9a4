import Exact
import Foundation
import GradientFlow
import Networks

extension LimitCandidate {
    /// θ refined far beyond double precision, for recognition: Newton's method on the same KKT
    /// system with the residual evaluated **exactly** in rational arithmetic on `data` (the
    /// examples as exact rationals) and the Jacobian from double precision (a quasi-Newton
    /// iteration: with a Jacobian accurate to about 10⁻⁸ each step gains about eight digits).
    /// Iterates are rounded to multiples of 2^−`bits`. Each entry's error estimate is the last
    /// correction (at least 2^−`bits`); when the iteration does not contract, the double
    /// solution is returned with its double-precision estimate. A guess, not a proof.
    public func precise(on data: [LabeledPoint<Rational>], bits: Int = 256) -> [Approximation] {
        let jacobian = system.jacobian(solution)
        var u = solution.map { Rational($0) }
        let grid = Rational(BigInt.one.shifted(by: bits))
        func rounded(_ q: Rational) -> Rational { Rational((q * grid + Rational(1, 2)).floor) / grid }
        var step = Double.infinity
        for _ in 0..<(bits / 8 + 8) {
            let f = system.residual(u, on: data)
            if f.allSatisfy(\.isZero) { step = 0; break }
            guard let delta = KKTSystem.correction(jacobian, f.map { Double($0) }) else { break }
            let size = delta.map(abs).max() ?? 0
            guard size < step else { break }
            u = zip(u, delta).map { rounded($0 + Rational($1)) }
            step = size
            if size < 0x1p-1 * pow(2, -Double(bits)) { break }
        }
        guard step < 1e-14 else { return system.theta(solution).map { Approximation($0) } }
        let error = Rational(max(step * 10, pow(2, -Double(bits - 4))))
        return system.theta(u).map { Approximation($0, error: error) }
    }
}
