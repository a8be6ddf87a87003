// Raw DEFLATE (RFC 1951) decoding: the compressed entries of a zip container such as a .xlsx
// workbook. Stored, fixed and dynamic Huffman blocks; every malformed stream is an
// `InflateError` at the input byte where decoding stopped, and code sets are accepted or
// refused as zlib accepts or refuses them. The Huffman tables are in InflateTable.swift.

/// Why raw DEFLATE data could not be decoded.
public struct InflateError: SaidError, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The data ends before its final block does.
        case truncated
        /// A block header says type 3, which does not exist.
        case badBlockType
        /// A dynamic block's code lengths make no valid code (too many symbols, an
        /// over-subscribed or incomplete set, a repeat with nothing to repeat or past the end,
        /// no end-of-block code).
        case badCodeLengths
        /// A code that stands for no symbol, or for a length or distance symbol that does not
        /// exist (286, 287; 30, 31).
        case badSymbol
        /// A back-reference to before the first byte of the output.
        case badDistance
        /// A stored block whose length and its one's complement disagree.
        case storedLengthMismatch
        /// The output would exceed the limit the caller set.
        case tooLarge
    }

    public var kind: Kind
    /// The byte of the input where decoding stopped.
    public var offset: Int

    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var phrase: Phrase {
        let at = Phrase(" (at byte \(offset))", "（第 \(offset) 字节处）")
        switch kind {
        case .truncated:
            return Phrase("the compressed data ends before its last block", "压缩数据不完整，在最后一个数据块结束前就断了") + at
        case .badBlockType:
            return Phrase("the compressed data is damaged: a block of unknown type", "压缩数据已损坏：数据块类型未知") + at
        case .badCodeLengths:
            return Phrase("the compressed data is damaged: a block's Huffman code table is invalid", "压缩数据已损坏：数据块的霍夫曼编码表无效") + at
        case .badSymbol:
            return Phrase("the compressed data is damaged: a code stands for nothing", "压缩数据已损坏：出现了无效的编码") + at
        case .badDistance:
            return Phrase("the compressed data is damaged: a back-reference points before the start of the data", "压缩数据已损坏：回溯引用超出了已解压的数据") + at
        case .storedLengthMismatch:
            return Phrase("the compressed data is damaged: an uncompressed block's length does not match its check value", "压缩数据已损坏：未压缩数据块的长度与校验值不符") + at
        case .tooLarge:
            return Phrase("the compressed data unpacks to more than the size allowed", "解压后的数据超过了允许的大小") + at
        }
    }
}

public enum Inflate {
    /// The bytes raw DEFLATE data (RFC 1951: no zlib or gzip header) decodes to; throws
    /// `.tooLarge` as soon as the output would exceed `limit` bytes (zip bombs). Decoding stops
    /// at the end of the final block; bytes after it are not read.
    public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws -> [UInt8] {
        var consumed = 0
        return try decompress(input, limit: limit, consumed: &consumed)
    }

    public static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        try input.withUnsafeBytes { try decompress($0, limit: limit) }
    }

    /// As `decompress(_:limit:)`, and `consumed` is set to the number of input bytes the
    /// stream took (up to the byte that holds the final block's last bit).
    public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int, consumed: inout Int) throws -> [UInt8] {
        var decoder = InflateDecoder(input, limit: limit)
        defer { decoder.release() }
        try decoder.run()
        consumed = decoder.consumed
        return decoder.output()
    }

    public static func decompress(_ input: [UInt8], limit: Int, consumed: inout Int) throws -> [UInt8] {
        var taken = 0
        let result = try input.withUnsafeBytes { try decompress($0, limit: limit, consumed: &taken) }
        consumed = taken
        return result
    }
}

/// One decoding: the input's bits, the output so far, the tables of the current block.
struct InflateDecoder {
    private let input: UnsafeRawBufferPointer
    private let limit: Int
    /// Next input byte not yet loaded into `bits`.
    private var position = 0
    /// Loaded bits not yet used, the next one lowest.
    private var bits: UInt64 = 0
    private var bitCount = 0

    /// The output; `outCapacity` bytes, and `slack` more that a copy of 8-byte words may write
    /// past its end.
    private var out: UnsafeMutablePointer<UInt8>
    private var outCapacity: Int
    private static let slack = 16
    private var outCount = 0

    private var literals = HuffmanTable(symbols: 288)
    private var distances = HuffmanTable(symbols: 32)

