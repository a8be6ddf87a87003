/// FNV-1a, 64 bits: a hash that is the same on every machine and run (Swift's `Hasher` is
/// seeded per process), for fingerprints that must not change between CI runs.
public enum StableHash {
    public static func fnv1a64<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The hash as 16 lower-case hex digits.
    public static func hex(_ text: String) -> String {
        let value = String(fnv1a64(text.utf8), radix: 16)
        return String(repeating: "0", count: 16 - value.count) + value
    }
}
