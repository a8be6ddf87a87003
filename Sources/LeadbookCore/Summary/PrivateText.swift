import LeadbookText

/// Free text a shared output prints (a lost reason in the summary; needs, follow-ups, to-dos and
/// feedback in INDEX.md without `index_pii`) without the personal data it may mention.
///
/// Replaced by `＊＊＊` (full-width asterisks, which no Markdown reads as emphasis): the customer's
/// own contact phone numbers, emails and WeChat ids as written in its contacts (and, for the
/// summary, their names); anything shaped like an email address; and any number of 11 or more
/// digits (digit groups joined by a space, dash, dot or parenthesis count together: `138 0000 0001`,
/// `139.1234.5678`, `(139)1234-5678`), with
/// the `X` that ends an 18-character ID-card number. Dates (`2024-03-05`, 8 digits) and amounts
/// below 11 digits stay.
///
/// What Chinese input methods type is matched as its ASCII counterpart: full-width digits,
/// letters and punctuation (`１３９１２３４５６７８`, `＠`, `．`, `－`), the small `﹫`, dashes such as
/// `‐` and `—`, and the ideographic space. The matching runs on a folded copy; text outside
/// what is masked is copied from the original bytes, so it stays exactly as written.
public enum PrivateText {
    public static let mask = "＊＊＊"

    /// The summary's masking of a lost reason: contact names included.
    public static func redact(_ text: String, contacts: [Contact]) -> String {
        Masker(contacts: contacts, names: true).masked(text)
    }

    /// The masking of one customer's texts, made once per customer.
    public struct Masker: Sendable {
        /// The contacts' values, folded, longest first (so a phone number is not half-replaced
        /// by a shorter value inside it).
        public let needles: [[UInt8]]
        /// Which bytes each needle holds (`Survey.bit`): a needle can occur in a text only when
        /// the text, folded, holds every one of them.
        let needleBytes: [Survey.Bytes]