    init(_ input: UnsafeRawBufferPointer, limit: Int) {
        self.input = input
        self.limit = limit
        let guess = Swift.min(Swift.max(limit, 0), Swift.max(4096, input.count &* 4))
        outCapacity = Swift.max(guess, 16)
        out = UnsafeMutablePointer<UInt8>.allocate(capacity: outCapacity + Self.slack)
    }

    mutating func release() {
        out.deallocate()
        literals.release()
        distances.release()
    }

    func output() -> [UInt8] {
        Array(UnsafeBufferPointer(start: out, count: outCount))
    }

    /// The input byte where decoding is: the first byte with a bit not yet used.
    var consumed: Int { position - bitCount / 8 }

    private func fail(_ kind: InflateError.Kind) -> InflateError {
        InflateError(kind, offset: kind == .truncated ? input.count : Swift.min(consumed, input.count))
    }

    // MARK: Bits

    @inline(__always)
    private mutating func refill() {
        if bitCount > 56 { return }
        if position &+ 8 <= input.count {
            let word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            bits |= word &<< UInt64(bitCount)
            position &+= (63 &- bitCount) &>> 3
            bitCount |= 56
        } else {
            while bitCount <= 56, position < input.count {
                bits |= UInt64(input[position]) &<< UInt64(bitCount)
                position &+= 1
                bitCount &+= 8
            }
        }
    }

    /// The next `count` bits (at most 32), used.
    @inline(__always)
    private mutating func take(_ count: Int) throws -> Int {
        if bitCount < count {
            refill()
            if bitCount < count { throw fail(.truncated) }
        }
        let value = Int(truncatingIfNeeded: bits & ((1 &<< UInt64(count)) &- 1))
        bits &>>= UInt64(count)
        bitCount &-= count
        return value
    }

    @inline(__always)
    private mutating func decode(_ table: HuffmanTable) throws -> Int {
        if bitCount < 15 { refill() }
        let entry = table.fast[Int(truncatingIfNeeded: bits) & HuffmanTable.fastMask]
        let length = Int(entry & 15)
        if length != 0, length <= bitCount {
            bits &>>= UInt64(length)
            bitCount &-= length
            return Int(entry &>> 4)
        }
        if length != 0 { throw fail(.truncated) }
        return try decodeSlowly(table)
    }

    /// A code longer than the first-level table, or no code: the canonical code walked bit by
    /// bit (RFC 1951 3.2.2).
    private mutating func decodeSlowly(_ table: HuffmanTable) throws -> Int {
        var code = 0
        var first = 0
        var index = 0
        var rest = bits
        if table.maxLength == 0 { throw fail(.badSymbol) }
        for length in 1...table.maxLength {
            if length > bitCount { throw fail(.truncated) }
            code |= Int(truncatingIfNeeded: rest & 1)
            rest &>>= 1
            let count = Int(table.counts[length])
            if code &- first < count {
                bits &>>= UInt64(length)
                bitCount &-= length
                return Int(table.sorted[index &+ code &- first])
            }
            index &+= count
            first = (first &+ count) &<< 1
            code &<<= 1
        }
        throw fail(.badSymbol)
    }

    // MARK: Output

    @inline(__always)
    private mutating func reserve(_ count: Int) throws {
        let needed = outCount &+ count
        if needed > limit { throw fail(.tooLarge) }
        if needed > outCapacity { grow(to: needed) }
    }

