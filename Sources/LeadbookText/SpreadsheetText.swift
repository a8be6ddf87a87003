/// The text of a file a spreadsheet wrote: UTF-8 (with or without a BOM) or GB18030/GBK (what
/// Excel writes as "CSV" on Chinese Windows), turned into UTF-8 without a BOM.
public enum SpreadsheetText {
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case gb18030

        /// `utf-8`, `utf8`, `gb18030`, `gbk` (GBK is a part of GB18030), any case.
        public init?(name: String) {
            switch name.lowercased() {
            case "utf-8", "utf8": self = .utf8
            case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
            default: return nil
            }
        }
    }

    public struct Decoded: Sendable {
        /// UTF-8, without the BOM.
        public var bytes: [UInt8]
        public var encoding: Encoding
        public var hadBOM: Bool
    }

    /// Why the bytes are not text leadbook can read.
    public struct Problem: Error, SaidError, Equatable, Sendable {
        /// 1-based line of the bad byte (nil when the whole file is the problem).
        public var line: Int?
        /// What is wrong and how to fix it, in both languages.
        public var phrase: Phrase
        public var hintPhrase: Phrase
        /// The English views.
        public var message: String { phrase.en }
        public var hint: String { hintPhrase.en }

        public init(line: Int?, _ words: Wording<SpreadsheetText>) {
            self.line = line
            self.phrase = words.phrase
            self.hintPhrase = words.hintPhrase
        }
    }

    /// Decodes `bytes` as `encoding`, or detects it: UTF-8 when the bytes are valid UTF-8 (or
    /// start with its BOM), else GB18030 when they are valid GB18030.
    public static func decode(_ bytes: [UInt8], as encoding: Encoding?) -> Result<Decoded, Problem> {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return .failure(Problem(line: nil, .utf16))
        }
        if bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04 {
            return .failure(Problem(line: nil, .workbook))
        }
        let hasBOM = UTF8Bytes.hasBOM(bytes)
        let body = hasBOM ? Array(bytes[3...]) : bytes
        // One pass: the first NUL byte wherever it is, else the first byte that is not UTF-8.
        var invalidUTF8: Int?
        switch body.withUnsafeBufferPointer({ UTF8Bytes.check($0) }) {
        case .nul(let offset)?:
            let nul = offset + (hasBOM ? 3 : 0)
            return .failure(Problem(line: line(of: nul, in: bytes), .nul(at: nul)))
        case .invalid(let offset)?: invalidUTF8 = offset
        case nil: invalidUTF8 = nil
        }
        switch encoding ?? (invalidUTF8 == nil || hasBOM ? .utf8 : .gb18030) {
        case .utf8:
            if let offset = invalidUTF8 {
                let at = offset + (hasBOM ? 3 : 0)
                return .failure(Problem(line: line(of: at, in: bytes), .invalidUTF8(at: at, byte: bytes[at], asked: encoding != nil)))
            }
            return .success(Decoded(bytes: body, encoding: .utf8, hadBOM: hasBOM))
        case .gb18030:
            switch GB18030.decode(body) {
            case .success(let decoded):
                return .success(Decoded(bytes: decoded, encoding: .gb18030, hadBOM: hasBOM))
            case .failure(let invalid):
                let at = invalid.offset + (hasBOM ? 3 : 0)
                if encoding == nil, let utf8 = invalidUTF8 {
                    let utf8At = utf8 + (hasBOM ? 3 : 0)
                    return .failure(Problem(line: line(of: min(at, utf8At), in: bytes), .neither(utf8At: utf8At, gb18030At: at, byte: bytes[at])))
                }
                return .failure(Problem(line: line(of: at, in: bytes), .invalidGB18030(at: at, byte: bytes[at])))
            }
        }
    }

    public static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == ASCII.lf { line += 1 }
        return line
    }

    public static func hex(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return text.count == 1 ? "0" + text : text
    }
}

extension Wording where Of == SpreadsheetText {
    public static let utf16 = Self("the file is UTF-16 (Excel's \"Unicode Text\"), not CSV",
                                   "文件是 UTF-16 编码（Excel 的“Unicode 文本”），不是 CSV",
                                   hint: Phrase("in Excel, save it as \"CSV UTF-8 (逗号分隔)\" or \"CSV (逗号分隔)\"",
                                                "请在 Excel 里另存为“CSV UTF-8 (逗号分隔)”或“CSV (逗号分隔)”"))
    public static let workbook = Self("the file is an Excel workbook (.xlsx), not CSV", "文件是 Excel 工作簿（.xlsx），不是 CSV",
                                      hint: Phrase("in Excel, use File > Save As > \"CSV UTF-8 (逗号分隔)\"",
                                                   "请在 Excel 里用“文件 > 另存为 > CSV UTF-8 (逗号分隔)”"))
    public static func nul(at offset: Int) -> Self {
        Self("the file has a NUL byte at offset \(offset): it is not a text file", "文件在偏移 \(offset) 处有 NUL 字节：不是文本文件",
             hint: Phrase("export the sheet as CSV", "请把表格导出为 CSV"))
    }

    /// `asked`: the user passed `--encoding utf-8` (otherwise the file's BOM said UTF-8).
    public static func invalidUTF8(at offset: Int, byte: UInt8, asked: Bool) -> Self {
        Self("invalid UTF-8 at byte offset \(offset) (byte 0x\(SpreadsheetText.hex(byte)))",
             "字节偏移 \(offset) 处不是有效的 UTF-8（字节 0x\(SpreadsheetText.hex(byte))）",
             hint: asked ? Phrase("if Excel wrote it on Chinese Windows, try --encoding gb18030",
                                  "如果是中文 Windows 上的 Excel 保存的，请试试 `--encoding gb18030`")
                         : Phrase("the file starts with a UTF-8 BOM but is not UTF-8; save it again as CSV UTF-8",
                                  "文件以 UTF-8 BOM 开头，内容却不是 UTF-8；请重新另存为 CSV UTF-8"))
    }

    public static func neither(utf8At: Int, gb18030At offset: Int, byte: UInt8) -> Self {
        Self("the file is neither UTF-8 (invalid at byte offset \(utf8At)) nor GB18030 (invalid at byte offset \(offset) (byte 0x\(SpreadsheetText.hex(byte))))",
             "文件既不是 UTF-8（字节偏移 \(utf8At) 处无效），也不是 GB18030（字节偏移 \(offset) 处无效，字节 0x\(SpreadsheetText.hex(byte))）",
             hint: Phrase("open it in Excel or a text editor and save it as \"CSV UTF-8\"",
                          "请用 Excel 或文本编辑器打开，另存为“CSV UTF-8”"))
    }

    public static func invalidGB18030(at offset: Int, byte: UInt8) -> Self {
        Self("invalid GB18030 at byte offset \(offset) (byte 0x\(SpreadsheetText.hex(byte)))",
             "字节偏移 \(offset) 处不是有效的 GB18030（字节 0x\(SpreadsheetText.hex(byte))）",
             hint: Phrase("the file may be in another encoding; save it as \"CSV UTF-8\" and use --encoding utf-8",
                          "文件可能是别的编码；请另存为“CSV UTF-8”，再加 `--encoding utf-8` 导入"))
    }
}
