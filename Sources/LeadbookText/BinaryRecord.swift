/// A compact binary encoding of small records: unsigned numbers as LEB128 varints, signed ones
/// zigzagged first, byte strings and texts with their length in front, optionals with a
/// presence byte. What the per-file cache (`.leadbook/cache/`) holds is written with it.
///
/// Reading never traps: a reader that runs past its end or meets a value that cannot be
/// (a length beyond the end, a bool that is neither 0 nor 1) is marked `failed` and gives zeros and
/// empty values from then on, so a corrupt record is told apart from a good one by the caller
/// checking `isComplete` at its end, never by a crash.
public struct BinaryWriter {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inlinable public mutating func byte(_ value: UInt8) { bytes.append(value) }

    @inlinable public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    @inlinable public mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    @inlinable public mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    /// Eight bytes, little-endian (digests: no gain from a varint).
    @inlinable public mutating func fixed(_ value: UInt64) {
        var rest = value
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    @inlinable public mutating func data(_ value: [UInt8]) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    public mutating func data(_ value: UnsafeBufferPointer<UInt8>) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// How many bytes `unsigned(value)` writes.
    public static func unsignedSize(_ value: UInt64) -> Int {
        var size = 1
        var rest = value
        while rest >= 0x80 {
            size += 1
            rest >>= 7
        }
        return size
    }

    /// How many bytes `data` of `count` bytes writes.
    public static func dataSize(_ count: Int) -> Int { unsignedSize(UInt64(count)) + count }

    public mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { data($0) }
    }

    public mutating func optionalText(_ value: String?) {
        bool(value != nil)
        if let value { text(value) }
    }

    public mutating func optionalInt(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }
}

public struct BinaryReader {
    public let buffer: UnsafeBufferPointer<UInt8>
    public private(set) var position: Int
    public let end: Int
    public private(set) var failed = false

    /// Reads `range` of `buffer` (the whole buffer when nil).
    public init(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil) {
        self.buffer = buffer
        let range = range ?? 0..<buffer.count
        let valid = range.lowerBound >= 0 && range.upperBound <= buffer.count
        self.position = valid ? range.lowerBound : 0
        self.end = valid ? range.upperBound : 0
        self.failed = !valid
    }

    /// Everything was read, nothing was wrong and nothing is left over.
    public var isComplete: Bool { !failed && position == end }

    public var atEnd: Bool { position >= end }

    /// Leaves what is left unread (a reader that needs only the first part of a record).
    public mutating func skipRest() {
        if !failed { position = end }
    }

    public mutating func fail() {
        failed = true
        position = end
    }

    public mutating func byte() -> UInt8 {
        guard position < end else { fail(); return 0 }
        let value = buffer[position]
        position += 1
        return value
    }

    public mutating func bool() -> Bool {
        switch byte() {
        case 0: return false
        case 1: return true
        default: fail(); return false
        }
    }

    public mutating func unsigned() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end {
            let next = buffer[position]
            position += 1
            guard shift < 64 else { fail(); return 0 }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
        fail()
        return 0
    }

    public mutating func int() -> Int {
        let raw = unsigned()
        let wide = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        guard let value = Int(exactly: wide) else { fail(); return 0 }
        return value
    }

    /// A count of things still to read: never more than the bytes left (each takes at least one).
    public mutating func count() -> Int {
        let value = unsigned()
        guard value <= UInt64(end - position) else { fail(); return 0 }
        return Int(value)
    }

    public mutating func fixed() -> UInt64 {
        guard end - position >= 8 else { fail(); return 0 }
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(buffer[position + offset]) << (8 * UInt64(offset)) }
        position += 8
        return value
    }

    /// The range of the next length-prefixed bytes in `buffer`.
    public mutating func span() -> Range<Int> {
        let length = count()
        let start = position
        position += length
        return start..<(start + length)
    }

    public mutating func data() -> [UInt8] {
        Array(buffer[span()])
    }

    public mutating func text() -> String {
        let range = span()
        guard !failed else { return "" }
        // The file's checksum vouches for its bytes: what was written as UTF-8 is read as it.
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    public mutating func optionalText() -> String? {
        bool() ? text() : nil
    }

    public mutating func optionalInt() -> Int? {
        bool() ? int() : nil
    }
}
