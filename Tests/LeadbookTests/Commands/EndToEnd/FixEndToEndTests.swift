import XCTest

/// `leadbook fix` end to end: `check` marks what is fixable, `fix --dry-run` shows it, `fix`
/// with PATHS and without writes it (the index file with it), a second run changes nothing,
/// and what fix cannot correct is named; in English and Chinese.
final class FixEndToEndTests: XCTestCase {
    func testFixingAWorkspace() throws {
        try Transcript.check("fixing")
    }
}
