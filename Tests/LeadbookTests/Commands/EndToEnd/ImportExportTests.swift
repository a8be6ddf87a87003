import Foundation
import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// import and export on the built executable; the workspace afterwards is compared byte for byte.
final class ImportExportEndToEndTests: XCTestCase {
    /// A bad row, --dry-run, --skip-bad, a row merged into an existing customer, a sheet
    /// imported twice, a GB18030 sheet, export as CSV and JSON.
    func testImportAndExport() throws {
        try Transcript.check("import-export")
    }

    /// The same commands in Chinese: import with a bad row, export, index, the usage errors of
    /// summary, init and the merge driver, and the help of each.
    func testTheSpreadsheetCommandsInChinese() throws {
        try Transcript.check("spreadsheets-zh")
    }
}
