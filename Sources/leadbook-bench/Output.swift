#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growing UTF-8 byte buffer: every file is built here and written with one `write`.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func s(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    @inline(__always) mutating func byte(_ value: UInt8) { bytes.append(value) }

    @inline(__always) mutating func nl() { bytes.append(0x0A) }

    /// `text` then a line break.
    @inline(__always) mutating func line(_ text: String) {
        s(text)
        nl()
    }

    mutating func int(_ value: Int) {
        if value < 0 {
            byte(UInt8(ascii: "-"))
            int(-value)
            return
        }
        if value < 10 {
            byte(0x30 + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
        }
        withUnsafeBytes(of: &digits) { buffer in
            var index = count - 1
            while index >= 0 {
                bytes.append(buffer[index])
                index -= 1
            }
        }
    }

    /// A number zero-padded to `width` digits.
    mutating func padded(_ value: Int, _ width: Int) {
        var digits = 1
        var limit = 10
        while value >= limit { digits += 1; limit *= 10 }
        var pad = width - digits
        while pad > 0 { byte(0x30); pad -= 1 }
        int(value)
    }

    /// `YYYY-MM-DD`.
    mutating func date(_ dayNumber: Int) {
        let (year, month, day) = CivilCalendar.civil(dayNumber)
        padded(year, 4)
        byte(0x2D)
        padded(month, 2)
        byte(0x2D)
        padded(day, 2)
    }

    /// `HH:MM` of a minute of the day.
    mutating func time(_ minuteOfDay: Int) {
        padded(minuteOfDay / 60, 2)
        byte(0x3A)
        padded(minuteOfDay % 60, 2)
    }

    /// `YYYY-MM-DD HH:MM` of a minute number.
    mutating func dateTime(_ minuteNumber: Int) {
        date(minuteNumber / CivilCalendar.minutesPerDay)
        byte(0x20)
        time(minuteNumber % CivilCalendar.minutesPerDay)
    }

    /// A YAML scalar: plain when that reads back as the same text, else double-quoted.
    /// `flow` is for items of `[a, b]` and values of `{k: v}`, where `,[]{}` end a plain scalar.
    mutating func yaml(_ text: String, flow: Bool = false) {
        if YAMLText.isPlainSafe(text, flow: flow) {
            s(text)
        } else {
            byte(0x22)
            for unit in text.utf8 {
                switch unit {
                case 0x22: s("\\\"")
                case 0x5C: s("\\\\")
                case 0x0A: s("\\n")
                case 0x09: s("\\t")
                default: byte(unit)
                }
            }
            byte(0x22)
        }
    }

    /// Writes a text template, replacing the number placeholders:
    /// `#` a small count (2...12), `$` an amount in 万 (10...300), `&` a percentage (5...60).
    /// `amount` (in 万), when known, is what `$` stands for.
    mutating func template(_ text: String, _ rng: inout SplitMix64, amount: Int? = nil) {
        for unit in text.utf8 {
            switch unit {
            case 0x23: int(rng.int(2...12))
            case 0x24: int(amount ?? rng.int(2...60) * 5)
            case 0x26: int(rng.int(1...12) * 5)
            default: byte(unit)
            }
        }
    }
}

enum YAMLText {
    /// True when `text` can be written as a plain scalar and reads back unchanged.
    static func isPlainSafe(_ text: String, flow: Bool) -> Bool {
        var iterator = text.utf8.makeIterator()
        guard let first = iterator.next() else { return false }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "):
            return false
        default: break
        }
        var previous = first
        for unit in text.utf8.dropFirst() {
            if unit == 0x0A || unit == 0x0D || unit == 0x09 { return false }
            if previous == UInt8(ascii: ":") && unit == 0x20 { return false }
            if previous == 0x20 && unit == UInt8(ascii: "#") { return false }
            if flow && (unit == UInt8(ascii: ",") || unit == UInt8(ascii: "[") || unit == UInt8(ascii: "]")
                        || unit == UInt8(ascii: "{") || unit == UInt8(ascii: "}")) { return false }
            previous = unit
        }
        if flow && (first == UInt8(ascii: ",")) { return false }
        // A trailing space or colon would be lost or misread.
        if previous == 0x20 || previous == UInt8(ascii: ":") { return false }
        return true
    }
}

/// Writes whole files with one open/write/close each.
enum FileOutput {
    static func write(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { return false }
        defer { close(fd) }
        var offset = 0
        return bytes.withUnsafeBytes { buffer -> Bool in
            while offset < buffer.count {
                let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    @inline(__always) static func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, pointer, count)
        #else
        return Darwin.write(fd, pointer, count)
        #endif
    }

    /// mkdir -p.
    static func makeDirectories(_ path: String) -> Bool {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}
