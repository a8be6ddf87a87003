#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small operations on UTF-8 byte buffers.
public enum UTF8Bytes {
    public static func hasBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    public static func hasBOM(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { hasBOM($0) }
    }

    /// The text of `bytes[range]` (already validated as UTF-8).
    @inline(__always)
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value (below 0x110000, not a surrogate).
    @inline(__always) public static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// What is wrong with a text file's bytes: the first NUL byte, else the first byte that is
    /// not valid UTF-8 (one pass, eight ASCII bytes at a time).
    public enum Problem: Equatable {
        case nul(Int)
        case invalid(Int)
    }

    public static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        // An invalid sequence at `index`: a NUL byte further on is named instead.
        func problem(at index: Int) -> Problem {
            let nul = find(0, in: bytes, from: index, to: count)
            return nul < count ? .nul(nul) : .invalid(index)
        }
        var index = 0
        while index < count {
            // Eight ASCII bytes without a NUL at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if word & 0x8080_8080_8080_8080 != 0 || hasZero != 0 { break }
                index += 8
            }
            // A run of characters, staying in this loop through Chinese text.
            while index < count {
                let lead = base[index]
                if lead < 0x80 {
                    if lead == 0 { return .nul(index) }
                    index += 1
                    if index & 7 == 0 { break }  // back to the word loop on an aligned boundary
                    continue
                }
                // The common case of Chinese text: a three-byte sequence with a lead of E1-EC or
                // EE-EF, tested with one load (little-endian: the lead is the lowest byte).
                if index + 4 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self).littleEndian
                    if word & 0x00C0_C0F0 == 0x0080_80E0 && lead != 0xE0 && lead != 0xED {
                        index += 3
                        // The characters that follow it, in a loop of their own while they are the same kind.
                        while index + 4 <= count {
                            let next = UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self).littleEndian
                            let nextLead = UInt8(truncatingIfNeeded: next)
                            guard next & 0x00C0_C0F0 == 0x0080_80E0, nextLead != 0xE0, nextLead != 0xED else { break }
                            index += 3
                        }
                        continue
                    }
                } else if lead >= 0xE1, lead != 0xED, lead <= 0xEF, index + 2 < count,
                          base[index + 1] & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80 {
                    index += 3
                    continue
                }
                let length: Int
                var lowerBound: UInt8 = 0x80
                var upperBound: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lowerBound = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; upperBound = 0x9F
                case 0xF0: length = 4; lowerBound = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upperBound = 0x8F
                default: return problem(at: index)
                }
                guard index + length <= count else { return problem(at: index) }
                let second = base[index + 1]
                guard second >= lowerBound && second <= upperBound else { return problem(at: index) }
                var next = index + 2
                while next < index + length {
                    guard base[next] & 0xC0 == 0x80 else { return problem(at: index) }
                    next += 1
                }
                index += length
            }
        }
        return nil
    }

    /// The offset of the next `byte` at or after `start` and before `end`, or `end`.
    @inlinable @inline(__always)
    public static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress else { return end }
        #if canImport(Glibc) || canImport(Darwin) || canImport(Musl)
        guard let found = memchr(base + start, Int32(byte), end - start) else { return end }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        #else
        var index = start
        while index < end, base[index] != byte { index += 1 }
        return index
        #endif
    }

    /// Whether `needle` occurs in `bytes` as it is (byte for byte; an empty needle does not).
    public static func occurs(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = needle.count, count = bytes.count
        guard length > 0, length <= count else { return false }
        return needle.withUnsafeBufferPointer { needle in
            let first = needle[0], stop = count - length + 1
            var start = find(first, in: bytes, from: 0, to: stop)
            while start < stop {
                var matched = 1
                while matched < length, bytes[start + matched] == needle[matched] { matched += 1 }
                if matched == length { return true }
                start = find(first, in: bytes, from: start + 1, to: stop)
            }
            return false
        }
    }

    /// The byte offset of the first byte that is not valid UTF-8 text (an invalid sequence or
    /// a NUL), or nil when all is valid.
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        switch check(bytes) {
        case .nul(let offset)?, .invalid(let offset)?: return offset
        case nil: return nil
        }
    }
}
