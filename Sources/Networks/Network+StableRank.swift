extension Network {
    /// The stable rank ‖W_l‖_F² / ‖W_l‖_σ² of every layer (Timor, Vardi, Shamir (2022) §3.1); 0 for a zero
    /// matrix. Floating point: σ_max² is the largest eigenvalue of WᵀW by cyclic Jacobi.
    public func stableRanks(_ θ: [Double]) -> [Double] {
        layers.indices.map { l in
            let w = weightMatrix(l, at: θ)
            let gram = (0 ..< w[0].count).map { i in
                (0 ..< w[0].count).map { j in w.reduce(0) { $0 + $1[i] * $1[j] } }
            }
            let largest = Self.symmetricEigenvalues(gram).max()!
            return largest > 0 ? w.joined().reduce(0) { $0 + $1 * $1 } / largest : 0
        }
    }

    /// The eigenvalues of a symmetric matrix by the cyclic Jacobi method (small matrices).
    static func symmetricEigenvalues(_ matrix: [[Double]]) -> [Double] {
        var a = matrix
        let n = a.count
        for _ in 0 ..< 64 {
            var off = 0.0
            for p in 0 ..< n { for q in p + 1 ..< n { off += a[p][q] * a[p][q] } }
            if off == 0 { break }
            for p in 0 ..< n {
                for q in p + 1 ..< n where a[p][q] != 0 {
                    let τ = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (τ >= 0 ? 1.0 : -1.0) / (abs(τ) + (1 + τ * τ).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = t * c
                    for k in 0 ..< n {
                        let (akp, akq) = (a[k][p], a[k][q])
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0 ..< n {
                        let (apk, aqk) = (a[p][k], a[q][k])
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                }
            }
        }
        return (0 ..< n).map { a[$0][$0] }
    }
}