    private mutating func grow(to needed: Int) {
        var capacity = outCapacity
        while capacity < needed { capacity = capacity > Int.max / 2 ? needed : capacity &* 2 }
        capacity = Swift.min(capacity, Swift.max(limit, needed))
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + Self.slack)
        larger.update(from: out, count: outCount)
        out.deallocate()
        out = larger
        outCapacity = capacity
    }

    // MARK: Blocks

    mutating func run() throws {
        var final = false
        while !final {
            final = try take(1) == 1
            switch try take(2) {
            case 0: try stored()
            case 1:
                literals.setFixedLiterals()
                distances.setFixedDistances()
                try compressed()
            case 2:
                try readDynamicTables()
                try compressed()
            default:
                throw fail(.badBlockType)
            }
        }
        // The bytes loaded past the final block are not the stream's.
        let extra = bitCount / 8
        position -= extra
        bitCount -= extra * 8
    }

    private mutating func stored() throws {
        // To the byte boundary, then the bytes still loaded go back to the input.
        _ = try take(bitCount & 7)
        position -= bitCount / 8
        bits = 0
        bitCount = 0
        guard position &+ 4 <= input.count else { throw InflateError(.truncated, offset: input.count) }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let check = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == check ^ 0xFFFF else { throw fail(.storedLengthMismatch) }
        position += 4
        guard position &+ length <= input.count else { throw InflateError(.truncated, offset: input.count) }
        try reserve(length)
        if length > 0 {
            (out + outCount).update(from: input.baseAddress!.advanced(by: position).assumingMemoryBound(to: UInt8.self), count: length)
        }
        outCount += length
        position += length
    }

    private static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func readDynamicTables() throws {
        let literalCount = try take(5) + 257
        let distanceCount = try take(5) + 1
        let codeLengthCount = try take(4) + 4
        // zlib refuses 287 and 288 literal/length codes and 31 and 32 distance codes.
        if literalCount > 286 || distanceCount > 30 { throw fail(.badCodeLengths) }

        var lengths = [UInt8](repeating: 0, count: 320)
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<codeLengthCount {
            codeLengthLengths[Self.codeLengthOrder[i]] = UInt8(try take(3))
        }
        var codeLengths = HuffmanTable(symbols: 19)
        defer { codeLengths.release() }
        guard codeLengths.build(codeLengthLengths, count: 19, mayBeIncomplete: false) else { throw fail(.badCodeLengths) }

        let total = literalCount + distanceCount
        var i = 0
        while i < total {
            let symbol = try decode(codeLengths)
            if symbol < 16 {
                lengths[i] = UInt8(symbol)
                i += 1
                continue
            }
            var value: UInt8 = 0
            var repeatCount: Int
            switch symbol {
            case 16:
                if i == 0 { throw fail(.badCodeLengths) }
                value = lengths[i - 1]
                repeatCount = 3 + (try take(2))
            case 17:
                repeatCount = 3 + (try take(3))
            default:
                repeatCount = 11 + (try take(7))
            }
            if i + repeatCount > total { throw fail(.badCodeLengths) }
            for _ in 0..<repeatCount {
                lengths[i] = value
                i += 1
            }
        }
        // A block without an end-of-block code could never end.
        if lengths[256] == 0 { throw fail(.badCodeLengths) }
        let literalLengths = Array(lengths[0..<literalCount])
        let distanceLengths = Array(lengths[literalCount..<total])
        guard literals.build(literalLengths, count: literalCount, mayBeIncomplete: true),
              distances.build(distanceLengths, count: distanceCount, mayBeIncomplete: true)
        else { throw fail(.badCodeLengths) }
    }

    private static let lengthBase: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase: [UInt16] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra: [UInt8] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The symbols of a fixed or dynamic block up to its end-of-block code.
    private mutating func compressed() throws {
        let lengthBase = Self.lengthBase, lengthExtra = Self.lengthExtra
        let distanceBase = Self.distanceBase, distanceExtra = Self.distanceExtra
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                if outCount == outCapacity || outCount >= limit { try reserve(1) }
                out[outCount] = UInt8(truncatingIfNeeded: symbol)
                outCount &+= 1
                continue
            }
            if symbol == 256 { return }
            let lengthSymbol = symbol &- 257
            if lengthSymbol >= 29 { throw fail(.badSymbol) }
            let length = Int(lengthBase[lengthSymbol]) &+ (try take(Int(lengthExtra[lengthSymbol])))
            let distanceSymbol = try decode(distances)
            if distanceSymbol >= 30 { throw fail(.badSymbol) }
            let distance = Int(distanceBase[distanceSymbol]) &+ (try take(Int(distanceExtra[distanceSymbol])))
            if distance > outCount { throw fail(.badDistance) }
            try reserve(length)
            let target = out + outCount
            let source = target - distance
            if distance >= 8 {
                // Word by word: each word read was written before (it lies a distance of 8 or
                // more back), and the last may write into the slack.
                var k = 0
                while k < length {
                    let word = UnsafeRawPointer(source + k).loadUnaligned(as: UInt64.self)
                    UnsafeMutableRawPointer(target + k).storeBytes(of: word, as: UInt64.self)
                    k &+= 8
                }
            } else if distance == 1 {
                target.update(repeating: source[0], count: length)
            } else {
                for k in 0..<length { target[k] = source[k] }
            }
            outCount &+= length
        }
    }
}
