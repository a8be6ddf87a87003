/// A 128-bit fingerprint of a line's bytes, from two independent 64-bit hashes over 8-byte words.
///
/// Checking an index compares what the customer files give with what the index file holds,
/// line by line. Keeping only fingerprints of the expected lines (16 bytes instead of a few
/// hundred) lets `check` verify the index of 100,000 customers in little memory. Two lines
/// that differ get the same fingerprint with a chance of about 2^-128. The per-file cache of
/// `check` keeps them between runs (the hash has no seed: the same bytes give the same
/// fingerprint in every run and build), and checksums its own files with it.
public struct LineDigest: Hashable, Sendable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public static func of(_ bytes: [UInt8]) -> LineDigest {
        bytes.withUnsafeBufferPointer { of($0) }
    }

    public static func of(_ buffer: UnsafeBufferPointer<UInt8>) -> LineDigest {
        let count = buffer.count
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(count) &* 0x1656_67B1_9E37_79F9
        guard let base = buffer.baseAddress, count > 0 else { return LineDigest(high: mix(a), low: mix(b)) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            a = (a ^ word) &* 0xFF51_AFD7_ED55_8CCD
            a ^= a >> 29
            b = (b &+ word) &* 0xC4CE_B9FE_1A85_EC53
            b = (b << 31) | (b >> 33)
            index += 8
        }
        if index < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                word |= UInt64(buffer[index]) << shift
                shift += 8
                index += 1
            }
            a = (a ^ word) &* 0xFF51_AFD7_ED55_8CCD
            b = (b &+ word) &* 0xC4CE_B9FE_1A85_EC53
        }
        return LineDigest(high: mix(a), low: mix(b ^ a >> 17))
    }

    /// The finaliser of MurmurHash3: every input bit affects every output bit.
    @inline(__always) public static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// The digest of `count` bytes handed in pieces of any size (`feed`), equal to `of` of
    /// the pieces joined: a large file is fingerprinted as it is written, never held whole.
    public struct Stream {
        var a: UInt64
        var b: UInt64
        /// The bytes of a word not complete yet (the lowest first), and how many.
        var pending: UInt64 = 0
        var pendingCount = 0
        public let count: Int
        public private(set) var fed = 0

        public init(count: Int) {
            self.count = count
            a = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
            b = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(count) &* 0x1656_67B1_9E37_79F9
        }

        @inline(__always) mutating func word(_ word: UInt64) {
            a = (a ^ word) &* 0xFF51_AFD7_ED55_8CCD
            a ^= a >> 29
            b = (b &+ word) &* 0xC4CE_B9FE_1A85_EC53
            b = (b << 31) | (b >> 33)
        }

        public mutating func feed(_ buffer: UnsafeRawBufferPointer) {
            let count = buffer.count
            fed += count
            var index = 0
            if pendingCount > 0 {
                while pendingCount < 8, index < count {
                    pending |= UInt64(buffer[index]) << UInt64(8 * pendingCount)
                    pendingCount += 1
                    index += 1
                }
                guard pendingCount == 8 else { return }
                word(pending)
                pending = 0
                pendingCount = 0
            }
            while index + 8 <= count {
                word(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            while index < count {
                pending |= UInt64(buffer[index]) << UInt64(8 * pendingCount)
                pendingCount += 1
                index += 1
            }
        }

        /// The digest, once `count` bytes were fed.
        public func finish() -> LineDigest {
            // As `of` does for no bytes at all.
            if count == 0 { return LineDigest(high: LineDigest.mix(a), low: LineDigest.mix(b)) }
            var a = a, b = b
            if pendingCount > 0 {
                a = (a ^ pending) &* 0xFF51_AFD7_ED55_8CCD
                b = (b &+ pending) &* 0xC4CE_B9FE_1A85_EC53
            }
            return LineDigest(high: LineDigest.mix(a), low: LineDigest.mix(b ^ a >> 17))
        }
    }
}
