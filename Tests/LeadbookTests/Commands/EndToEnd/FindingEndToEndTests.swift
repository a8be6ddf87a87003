import XCTest

/// Customers by name in the built leadbook (show, log, feedback by a piece of a name, a
/// contact, a phone; ambiguous and unknown texts) and `leadbook find`, in English and Chinese.
final class FindingEndToEndTests: XCTestCase {
    func testCustomersByNameAndFind() throws {
        try Transcript.check("finding")
    }
}
