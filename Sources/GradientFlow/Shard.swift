/// One of n disjoint parts of a Monte Carlo sweep (`--shard k/n`, k = 1…n), so a cluster
/// scheduler (e.g. a Slurm job array) can run the parts separately and merge them.
/// Run r belongs to shard k iff r mod n = k − 1 (round robin, so shards get similar work).
public struct Shard: Sendable, Codable, Equatable, CustomStringConvertible {
    /// k, 1-based.
    public let index: Int
    /// n.
    public let count: Int

    /// Precondition: 1 ≤ index ≤ count.
    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1 ... count).contains(index), "shard \(index)/\(count)")
        self.index = index
        self.count = count
    }

    /// The whole sweep.
    public static let all = Shard(index: 1, count: 1)

    /// Reads `k/n`; nil unless 1 ≤ k ≤ n.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1 ... n).contains(k) else {
            return nil
        }
        self.init(index: k, count: n)
    }

    /// The runs of 0 ..< total that belong to this shard.
    public func runs(of total: Int) -> [Int] { Array(stride(from: index - 1, to: total, by: count)) }

    /// How many runs of 0 ..< total belong to this shard: `runs(of: total).count`.
    public func runCount(of total: Int) -> Int { (total - index + count) / count }

    /// The i-th run of this shard (0-based): `runs(of: total)[i]`.
    public func run(at i: Int) -> Int { index - 1 + i * count }

    /// The shards a sweep of `total` runs lists when it holds this shard's runs: `[.all]` when
    /// they are all the runs, else `[self]`.
    public func listed(in total: Int) -> [Shard] { runCount(of: total) == total ? [.all] : [self] }

    public var description: String { "\(index)/\(count)" }
}
