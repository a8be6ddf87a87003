/// A unified diff (`diff -u` style) of two versions of a text file, for `--dry-run`.
public enum UnifiedDiff {
    public enum Operation: Equatable {
        case same(Int, Int)     // old index, new index
        case removed(Int)
        case added(Int)
    }

    public static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < count {
                let lineFeed = UTF8Bytes.find(ASCII.lf, in: buffer, from: start, to: count)
                let end = lineFeed < count ? lineFeed + 1 : count
                result.append(bytes[start..<end])
                start = end
            }
        }
        return result
    }

    /// The diff of `old` and `new` with `context` lines around each change; "" when equal.
    public static func diff(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        let operations = script(a, b)
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        // Group operations into hunks.
        var index = 0
        // The old and new lines before `operations[index]`.
        var oldLine = 0, newLine = 0
        while index < operations.count {
            guard let firstChange = operations[index...].firstIndex(where: { if case .same = $0 { return false }; return true }) else { break }
            let hunkStart = max(index, firstChange - context)
            var hunkEnd = firstChange
            var lastChange = firstChange
            while hunkEnd < operations.count {
                if case .same = operations[hunkEnd] {
                    if hunkEnd - lastChange > 2 * context { break }
                } else {
                    lastChange = hunkEnd
                }
                hunkEnd += 1
            }
            hunkEnd = min(operations.count, lastChange + context + 1)
            // Up to the hunk every operation is `.same`: one line of each side.
            let oldStart = oldLine + hunkStart - index, newStart = newLine + hunkStart - index
            var oldCount = 0, newCount = 0
            var body = ""
            for operation in operations[hunkStart..<hunkEnd] {
                switch operation {
                case .same(let i, _):
                    oldCount += 1; newCount += 1
                    body += " " + text(a[i])
                case .removed(let i):
                    oldCount += 1
                    body += "-" + text(a[i])
                case .added(let j):
                    newCount += 1
                    body += "+" + text(b[j])
                }
            }
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
            oldLine = oldStart + oldCount
            newLine = newStart + newCount
            index = hunkEnd
        }
        return output
    }

    public static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start + 1)" : count == 0 ? "\(start),0" : "\(start + 1),\(count)"
    }

    public static func text(_ line: ArraySlice<UInt8>) -> String {
        var value = String(decoding: line, as: UTF8.self)
        if line.last != ASCII.lf { value += "\n\\ No newline at end of file\n" }
        return value
    }

    /// The edit script: common prefix and suffix kept, the middle by longest common subsequence.
    public static func script(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var operations: [Operation] = (0..<prefix).map { .same($0, $0) }
        let aMid = Array(a[prefix..<(a.count - suffix)])
        let bMid = Array(b[prefix..<(b.count - suffix)])
        let n = aMid.count, m = bMid.count
        if n * m > 4_000_000 {
            operations += (0..<n).map { .removed(prefix + $0) }
            operations += (0..<m).map { .added(prefix + $0) }
        } else {
            var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            if n > 0 && m > 0 {
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        table[i][j] = aMid[i] == bMid[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                    }
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n, j < m, aMid[i] == bMid[j] {
                    operations.append(.same(prefix + i, prefix + j)); i += 1; j += 1
                } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
                    operations.append(.removed(prefix + i)); i += 1
                } else {
                    operations.append(.added(prefix + j)); j += 1
                }
            }
        }
        for k in 0..<suffix { operations.append(.same(a.count - suffix + k, b.count - suffix + k)) }
        return operations
    }
}
