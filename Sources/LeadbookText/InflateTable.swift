// The Huffman code of one DEFLATE alphabet (RFC 1951 3.2.2): a first-level table indexed by the
// next 10 bits of input for the codes of up to 10 bits, and the canonical counts and symbols
// for the longer ones, which `InflateDecoder` walks bit by bit.

struct HuffmanTable {
    static let fastBits = 10
    static let fastMask = (1 << fastBits) - 1

    /// Indexed by the next `fastBits` input bits: `symbol << 4 | length` for a code of up to
    /// `fastBits` bits, 0 where the code is longer or no code begins with those bits.
    let fast: UnsafeMutablePointer<UInt16>
    /// How many codes have each length, 0 to 15.
    let counts: UnsafeMutablePointer<UInt16>
    /// The symbols ordered by code length, then by symbol: canonical code order.
    let sorted: UnsafeMutablePointer<UInt16>
    /// The longest code's length; 0 for an alphabet without codes.
    private(set) var maxLength = 0
    private let capacity: Int
    private var isFixed = false

    init(symbols: Int) {
        capacity = symbols
        fast = .allocate(capacity: 1 << Self.fastBits)
        fast.initialize(repeating: 0, count: 1 << Self.fastBits)
        counts = .allocate(capacity: 16)
        counts.initialize(repeating: 0, count: 16)
        sorted = .allocate(capacity: symbols)
        sorted.initialize(repeating: 0, count: symbols)
    }

    func release() {
        fast.deallocate()
        counts.deallocate()
        sorted.deallocate()
    }

    /// The code the lengths of `count` symbols make (0: the symbol has no code). False, and the
    /// table unusable, when zlib would refuse the set: over-subscribed, or incomplete unless
    /// `mayBeIncomplete` and the set is a single code of one bit or no code at all.
    mutating func build(_ lengths: [UInt8], count: Int, mayBeIncomplete: Bool) -> Bool {
        isFixed = false
        precondition(count <= capacity && count <= lengths.count)
        counts.update(repeating: 0, count: 16)
        maxLength = 0
        for symbol in 0..<count {
            let length = Int(lengths[symbol])
            counts[length] &+= 1
            if length > maxLength { maxLength = length }
        }
        counts[0] = 0
        if maxLength == 0 {
            fast.update(repeating: 0, count: 1 << Self.fastBits)
            return mayBeIncomplete
        }
        var left = 1
        for length in 1...15 {
            left <<= 1
            left -= Int(counts[length])
            if left < 0 { return false }
        }
        if left > 0, !mayBeIncomplete || maxLength != 1 { return false }

        var offsets = [Int](repeating: 0, count: 17)
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            offsets[length + 1] = offsets[length] + Int(counts[length])
            code = (code + Int(counts[length - 1])) << 1
            nextCode[length] = code
        }
        fast.update(repeating: 0, count: 1 << Self.fastBits)
        for symbol in 0..<count {
            let length = Int(lengths[symbol])
            if length == 0 { continue }
            sorted[offsets[length]] = UInt16(symbol)
            offsets[length] += 1
            let assigned = nextCode[length]
            nextCode[length] += 1
            if length > Self.fastBits { continue }
            var reversed = 0
            for bit in 0..<length where assigned & (1 << bit) != 0 {
                reversed |= 1 << (length - 1 - bit)
            }
            let entry = UInt16(symbol << 4 | length)
            var index = reversed
            while index < 1 << Self.fastBits {
                fast[index] = entry
                index += 1 << length
            }
        }
        return true
    }

    /// The fixed literal/length code of RFC 1951 3.2.6 (symbols 286 and 287 have codes but
    /// stand for nothing).
    mutating func setFixedLiterals() {
        if isFixed { return }
        var lengths = [UInt8](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        _ = build(lengths, count: 288, mayBeIncomplete: false)
        isFixed = true
    }

    /// The fixed distance code: 32 codes of 5 bits (30 and 31 stand for nothing).
    mutating func setFixedDistances() {
        if isFixed { return }
        _ = build([UInt8](repeating: 5, count: 32), count: 32, mayBeIncomplete: false)
        isFixed = true
    }
}
