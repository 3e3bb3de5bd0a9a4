/// PA = LU with partial pivoting, for small dense systems (Rosenbrock stages, least squares).
public struct LUDecomposition {
    var lu: [[Double]]
    var permutation: [Int]

    public init(_ a: [[Double]]) {
        lu = a
        permutation = Array(a.indices)
        let n = a.count
        for k in 0 ..< n {
            let pivot = (k ..< n).max { abs(lu[$0][k]) < abs(lu[$1][k]) }!
            lu.swapAt(k, pivot)
            permutation.swapAt(k, pivot)
            guard lu[k][k] != 0 else { continue }
            for i in k + 1 ..< n {
                lu[i][k] /= lu[k][k]
                for j in k + 1 ..< n { lu[i][j] -= lu[i][k] * lu[k][j] }
            }
        }
    }

    /// x with A x = b (non-finite entries if A is singular).
    public func solve(_ b: [Double]) -> [Double] {
        let n = b.count
        var x = permutation.map { b[$0] }
        for i in 0 ..< n { for j in 0 ..< i { x[i] -= lu[i][j] * x[j] } }
        for i in (0 ..< n).reversed() {
            for j in i + 1 ..< n { x[i] -= lu[i][j] * x[j] }
            x[i] /= lu[i][i]
        }
        return x
    }
}
