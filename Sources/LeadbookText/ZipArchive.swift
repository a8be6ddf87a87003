/// Reads a zip archive held in memory (APPNOTE.TXT): the end of central directory record, the
/// central directory, and each entry's local header and data, stored (method 0) or deflated
/// (method 8, `Inflate`). Every entry's CRC-32 is checked.
///
/// Refused with a `ZipProblem`: what is not a zip, a truncated archive, encrypted entries,
/// zip64, archives split over several disks, other methods, and archives beyond the
/// `Limits` (a zip bomb). Entry names are only compared with the names a reader asks for;
/// they are never used as paths.
public struct ZipArchive: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The name as the archive writes it (`xl/worksheets/sheet1.xml`).
        public var name: String
        public var method: UInt16
        public var flags: UInt16
        public var crc: UInt32
        public var compressedSize: Int
        public var uncompressedSize: Int
        public var localHeaderOffset: Int
    }

    /// What an archive may hold before it is refused.
    public struct Limits: Sendable {
        /// The sum of every entry's uncompressed size.
        public var totalUncompressed: Int
        /// An entry that grows more than `ratio` times is a zip bomb, when it grows past
        /// `ratioFloor` bytes (a small part of a workbook may compress very well).
        public var ratio: Int
        public var ratioFloor: Int
        public var entries: Int

        public init(totalUncompressed: Int = 100_000_000, ratio: Int = 100, ratioFloor: Int = 1_000_000, entries: Int = 10_000) {
            self.totalUncompressed = totalUncompressed
            self.ratio = ratio
            self.ratioFloor = ratioFloor
            self.entries = entries
        }
    }

    public let entries: [Entry]
    let bytes: [UInt8]

    static let localSignature: UInt32 = 0x0403_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50

    /// True when `bytes` start like a zip archive (a local header, or the end record of an empty one).
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B
            && ((bytes[2] == 0x03 && bytes[3] == 0x04) || (bytes[2] == 0x05 && bytes[3] == 0x06))
    }

    public init(_ bytes: [UInt8], limits: Limits = Limits()) throws(ZipProblem) {
        self.bytes = bytes
        let count = bytes.count
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        guard count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else { throw ZipProblem(.notAZip) }
        // The end record: 22 bytes and a comment of at most 65,535, searched from the end.
        var end: Int?
        var at = count - 22
        let lowest = max(0, count - 22 - 65_535)
        while at >= lowest {
            if u32(at) == Int(Self.endSignature), let commentLength = u16(at + 20), at + 22 + commentLength == count {
                end = at
                break
            }
            at -= 1
        }
        guard let end else {
            throw ZipProblem(bytes.count >= 4 && u32(0) == Int(Self.localSignature) ? .truncated : .notAZip)
        }
        if end >= 20, u32(end - 20) == Int(Self.zip64LocatorSignature) { throw ZipProblem(.zip64) }
        guard let disk = u16(end + 4), let centralDisk = u16(end + 6), let onDisk = u16(end + 8), let total = u16(end + 10),
              let centralSize = u32(end + 12), let centralOffset = u32(end + 16) else { throw ZipProblem(.truncated) }
        if total == 0xFFFF || centralSize == 0xFFFF_FFFF || centralOffset == 0xFFFF_FFFF { throw ZipProblem(.zip64) }
        if disk != 0 || centralDisk != 0 || onDisk != total { throw ZipProblem(.multiDisk) }
        if total > limits.entries { throw ZipProblem(.tooManyEntries(total, limit: limits.entries)) }
        guard centralOffset + centralSize <= end else { throw ZipProblem(.truncated) }

        var entries: [Entry] = []
        entries.reserveCapacity(total)
        var position = centralOffset
        var totalSize = 0
        for _ in 0..<total {
            guard u32(position) == Int(Self.centralSignature), let flags = u16(position + 8), let method = u16(position + 10),
                  let crc = u32(position + 16), let compressed = u32(position + 20), let uncompressed = u32(position + 24),
                  let nameLength = u16(position + 28), let extraLength = u16(position + 30), let commentLength = u16(position + 32),
                  let startDisk = u16(position + 34), let localOffset = u32(position + 42),
                  position + 46 + nameLength <= count else { throw ZipProblem(.truncated) }
            let name = Self.name(bytes[(position + 46)..<(position + 46 + nameLength)], utf8: flags & 0x0800 != 0)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF { throw ZipProblem(.zip64) }
            if startDisk != 0 { throw ZipProblem(.multiDisk) }
            if flags & 0x0001 != 0 || flags & 0x0040 != 0 || method == 99 { throw ZipProblem(.encrypted(name)) }
            if method != 0 && method != 8 { throw ZipProblem(.method(name, method)) }
            if method == 0 && compressed != uncompressed { throw ZipProblem(.storedSizes(name)) }
            totalSize += uncompressed
            if totalSize > limits.totalUncompressed { throw ZipProblem(.tooLarge(limit: limits.totalUncompressed)) }
            if uncompressed > limits.ratioFloor && uncompressed > compressed * limits.ratio {
                throw ZipProblem(.bomb(name, ratio: uncompressed / max(compressed, 1), limit: limits.ratio))
            }
            entries.append(Entry(name: name, method: UInt16(method), flags: UInt16(flags), crc: UInt32(crc),
                                 compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset))
            position += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// A name in UTF-8 (flag 11, or bytes that are valid UTF-8), else each byte as the
    /// character of that code (what old Windows archivers wrote is not read as a path anyway).
    static func name(_ bytes: ArraySlice<UInt8>, utf8: Bool) -> String {
        let array = Array(bytes)
        let valid = array.withUnsafeBufferPointer { UTF8Bytes.check($0) } == nil
        if utf8 || valid { return String(decoding: array, as: UTF8.self) }
        return String(String.UnicodeScalarView(array.map { Unicode.Scalar($0) }))
    }

    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The uncompressed bytes of `entry`, their CRC-32 checked.
    public func contents(of entry: Entry) throws(ZipProblem) -> [UInt8] {
        let at = entry.localHeaderOffset
        guard at + 30 <= bytes.count, bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x03, bytes[at + 3] == 0x04 else {
            throw ZipProblem(.truncated)
        }
        let nameLength = Int(bytes[at + 26]) | Int(bytes[at + 27]) << 8
        let extraLength = Int(bytes[at + 28]) | Int(bytes[at + 29]) << 8
        let start = at + 30 + nameLength + extraLength
        guard start + entry.compressedSize <= bytes.count else { throw ZipProblem(.truncated) }
        let data: [UInt8]
        if entry.method == 0 {
            data = Array(bytes[start..<(start + entry.compressedSize)])
        } else {
            do {
                data = try bytes.withUnsafeBytes { raw in
                    try Inflate.decompress(UnsafeRawBufferPointer(rebasing: raw[start..<(start + entry.compressedSize)]),
                                           limit: entry.uncompressedSize)
                }
            } catch let error as InflateError {
                throw ZipProblem(error.kind == .tooLarge ? .sizeMismatch(entry.name) : .corrupt(entry.name, offset: error.offset))
            } catch {
                throw ZipProblem(.corrupt(entry.name, offset: 0))
            }
        }
        guard data.count == entry.uncompressedSize else { throw ZipProblem(.sizeMismatch(entry.name)) }
        guard CRC32.checksum(data) == entry.crc else { throw ZipProblem(.checksum(entry.name)) }
        return data
    }
}

/// Why an archive cannot be read.
public struct ZipProblem: Error, SaidError, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case notAZip
        case truncated
        case zip64
        case multiDisk
        case encrypted(String)
        case method(String, Int)
        case storedSizes(String)
        case tooManyEntries(Int, limit: Int)
        case tooLarge(limit: Int)
        case bomb(String, ratio: Int, limit: Int)
        case corrupt(String, offset: Int)
        case sizeMismatch(String)
        case checksum(String)
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public var words: Wording<ZipProblem> {
        switch kind {
        case .notAZip: return .notAZip
        case .truncated: return .truncated
        case .zip64: return .zip64
        case .multiDisk: return .multiDisk
        case .encrypted(let name): return .encrypted(name)
        case .method(let name, let method): return .method(name, method)
        case .storedSizes(let name), .sizeMismatch(let name): return .sizeMismatch(name)
        case .tooManyEntries(let count, let limit): return .tooManyEntries(count, limit: limit)
        case .tooLarge(let limit): return .tooLarge(limit: limit)
        case .bomb(let name, let ratio, let limit): return .bomb(name, ratio: ratio, limit: limit)
        case .corrupt(let name, let offset): return .corrupt(name, offset: offset)
        case .checksum(let name): return .checksum(name)
        }
    }

    public var phrase: Phrase { words.phrase }
    public var hintPhrase: Phrase { words.hintPhrase }
}

