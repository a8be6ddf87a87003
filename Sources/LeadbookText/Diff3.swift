/// diff3 of lines: three versions of a text combined, the changes from the base to ours and
/// from the base to theirs both applied; where both changed the same lines differently, conflict markers
/// hold both versions.
public enum Diff3 {
    public struct Result: Sendable, Equatable {
        public var bytes: [UInt8]
        public var conflicts: Int
    }

    public struct Labels: Sendable {
        public var ours: String
        public var theirs: String
        public init(ours: String = "ours", theirs: String = "theirs") {
            self.ours = ours
            self.theirs = theirs
        }
    }

    /// The lines of one side of a chunk both sides changed (each line with its line break).
    public typealias Chunk = ArraySlice<ArraySlice<UInt8>>

    /// Settles a chunk both sides changed differently (base, ours, theirs): the merged bytes,
    /// or nil to leave conflict markers.
    public typealias Resolver = (_ base: Chunk, _ ours: Chunk, _ theirs: Chunk) -> [UInt8]?

    /// Combines three versions of a text, line by line. A chunk both sides changed
    /// differently goes to `resolve` first, when given; conflict markers hold it when that
    /// returns nil.
    public static func combine(base: [UInt8], ours: [UInt8], theirs: [UInt8], labels: Labels = Labels(),
                               resolve: Resolver? = nil) -> Result {
        if ours == theirs || base == theirs { return Result(bytes: ours, conflicts: 0) }
        if base == ours { return Result(bytes: theirs, conflicts: 0) }
        let o = UnifiedDiff.lines(base), a = UnifiedDiff.lines(ours), b = UnifiedDiff.lines(theirs)
        let toOurs = matches(o, a), toTheirs = matches(o, b)
        var output: [UInt8] = []
        output.reserveCapacity(max(ours.count, theirs.count))
        var conflicts = 0
        var i = 0, j = 0, k = 0
        func append(_ lines: ArraySlice<ArraySlice<UInt8>>) {
            for line in lines { output.append(contentsOf: line) }
        }
        while i < o.count || j < a.count || k < b.count {
            // Lines unchanged on both sides.
            var stable = 0
            while i + stable < o.count, toOurs[i + stable] == j + stable, toTheirs[i + stable] == k + stable { stable += 1 }
            if stable > 0 {
                append(o[i..<(i + stable)])
                i += stable; j += stable; k += stable
                continue
            }
            // The next base line kept by both sides ends the unstable chunk.
            var next = i
            while next < o.count, toOurs[next] == nil || toTheirs[next] == nil { next += 1 }
            let ourEnd = next < o.count ? toOurs[next]! : a.count
            let theirEnd = next < o.count ? toTheirs[next]! : b.count
            let baseChunk = o[i..<next], ourChunk = a[j..<ourEnd], theirChunk = b[k..<theirEnd]
            if ourChunk.elementsEqual(theirChunk) || baseChunk.elementsEqual(theirChunk) {
                append(ourChunk)
            } else if baseChunk.elementsEqual(ourChunk) {
                append(theirChunk)
            } else if let resolved = resolve?(baseChunk, ourChunk, theirChunk) {
                output.append(contentsOf: resolved)
            } else {
                conflicts += 1
                writeConflict(ours: Array(ourChunk.joined()), theirs: Array(theirChunk.joined()), labels: labels, into: &output)
            }
            i = next; j = ourEnd; k = theirEnd
        }
        return Result(bytes: output, conflicts: conflicts)
    }

    /// `<<<<<<< ours`, our lines, `=======`, their lines, `>>>>>>> theirs`.
    public static func writeConflict(ours: [UInt8], theirs: [UInt8], labels: Labels, into output: inout [UInt8]) {
        let lineBreak: [UInt8] = (ours + theirs).contains(ASCII.cr) ? [ASCII.cr, ASCII.lf] : [ASCII.lf]
        if let last = output.last, last != ASCII.lf { output.append(contentsOf: lineBreak) }
        output.append(contentsOf: Array("<<<<<<< \(labels.ours)".utf8) + lineBreak)
        output.append(contentsOf: ours)
        if let last = ours.last, last != ASCII.lf { output.append(contentsOf: lineBreak) }
        output.append(contentsOf: Array("=======".utf8) + lineBreak)
        output.append(contentsOf: theirs)
        if let last = theirs.last, last != ASCII.lf { output.append(contentsOf: lineBreak) }
        output.append(contentsOf: Array(">>>>>>> \(labels.theirs)".utf8) + lineBreak)
    }

    /// For each line of `base`, the index of the same line in `other` (longest common subsequence), or nil.
    public static func matches(_ base: [ArraySlice<UInt8>], _ other: [ArraySlice<UInt8>]) -> [Int?] {
        var result = [Int?](repeating: nil, count: base.count)
        for operation in UnifiedDiff.script(base, other) {
            if case .same(let i, let j) = operation { result[i] = j }
        }
        return result
    }
}
