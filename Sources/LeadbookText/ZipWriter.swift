/// Writes a zip archive of stored (uncompressed) entries, the same bytes for the same entries:
/// every entry is dated 1980-01-01 00:00 (the first moment zip can write), carries no extra
/// fields, and the entries are in the order they were added.
public struct ZipWriter: Sendable {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    public init() {}

    /// MS-DOS date 1980-01-01 and time 00:00.
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let dosTime: UInt16 = 0

    /// Adds an entry. `name` is ASCII or UTF-8 (flag 11 is set for a name that is not ASCII).
    public mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let flags: UInt16 = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
        let crc = CRC32.checksum(data)
        let offset = output.count
        func header(_ into: inout [UInt8], central: Bool) {
            Self.put32(&into, central ? 0x0201_4B50 : 0x0403_4B50)
            if central { Self.put16(&into, 20) }  // made by: MS-DOS, zip 2.0
            Self.put16(&into, 10)  // needed: 1.0 (stored)
            Self.put16(&into, flags)
            Self.put16(&into, 0)  // stored
            Self.put16(&into, Self.dosTime)
            Self.put16(&into, Self.dosDate)
            Self.put32(&into, crc)
            Self.put32(&into, UInt32(data.count))
            Self.put32(&into, UInt32(data.count))
            Self.put16(&into, UInt16(nameBytes.count))
            Self.put16(&into, 0)  // extra
            if central {
                Self.put16(&into, 0)  // comment
                Self.put16(&into, 0)  // disk
                Self.put16(&into, 0)  // internal attributes
                Self.put32(&into, 0)  // external attributes
                Self.put32(&into, UInt32(offset))
            }
            into += nameBytes
        }
        header(&output, central: false)
        output += data
        header(&central, central: true)
        count += 1
    }

    /// The archive: the entries, the central directory and its end record.
    public func finished() -> [UInt8] {
        var bytes = output
        let centralOffset = bytes.count
        bytes += central
        Self.put32(&bytes, 0x0605_4B50)
        Self.put16(&bytes, 0)
        Self.put16(&bytes, 0)
        Self.put16(&bytes, UInt16(count))
        Self.put16(&bytes, UInt16(count))
        Self.put32(&bytes, UInt32(central.count))
        Self.put32(&bytes, UInt32(centralOffset))
        Self.put16(&bytes, 0)
        return bytes
    }

    static func put16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    static func put32(_ bytes: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