extension Wording where Of == ZipProblem {
    private static let saveAgain = Phrase("open it in Excel, WPS or LibreOffice and save it again as .xlsx",
                                          "请用 Excel、WPS 或 LibreOffice 打开，重新另存为 .xlsx")

    static let notAZip = Self("the file is not a zip archive, so not an .xlsx workbook", "文件不是 zip 压缩包，所以不是 .xlsx 工作簿",
                              hint: Phrase("import a .xlsx workbook or a CSV file", "请导入 .xlsx 工作簿或 CSV 文件"))
    static let truncated = Self("the workbook is cut short (its zip archive is incomplete)", "工作簿不完整（zip 压缩包被截断）",
                                hint: Phrase("copy or download the file again", "请重新复制或下载这个文件"))
    static let zip64 = Self("the workbook is a zip64 archive, which leadbook does not read", "工作簿是 zip64 压缩包，leadbook 不读这种格式",
                            hint: Phrase("a workbook of leads is far below 4 GB; save it again as .xlsx, or export it as CSV",
                                         "线索表远小于 4 GB；请重新另存为 .xlsx，或导出为 CSV"))
    static let multiDisk = Self("the workbook is a zip archive split over several parts", "工作簿是分卷的 zip 压缩包",
                                hint: Phrase("join the parts into one file, or save the workbook again as .xlsx", "请把分卷合成一个文件，或重新另存为 .xlsx"))
    static func encrypted(_ name: String) -> Self {
        Self("the workbook is encrypted (`\(name)`)", "工作簿已加密（`\(name)`）",
             hint: Phrase("remove the password (File > Info > Protect Workbook in Excel) and save it again as .xlsx",
                          "请先取消密码（Excel 里“文件 > 信息 > 保护工作簿”），再另存为 .xlsx"))
    }
    static func method(_ name: String, _ method: Int) -> Self {
        Self("`\(name)` is compressed with method \(method); leadbook reads stored and deflated entries",
             "`\(name)` 使用了第 \(method) 种压缩方法；leadbook 只读不压缩和 deflate 压缩的内容", hint: saveAgain)
    }
    static func sizeMismatch(_ name: String) -> Self {
        Self("`\(name)` is not as long as the archive says", "`\(name)` 的长度与压缩包记录的不一致", hint: saveAgain)
    }
    static func tooManyEntries(_ count: Int, limit: Int) -> Self {
        Self("the workbook has \(count) parts, more than the \(limit) leadbook reads", "工作簿有 \(count) 个部件，超过 leadbook 能读的 \(limit) 个",
             hint: Phrase("copy the sheet of leads into a new workbook, or export it as CSV", "请把线索表复制到一个新工作簿，或导出为 CSV"))
    }
    static func tooLarge(limit: Int) -> Self {
        Self("the workbook is larger than \(limit / 1_000_000) MB uncompressed", "工作簿解压后超过 \(limit / 1_000_000) MB",
             hint: Phrase("split the sheet into smaller workbooks, or export it as CSV", "请把表格拆成几个小一些的工作簿，或导出为 CSV"))
    }
    static func bomb(_ name: String, ratio: Int, limit: Int) -> Self {
        Self("`\(name)` would grow \(ratio) times when uncompressed (more than \(limit)): the file looks like a zip bomb",
             "`\(name)` 解压后会变大 \(ratio) 倍（超过 \(limit) 倍）：这个文件像是 zip 炸弹",
             hint: Phrase("a real workbook does not compress like this; do not open the file, ask who sent it",
                          "正常的工作簿不会压缩成这样；请不要打开它，先问清楚是谁发来的"))
    }
    static func corrupt(_ name: String, offset: Int) -> Self {
        Self("`\(name)` is damaged: its compressed data is invalid at byte \(offset)", "`\(name)` 已损坏：压缩数据在第 \(offset) 字节处无效",
             hint: Phrase("copy or download the file again, or save it again as .xlsx", "请重新复制或下载这个文件，或重新另存为 .xlsx"))
    }
    static func checksum(_ name: String) -> Self {
        Self("`\(name)` is damaged: its CRC-32 does not match", "`\(name)` 已损坏：CRC-32 校验不一致",
             hint: Phrase("copy or download the file again, or save it again as .xlsx", "请重新复制或下载这个文件，或重新另存为 .xlsx"))
    }
}