        /// `names`: also the contacts' names (the summary names no person; the index shows the
        /// first contact and each counterpart by design, and masks only how to reach them).
        public init(contacts: [Contact], names: Bool) {
            var needles: [[UInt8]] = []
            // Repeats found by hashing: comparing each value with those before it took n²/2
            // comparisons, minutes for the 150,000 contacts a file may hold (`check` and
            // `index` mask every customer's texts).
            // A few values (the common customer) are compared directly: hashing them cost more.
            let hashing = contacts.count > 4
            var seen = Set<[UInt8]>()
            for contact in contacts {
                for value in [names ? contact.name : nil, contact.phone, contact.email, contact.wechat] {
                    guard var value else { continue }
                    // The value without the spaces and tabs around it, folded, on its bytes.
                    let folded: [UInt8]? = value.withUTF8 { bytes in
                        var start = 0, end = bytes.count
                        while start < end, bytes[start] == ASCII.space || bytes[start] == ASCII.tab { start += 1 }
                        while end > start, bytes[end - 1] == ASCII.space || bytes[end - 1] == ASCII.tab { end -= 1 }
                        // A one-letter name would blank out ordinary words.
                        var scalars = 0
                        for index in start..<end where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
                        guard scalars >= 2 else { return nil }
                        return PrivateText.foldedBytes(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    }
                    guard let folded else { continue }
                    if hashing ? seen.insert(folded).inserted : !needles.contains(folded) { needles.append(folded) }
                }
            }
            needles.sort { $0.count > $1.count }
            self.needles = needles
            needleBytes = needles.map { needle in needle.withUnsafeBufferPointer { Survey.Bytes(of: $0) } }
        }

        /// Whether some needle may occur in a text of `survey`: it holds every byte of one.
        func mayHoldNeedle(_ survey: Survey) -> Bool {
            needleBytes.contains { survey.bytes.holds($0) }
        }

        /// `text` with what it holds of personal data masked; `text` itself when there is none.
        public func masked(_ text: String) -> String {
            var text = text
            let result: [UInt8]? = text.withUTF8 { masked($0) }
            return result.map { String(decoding: $0, as: UTF8.self) } ?? text
        }

        /// nil when nothing is masked (most texts: no `@`, no full-width form, fewer than 11 digits).
        public func masked(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
            // Most texts hold nothing to mask: tell that without copying them.
            // Most texts hold nothing to mask: tell that without copying them. A text that
            // lacks a byte of every needle holds none of them.
            let survey = Survey(raw)
            if !survey.personal, !mayHoldNeedle(survey) || !PrivateText.containsAny(needles, in: raw) { return nil }
            let folding = PrivateText.needsFolding(raw)
            let folded = folding ? PrivateText.folded(Array(raw)) : (bytes: Array(raw), origin: [])
            var spans = Spans(count: folded.bytes.count)
            for needle in needles { spans.markOccurrences(of: needle, in: folded.bytes) }
            spans.markEmails(in: folded.bytes)
            spans.markLongNumbers(in: folded.bytes)
            guard !spans.ranges.isEmpty else { return nil }
            func original(_ index: Int) -> Int { folding ? folded.origin[index] : index }
            var output: [UInt8] = []
            output.reserveCapacity(raw.count)
            var copied = 0
            for range in spans.ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                let start = original(range.lowerBound)
                guard start >= copied else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: raw[copied..<start]))
                output.append(contentsOf: PrivateText.mask.utf8)
                copied = original(range.upperBound)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: raw[copied..<raw.count]))
            return output
        }
    }

    /// What one pass over a text tells: whether it may hold an email or a long number
    /// (`mayHoldPersonalData`) and, when it does not, which bytes it holds read folded.
    public struct Survey {
        /// A set of bytes: bit `b` for an ASCII byte `b`, bit 0 for any other byte.
        public struct Bytes: Equatable, Sendable {
            public var low: UInt64 = 0
            public var high: UInt64 = 0

            @inline(__always) mutating func insert(_ byte: UInt8) {
                let bit = byte < 0x80 ? byte : 0
                if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
            }

            /// Every byte of `other` is here.
            public func holds(_ other: Bytes) -> Bool { other.low & ~low == 0 && other.high & ~high == 0 }

            /// The bytes of `bytes` as they are (a needle is folded already).
            public init(of bytes: UnsafeBufferPointer<UInt8>) {
                for byte in bytes { insert(byte) }
            }

            public init() {}
        }

        /// An `@` or 11 digits (read folded): the text may hold an email or a long number.
        public var personal = false
        /// The bytes of the text read folded, as `foldedBytes` makes them (all of them when
        /// `personal` is false).
        public var bytes = Bytes()

        public init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var digits = 0
            var index = 0
            let count = bytes.count
            while index < count {
                var byte = bytes[index]
                if PrivateText.mayFold(byte), index + 2 < count, let ascii = PrivateText.foldedASCII(byte, bytes[index + 1], bytes[index + 2]) {
                    byte = ascii
                    index += 3
                } else {
                    index += 1
                }
                if byte == ASCII.at {
                    personal = true
                    return
                }
                if ASCII.isDigit(byte) {
                    digits += 1
                    if digits >= 11 {
                        personal = true
                        return
                    }
                }
                self.bytes.insert(byte)
            }
        }
    }

    /// Whether a text may hold an email or a long number at all: an `@` or 11 digits, in ASCII
    /// or in a form that folds to it (most texts have neither, and are not copied).
    public static func mayHoldPersonalData(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var index = 0
        let count = bytes.count
        while index < count {
            var byte = bytes[index]
            if PrivateText.mayFold(byte), index + 2 < count, let ascii = foldedASCII(byte, bytes[index + 1], bytes[index + 2]) {
                byte = ascii
                index += 3
            } else {
                index += 1
            }
            if byte == ASCII.at { return true }
            if ASCII.isDigit(byte) {
                digits += 1
                if digits >= 11 { return true }
            }
        }
        return false
    }

    /// Whether `needle` (folded) occurs in `bytes` read folded, without copying them.
    public static func contains(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return false }
        let count = bytes.count
        let first = needle[0]
        var start = 0
        while start < count {
            // Most places cannot start a match: neither the needle's first byte nor a form that
            // folds to it (the folded forms all begin with E2, E3 or EF).
            let lead = bytes[start]
            if lead != first {
                guard lead == 0xE2 || lead == 0xE3 || lead == 0xEF, start + 2 < count,
                      foldedASCII(lead, bytes[start + 1], bytes[start + 2]) == first else {
                    start += 1
                    continue
                }
            }
            var index = start
            var matched = 0
            while matched < needle.count, index < count {
                var byte = bytes[index]
                if PrivateText.mayFold(byte), index + 2 < count, let ascii = foldedASCII(byte, bytes[index + 1], bytes[index + 2]) {
                    byte = ascii
                    index += 3
                } else {
                    index += 1
                }
                guard byte == needle[matched] else { break }
                matched += 1
            }
            if matched == needle.count { return true }
            start += 1
        }
        return false
    }

    /// Whether any of `needles` (folded) occurs in `bytes` read folded: `contains` for each
    /// needle, with the text folded once (only when it holds a form that folds) and each
    /// needle found from the places of its first byte (`memchr`). A needle is text, so it
    /// starts where a character starts, as every place of its first byte in the folded text does.
    public static func containsAny(_ needles: [[UInt8]], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needles.isEmpty else { return false }
        if needsFolding(bytes) {
            return foldedBytes(bytes).withUnsafeBufferPointer { folded in needles.contains { occurs($0, in: folded) } }
        }
        return needles.contains { occurs($0, in: bytes) }
    }

    /// Whether `needle` occurs in `bytes` as it is.
    public static func occurs(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Bytes.occurs(needle, in: bytes)
    }

    /// The bytes of `folded`, without where each came from.
    public static func foldedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if index + 2 < bytes.count, PrivateText.mayFold(byte), let ascii = foldedASCII(byte, bytes[index + 1], bytes[index + 2]) {
                output.append(ascii)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    public static func needsFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 == 0xEF || $0 == 0xE2 || $0 == 0xE3 }
    }

    /// The text with full-width ASCII forms (U+FF01-FF5E), `﹫` (U+FE6B), the dashes U+2010-2015
    /// and U+2212, and the ideographic space (U+3000) each folded to one ASCII byte; `origin[i]`
    /// is where folded byte `i` starts in `bytes` (one more entry: the end).
    public static func folded(_ bytes: [UInt8]) -> (bytes: [UInt8], origin: [Int]) {
        var output: [UInt8] = []
        var origin: [Int] = []
        output.reserveCapacity(bytes.count)
        origin.reserveCapacity(bytes.count + 1)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if index + 2 < bytes.count, PrivateText.mayFold(byte), let ascii = foldedASCII(byte, bytes[index + 1], bytes[index + 2]) {
                output.append(ascii)
                origin.append(index)
                index += 3
            } else {
                output.append(byte)
                origin.append(index)
                index += 1
            }
        }
        origin.append(bytes.count)
        return (output, origin)
    }

    /// Whether a sequence that starts with `byte` may fold (its lead is that of one of the
    /// forms `foldedASCII` knows: E2, E3 or EF).
    @inline(__always) public static func mayFold(_ byte: UInt8) -> Bool {
        byte == 0xEF || byte == 0xE2 || byte == 0xE3
    }

    /// The ASCII byte a three-byte UTF-8 sequence folds to, if any.
    @inline(__always) public static func foldedASCII(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> UInt8? {
        switch (first, second) {
        case (0xEF, 0xBC) where third >= 0x81 && third <= 0xBF: return third - 0x81 + 0x21 // U+FF01-FF3F
        case (0xEF, 0xBD) where third >= 0x80 && third <= 0x9E: return third - 0x80 + 0x60 // U+FF40-FF5E
        case (0xEF, 0xB9) where third == 0xAB: return ASCII.at // U+FE6B ﹫
        case (0xE2, 0x80) where third >= 0x90 && third <= 0x95: return ASCII.dash // U+2010-2015
        case (0xE2, 0x88) where third == 0x92: return ASCII.dash // U+2212
        case (0xE3, 0x80) where third == 0x80: return ASCII.space // U+3000
        default: return nil
        }
    }

    public static func isLocalPart(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == ASCII.dot || byte == UInt8(ascii: "_") || byte == ASCII.percent
            || byte == ASCII.plus || byte == ASCII.dash
    }

    public static func isDomainPart(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == ASCII.dot || byte == ASCII.dash
    }

    public static func isAlphanumeric(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The ranges of a folded text to mask; a byte belongs to at most one range.
    public struct Spans {
        public private(set) var ranges: [Range<Int>] = []
        private var taken: [Bool]

        public init(count: Int) {
            taken = [Bool](repeating: false, count: count)
        }

        private func free(_ index: Int) -> Bool { !taken[index] }

        private mutating func mark(_ range: Range<Int>) {
            ranges.append(range)
            for index in range { taken[index] = true }
        }

        public mutating func markOccurrences(of needle: [UInt8], in bytes: [UInt8]) {
            guard !needle.isEmpty, bytes.count >= needle.count else { return }
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], free(index), bytes[index..<index + needle.count].elementsEqual(needle),
                   !taken[index..<index + needle.count].contains(true) {
                    mark(index..<index + needle.count)
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }

        /// `local@domain.tld` spans.
        public mutating func markEmails(in bytes: [UInt8]) {
            guard bytes.contains(ASCII.at) else { return }
            var index = 0
            while index < bytes.count {
                guard bytes[index] == ASCII.at, free(index) else { index += 1; continue }
                var start = index
                while start > 0, free(start - 1), isLocalPart(bytes[start - 1]) { start -= 1 }
                var end = index + 1
                while end < bytes.count, free(end), isDomainPart(bytes[end]) { end += 1 }
                while end > index + 1, bytes[end - 1] == ASCII.dot || bytes[end - 1] == ASCII.dash { end -= 1 }
                let domain = bytes[(index + 1)..<end]
                if start < index, domain.contains(ASCII.dot), domain.first != ASCII.dot {
                    mark(start..<end)
                    index = end
                } else {
                    index += 1
                }
            }
        }

        static func joinsDigits(_ byte: UInt8) -> Bool {
            byte == ASCII.space || byte == ASCII.dash || byte == ASCII.dot || byte == ASCII.openParen || byte == ASCII.closeParen
        }

        /// Runs of digit groups (joined by one space, dash, dot or parenthesis, optionally after
        /// `+` or `(`) with 11 or more digits; 17 digits and an `X` (an ID-card number) together.
        public mutating func markLongNumbers(in bytes: [UInt8]) {
            var index = 0
            while index < bytes.count {
                guard ASCII.isDigit(bytes[index]), free(index) else { index += 1; continue }
                let opening = index > 0 && (bytes[index - 1] == ASCII.plus || bytes[index - 1] == ASCII.openParen) && free(index - 1)
                let start = opening ? index - 1 : index
                var end = index
                var digits = 0
                while end < bytes.count, free(end) {
                    if ASCII.isDigit(bytes[end]) {
                        digits += 1
                        end += 1
                        continue
                    }
                    // Between two digit groups: one space, dash, dot or parenthesis
                    // (`139.1234.5678`, `(139)1234-5678`, `+86(139)...`), or `)` and a space or dash.
                    let closingThenSpace = bytes[end] == ASCII.closeParen && end + 1 < bytes.count && free(end + 1)
                        && (bytes[end + 1] == ASCII.space || bytes[end + 1] == ASCII.dash)
                    let joiner = closingThenSpace ? 2 : Self.joinsDigits(bytes[end]) ? 1 : 0
                    guard joiner > 0, end + joiner < bytes.count, free(end + joiner), ASCII.isDigit(bytes[end + joiner]) else { break }
                    end += joiner
                }
                if digits == 17, end < bytes.count, free(end), bytes[end] == UInt8(ascii: "X") || bytes[end] == UInt8(ascii: "x"),
                   end + 1 == bytes.count || !isAlphanumeric(bytes[end + 1]) {
                    end += 1
                    digits += 1
                }
                if digits >= 11 { mark(start..<end) }
                index = end
            }
        }
    }
}
