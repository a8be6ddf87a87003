/// "Did you mean" for keys, values and commands.
public enum Suggestion {
    /// The candidate nearest to `text` when it is near enough to be a typo, else nil.
    public static func closest(to text: String, among candidates: [String]) -> String? {
        let lowered = Array(text.lowercased().unicodeScalars)
        var best: String?
        var bestDistance = Int.max
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            if other == lowered { return candidate }
            // Every limit below is at most 3, and the distance is at least the difference in
            // length: a candidate that much longer or shorter can never be the answer.
            if abs(other.count - lowered.count) > 3 { continue }
            let distance = editDistance(lowered, other)
            if distance < bestDistance {
                bestDistance = distance
                best = candidate
            }
        }
        guard let best else { return nil }
        let length = max(text.unicodeScalars.count, best.unicodeScalars.count)
        let limit = length <= 3 ? 1 : length <= 6 ? 2 : 3
        return bestDistance <= limit ? best : nil
    }

    /// Damerau-Levenshtein distance (a swap of two neighbours counts one).
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
