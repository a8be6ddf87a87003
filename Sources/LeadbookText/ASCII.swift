/// Byte values the readers compare against.
public enum ASCII {
    @inlinable public static var tab: UInt8 { 0x09 }
    @inlinable public static var lf: UInt8 { 0x0A }
    @inlinable public static var cr: UInt8 { 0x0D }
    @inlinable public static var space: UInt8 { 0x20 }
    @inlinable public static var bang: UInt8 { 0x21 }
    @inlinable public static var doubleQuote: UInt8 { 0x22 }
    @inlinable public static var hash: UInt8 { 0x23 }
    @inlinable public static var percent: UInt8 { 0x25 }
    @inlinable public static var ampersand: UInt8 { 0x26 }
    @inlinable public static var singleQuote: UInt8 { 0x27 }
    @inlinable public static var openParen: UInt8 { 0x28 }
    @inlinable public static var closeParen: UInt8 { 0x29 }
    @inlinable public static var asterisk: UInt8 { 0x2A }
    @inlinable public static var plus: UInt8 { 0x2B }
    @inlinable public static var comma: UInt8 { 0x2C }
    @inlinable public static var dash: UInt8 { 0x2D }
    @inlinable public static var dot: UInt8 { 0x2E }
    @inlinable public static var slash: UInt8 { 0x2F }
    @inlinable public static var zero: UInt8 { 0x30 }
    @inlinable public static var nine: UInt8 { 0x39 }
    @inlinable public static var colon: UInt8 { 0x3A }
    @inlinable public static var less: UInt8 { 0x3C }
    @inlinable public static var greater: UInt8 { 0x3E }
    @inlinable public static var question: UInt8 { 0x3F }
    @inlinable public static var at: UInt8 { 0x40 }
    @inlinable public static var openBracket: UInt8 { 0x5B }
    @inlinable public static var backslash: UInt8 { 0x5C }
    @inlinable public static var closeBracket: UInt8 { 0x5D }
    @inlinable public static var backtick: UInt8 { 0x60 }
    @inlinable public static var openBrace: UInt8 { 0x7B }
    @inlinable public static var pipe: UInt8 { 0x7C }
    @inlinable public static var closeBrace: UInt8 { 0x7D }
    @inlinable public static var x: UInt8 { 0x78 }
    @inlinable public static var X: UInt8 { 0x58 }

    @inlinable @inline(__always) public static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    /// A letter, digit or `_`: a byte of a key written in ASCII (`decision_by`).
    @inlinable @inline(__always) public static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == 0x5F
    }

    @inlinable public static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case zero...nine: return byte - zero
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    @inlinable @inline(__always) public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
