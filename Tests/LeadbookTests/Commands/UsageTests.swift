import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Each command's usage line names every option it takes (`--help` aside), so the line does
/// not fall behind when an option is added.
final class UsageTests: XCTestCase {
    func testEveryOptionIsInTheUsage() {
        for entry in LeadbookCommandLine.commands {
            let spec = entry.spec
            for option in spec.options where option.long != "help" {
                let named = spec.usage.contains("--" + option.long) || option.short.map { spec.usage.contains("-" + String($0) + " ") } == true
                XCTAssertTrue(named, "`leadbook \(spec.name)` usage lacks --\(option.long)")
            }
        }
    }
}
