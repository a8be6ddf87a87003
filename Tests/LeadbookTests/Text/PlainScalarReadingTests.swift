import XCTest
@testable import LeadbookText

/// `PlainScalarReading`: what other YAML tools make of a plain scalar, decided on the bytes.
final class PlainScalarReadingTests: XCTestCase {
    func testTheFormsOfTheIssue() {
        // Octal to YAML 1.1, a decimal number to YAML 1.2.
        XCTAssertEqual(PlainScalarReading.of("02155550101"), .number)
        XCTAssertEqual(PlainScalarReading.of("007"), .number)
        XCTAssertEqual(PlainScalarReading.of("0o7"), .number)
        XCTAssertEqual(PlainScalarReading.of("0x1F"), .number)
        XCTAssertEqual(PlainScalarReading.of("12:30"), .number, "sexagesimal to YAML 1.1")
        XCTAssertEqual(PlainScalarReading.of("1_000"), .number)
        XCTAssertEqual(PlainScalarReading.of("013800000001"), .number, "YAML 1.2 reads it as a decimal")
        for word in ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
                     "true", "True", "TRUE", "false", "False", "FALSE"] {
            XCTAssertEqual(PlainScalarReading.of(word), .boolean, word)
        }
        for word in ["~", "null", "Null", "NULL", ""] { XCTAssertEqual(PlainScalarReading.of(word), .null, word) }
        for word in [".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1.5", "1.", ".5", "1e5", "-1.5e+3"] {
            XCTAssertEqual(PlainScalarReading.of(word), .number, word)
        }
        XCTAssertEqual(PlainScalarReading.of("2024-03-01"), .timestamp)
        XCTAssertEqual(PlainScalarReading.of("2024-03-01 09:10:00"), .timestamp)
        XCTAssertEqual(PlainScalarReading.of("2024-3-1T9:10:00.5Z"), .timestamp)
        XCTAssertEqual(PlainScalarReading.of("<<"), .special)
        XCTAssertEqual(PlainScalarReading.of("="), .special)
    }

    func testTextThatEveryToolReadsAsText() {
        for text in ["张伟", "yEs", "nO", "none", "Nil", "yes please", "09:30", "138-0000-0001", "+86 138 0000 0001", "2024-03-01 09:10",
                     "2024-3-1", "20240301x", "0xZZ", "0b2", "08a", "-.nan", "1.2.3", "1,000", "=>", "<", "~x", "on-site", "Café", "wx_007",
                     "a1", ".", "-", "+", "1e", "1.5e", "inf", "NaN"] {
            XCTAssertEqual(PlainScalarReading.of(text), .text, text)
        }
    }

    /// Each reading is named in both languages, the English words those of `description`.
    func testEachReadingIsNamedInBothLanguages() {
        let readings: [PlainScalarReading] = [.text, .null, .boolean, .number, .timestamp, .special, .unreadable]
        for reading in readings {
            XCTAssertEqual(reading.phrase.en, reading.description)
            XCTAssertTrue(reading.phrase.zh.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, reading.description)
        }
        XCTAssertEqual(Set(readings.map(\.phrase.zh)).count, readings.count)
    }
}
