import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class ArgumentsTests: XCTestCase {
    func parse(_ arguments: [String], trailingPaths: Int = 0) -> Result<ParsedArguments, UsageError> {
        ArgumentParser.parse(arguments, options: [.workspace, .help], trailingPaths: trailingPaths)
    }

    /// An option followed by another of the command's options has no value: said so, the
    /// option is not taken as the value. A value beginning with `-` that names no option is one.
    func testAnOptionFollowedByAnotherHasNoValue() throws {
        let options: [OptionSpec] = [.workspace, .help, OptionSpec("satisfaction", value: "1-5", help: Phrase(verbatim: ""))]
        for arguments in [["--satisfaction", "-C", "ws"], ["--satisfaction", "--workspace=ws"], ["-C", "--help"], ["--satisfaction", "--help"]] {
            guard case .failure(let error) = ArgumentParser.parse(arguments, options: options) else {
                return XCTFail("\(arguments)")
            }
            XCTAssertTrue(error.message.hasSuffix("needs a value (\(arguments[0] == "-C" ? "DIR" : "1-5"))"), error.message)
        }
        let dash = try ArgumentParser.parse(["--satisfaction", "-1", "-C", "-ws"], options: options).get()
        XCTAssertEqual(dash.value("satisfaction"), "-1")
        XCTAssertEqual(dash.value("workspace"), "-ws")
    }

    func testEverythingAfterTheSeparatorIsPositional() throws {
        let parsed = try parse(["-C", "ws", "--", "-leads/a.md", "--help"]).get()
        XCTAssertEqual(parsed.positionals, ["-leads/a.md", "--help"])
        XCTAssertEqual(parsed.value("workspace"), "ws")
        XCTAssertFalse(parsed.flag("help"))
    }

    /// git gives the merge driver `%P`, the file's path in the repository: in a workspace
    /// folder `-leads/` it begins with `-`, and it is a path all the same.
    func testTrailingPathsAreNeverOptions() throws {
        guard case .failure(let error) = parse([".merge_file_a", ".merge_file_b", ".merge_file_c", "-leads/customers/LX2024001-a.md"]) else {
            return XCTFail("a path beginning with - is an option to a command without trailing paths")
        }
        XCTAssertEqual(error.message, "unknown option -l")
        let old = try parse([".merge_file_a", ".merge_file_b", ".merge_file_c", "-leads/customers/LX2024001-a.md"], trailingPaths: 4).get()
        XCTAssertEqual(old.positionals, [".merge_file_a", ".merge_file_b", ".merge_file_c", "-leads/customers/LX2024001-a.md"])
        // Options go before the paths; with `--` the usual rule holds.
        let withOption = try parse(["-C", "ws", "-o", "-a", "-b", "-leads/x.md"], trailingPaths: 4).get()
        XCTAssertEqual(withOption.value("workspace"), "ws")
        XCTAssertEqual(withOption.positionals, ["-o", "-a", "-b", "-leads/x.md"])
        let separated = try parse(["--", "o", "a", "b", "-leads/x.md"], trailingPaths: 4).get()
        XCTAssertEqual(separated.positionals, ["o", "a", "b", "-leads/x.md"])
        // Fewer arguments than paths: parsed as usual (`--help` still answers).
        XCTAssertTrue(try parse(["--help"], trailingPaths: 4).get().flag("help"))
    }
}
