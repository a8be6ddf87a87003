import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

final class UnifiedDiffTests: XCTestCase {
    static let cases: [(String, String)] = {
        let long = (1...30).map { "line \($0)\n" }
        var twoHunks = long
        twoHunks[2] = "changed 3\n"
        twoHunks.insert("new after 20\n", at: 20)
        twoHunks.remove(at: 27)
        var removedOnly = long
        removedOnly.removeSubrange(10..<13)
        var addedOnly = long
        addedOnly.insert(contentsOf: ["a\n", "b\n"], at: 0)
        addedOnly.append("tail")
        return [
            ("a\nb\nc\n", "a\nB\nc\n"),
            ("", "one\n"),
            ("one\n", ""),
            ("x\ny", "x\ny\n"),
            (long.joined(), twoHunks.joined()),
            (long.joined(), removedOnly.joined()),
            (long.joined(), addedOnly.joined()),
            ("a\r\nb\r\n", "a\r\nc\r\nb\r\n"),
        ]
    }()

    static let expected: [String] = [
        "--- a/f.md\n+++ b/f.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
        "--- a/f.md\n+++ b/f.md\n@@ -0,0 +1 @@\n+one\n",
        "--- a/f.md\n+++ b/f.md\n@@ -1 +0,0 @@\n-one\n",
        "--- a/f.md\n+++ b/f.md\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n",
        "--- a/f.md\n+++ b/f.md\n@@ -1,6 +1,6 @@\n line 1\n line 2\n-line 3\n+changed 3\n line 4\n line 5\n line 6\n@@ -18,13 +18,13 @@\n line 18\n line 19\n line 20\n+new after 20\n line 21\n line 22\n line 23\n line 24\n line 25\n line 26\n-line 27\n line 28\n line 29\n line 30\n",
        "--- a/f.md\n+++ b/f.md\n@@ -8,9 +8,6 @@\n line 8\n line 9\n line 10\n-line 11\n-line 12\n-line 13\n line 14\n line 15\n line 16\n",
        "--- a/f.md\n+++ b/f.md\n@@ -1,3 +1,5 @@\n+a\n+b\n line 1\n line 2\n line 3\n@@ -28,3 +30,4 @@\n line 28\n line 29\n line 30\n+tail\n\\ No newline at end of file\n",
        "--- a/f.md\n+++ b/f.md\n@@ -1,2 +1,3 @@\n a\r\n+c\r\n b\r\n",
    ]

    func testHunksNameTheirLinesOnBothSides() {
        XCTAssertEqual(Self.cases.count, Self.expected.count)
        for ((old, new), expected) in zip(Self.cases, Self.expected) {
            XCTAssertEqual(UnifiedDiff.diff(old: Array(old.utf8), new: Array(new.utf8), path: "f.md"), expected)
        }
        XCTAssertEqual(UnifiedDiff.diff(old: Array("same\n".utf8), new: Array("same\n".utf8), path: "f.md"), "")
    }
}
