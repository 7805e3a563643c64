/// Levenshtein distance and the "did you mean" choice built on it.
public enum EditDistance {
    /// Insertions, deletions, substitutions and swaps of neighbours to turn `a` into `b`
    /// (case-insensitive; optimal string alignment). Swaps count once because "stauts" is a slip
    /// for "status", not for "start".
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased())
        let b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var distance = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { distance[i][0] = i }
        for j in 0...b.count { distance[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                distance[i][j] = min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance[i][j] = min(distance[i][j], distance[i - 2][j - 2] + 1)
                }
            }
        }
        return distance[a.count][b.count]
    }

    /// The candidate closest to `typed`, if it is close enough to be what was meant: a unique
    /// prefix match, or at most 1 edit for short words and 2 for words of 5 letters or more.
    public static func closest(to typed: String, among candidates: [String]) -> String? {
        let lowered = typed.lowercased()
        guard !lowered.isEmpty else { return nil }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        if prefixed.count == 1 { return prefixed[0] }
        let limit = typed.count >= 5 ? 2 : 1
        let scored = candidates.map { ($0, self.between(typed, $0)) }.filter { $0.1 <= limit }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.0
    }
}
