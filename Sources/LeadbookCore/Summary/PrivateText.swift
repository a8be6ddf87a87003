import LeadbookText

/// Free text a report prints (a lost reason) without the personal data it may mention.
///
/// Replaced by `＊＊＊` (full-width asterisks, which no Markdown reads as emphasis): the customer's own contact names, phone numbers, emails and WeChat ids
/// as written in its contacts; anything shaped like an email address; and any number of 11 or
/// more digits (digit groups joined by single spaces or dashes count together: `138 0000 0001`).
/// Dates (`2024-03-05`, 8 digits) and amounts below 11 digits stay.
public enum PrivateText {
    public static let mask = "＊＊＊"

    public static func redact(_ text: String, contacts: [Contact]) -> String {
        var needles: [[UInt8]] = []
        for contact in contacts {
            for value in [contact.name, contact.phone, contact.email, contact.wechat] {
                guard let value else { continue }
                let trimmed = value.trimmingSpaces
                // A one-letter name would blank out ordinary words.
                if trimmed.unicodeScalars.count >= 2 { needles.append(Array(trimmed.utf8)) }
            }
        }
        // Longest first, so a phone number is not half-replaced by a shorter needle inside it.
        needles.sort { $0.count > $1.count }
        var bytes = Array(text.utf8)
        for needle in needles { bytes = replacing(needle, in: bytes) }
        bytes = redactEmails(bytes)
        bytes = redactLongNumbers(bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func replacing(_ needle: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !needle.isEmpty, bytes.count >= needle.count else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + needle.count <= bytes.count, bytes[index] == needle[0],
               bytes[index..<index + needle.count].elementsEqual(needle) {
                output.append(contentsOf: mask.utf8)
                index += needle.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
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

    /// `local@domain.tld` spans.
    public static func redactEmails(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(ASCII.at) else { return bytes }
        var output: [UInt8] = []
        var index = 0
        var copied = 0
        while index < bytes.count {
            guard bytes[index] == ASCII.at else { index += 1; continue }
            var start = index
            while start > copied, isLocalPart(bytes[start - 1]) { start -= 1 }
            var end = index + 1
            while end < bytes.count, isDomainPart(bytes[end]) { end += 1 }
            while end > index + 1, bytes[end - 1] == ASCII.dot || bytes[end - 1] == ASCII.dash { end -= 1 }
            let domain = bytes[(index + 1)..<end]
            if start < index, domain.contains(ASCII.dot), domain.first != ASCII.dot {
                output.append(contentsOf: bytes[copied..<start])
                output.append(contentsOf: mask.utf8)
                copied = end
                index = end
            } else {
                index += 1
            }
        }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    /// Runs of digit groups (joined by one space or dash, optionally after `+`) with 11 or more digits.
    public static func redactLongNumbers(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        var copied = 0
        while index < bytes.count {
            guard ASCII.isDigit(bytes[index]) else { index += 1; continue }
            let start = index > 0 && bytes[index - 1] == ASCII.plus ? index - 1 : index
            var end = index
            var digits = 0
            while end < bytes.count {
                if ASCII.isDigit(bytes[end]) {
                    digits += 1
                    end += 1
                } else if (bytes[end] == ASCII.space || bytes[end] == ASCII.dash), end + 1 < bytes.count, ASCII.isDigit(bytes[end + 1]) {
                    end += 1
                } else {
                    break
                }
            }
            if digits >= 11 {
                output.append(contentsOf: bytes[copied..<start])
                output.append(contentsOf: mask.utf8)
                copied = end
            }
            index = end
        }
        output.append(contentsOf: bytes[copied...])
        return output
    }
}
