import XCTest
@testable import LeadbookCore
@testable import LeadbookText

/// `CustomerFix`: the reader's fixes applied round after round, a fix that would give the file
/// a new error left out, then what `sync` derives; what `check` calls fixable.
final class CustomerFixTests: XCTestCase {
    static let path = "customers/LX2024001-huadongyun.md"
    let configuration = Configuration()

    /// A stand-in reader: every `：` right after a key at the start of a line is a yaml-syntax
    /// error with its fix, but (as a reader that stops at its first error) only the first is
    /// reported; `poison` is a text whose fix would bring a new error (unknown-status).
    static func diagnose(_ bytes: [UInt8], reportingAll: Bool = false, poison: String? = nil) -> [Diagnostic] {
        let text = String(decoding: bytes, as: UTF8.self)
        var diagnostics: [Diagnostic] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let colon = line.firstIndex(of: "："), line[..<colon].allSatisfy({ $0.isLetter || $0 == "_" }) {
                let start = offset + line[..<colon].utf8.count
                diagnostics.append(Diagnostic(file: path, line: 1, column: 1, rule: YAMLSyntax.rule, message: Phrase(verbatim: "colon"),
                                              hint: .empty, fix: Fix(replacing: start..<(start + 3), with: ": ")))
                if !reportingAll { break }
            }
            if let poison, line == poison.replacingOccurrences(of: "：", with: ": ") {
                diagnostics.append(Diagnostic(file: path, line: 1, column: 1, rule: UnknownStatus.rule, message: Phrase(verbatim: "status"), hint: .empty))
            }
            offset += line.utf8.count + 1
        }
        return diagnostics
    }

    func testRoundAfterRoundUntilNoFixIsLeft() {
        let bytes = Array("industry：食品\nregion：华东\nname: 恒力\nowner：王五\n".utf8)
        let fixed = CustomerFix.applyFixes(bytes, Self.diagnose(bytes)) { Self.diagnose($0) }
        XCTAssertEqual(String(decoding: fixed.bytes, as: UTF8.self), "industry: 食品\nregion: 华东\nname: 恒力\nowner: 王五\n")
        XCTAssertEqual(fixed.repairs, [.fullWidthColon, .fullWidthColon, .fullWidthColon])
        XCTAssertEqual(fixed.diagnostics, [])
    }

    func testRoundsAreLimited() {
        let bytes = Array("a：1\nb：2\nc：3\nd：4\ne：5\nf：6\n".utf8)
        let fixed = CustomerFix.applyFixes(bytes, Self.diagnose(bytes)) { Self.diagnose($0) }
        XCTAssertEqual(fixed.repairs.count, CustomerFix.rounds, "one fix a round, for at most \(CustomerFix.rounds) rounds")
        XCTAssertEqual(String(decoding: fixed.bytes, as: UTF8.self), "a: 1\nb: 2\nc: 3\nd: 4\ne：5\nf：6\n")
    }

    func testAFixThatWouldBringANewErrorIsLeftOutAndTheOthersKept() {
        let bytes = Array("industry：食品\nstatus：谈判\nregion：华东\n".utf8)
        let diagnose = { (content: [UInt8]) in Self.diagnose(content, reportingAll: true, poison: "status：谈判") }
        let fixed = CustomerFix.applyFixes(bytes, diagnose(bytes), diagnose: diagnose)
        XCTAssertEqual(String(decoding: fixed.bytes, as: UTF8.self), "industry: 食品\nstatus：谈判\nregion: 华东\n")
        XCTAssertEqual(fixed.repairs, [.fullWidthColon, .fullWidthColon])
        XCTAssertEqual(EditCheck.newErrors(before: diagnose(bytes), after: fixed.diagnostics), [])
    }

    func testAFixThatChangesNothingEndsTheRounds() {
        let bytes = Array("name: 恒力\n".utf8)
        var reads = 0
        let same = Diagnostic(file: Self.path, line: 1, column: 1, rule: YAMLSyntax.rule, message: Phrase(verbatim: "x"), hint: .empty,
                              fix: Fix(replacing: 0..<4, with: "name"))
        let fixed = CustomerFix.applyFixes(bytes, [same]) { _ in
            reads += 1
            return [same]
        }
        XCTAssertEqual(fixed.bytes, bytes)
        XCTAssertEqual(fixed.repairs, [])
        XCTAssertEqual(reads, 0)
    }

    func testOverlappingAndRepeatedFixesAreAppliedOnce() {
        let bytes = Array("tags: [老客户推荐，价格敏感]\n".utf8)
        let comma = Array("tags: [老客户推荐".utf8).count
        let fix = Fix(replacing: comma..<(comma + 3), with: ", ")
        let overlapping = Fix(replacing: (comma + 1)..<(comma + 5), with: "?")
        let diagnostic = { (fix: Fix) in
            Diagnostic(file: Self.path, line: 1, column: 1, rule: YAMLSyntax.rule, message: Phrase(verbatim: "x"), hint: .empty, fix: fix)
        }
        let chosen = CustomerFix.disjoint([diagnostic(fix), diagnostic(fix), diagnostic(overlapping)], within: bytes.count)
        XCTAssertEqual(chosen.map(\.fix), [fix])
        let fixed = CustomerFix.applyFixes(bytes, [diagnostic(fix), diagnostic(fix), diagnostic(overlapping)]) { _ in [] }
        XCTAssertEqual(String(decoding: fixed.bytes, as: UTF8.self), "tags: [老客户推荐, 价格敏感]\n")
        XCTAssertEqual(fixed.repairs, [.chineseComma])
    }

    func testEachRepairIsNamedFromWhatItReplaces() {
        func named(_ old: String, _ new: String, rule: Rule = YAMLSyntax.rule) -> CustomerFix.Repair {
            let bytes = Array(("key" + old + "rest").utf8)
            let diagnostic = Diagnostic(file: Self.path, line: 1, column: 1, rule: rule, message: .empty, hint: .empty)
            return CustomerFix.repair(diagnostic, Fix(replacing: 3..<(3 + old.utf8.count), with: new), in: bytes)
        }
        XCTAssertEqual(named("：", ": "), .fullWidthColon)
        XCTAssertEqual(named("\u{3000}", " "), .fullWidthSpace)
        XCTAssertEqual(named("“成都天府”", "\"成都天府\""), .chineseQuotes)
        XCTAssertEqual(named("、", ", "), .chineseComma)
        XCTAssertEqual(named("     ", "    "), .indentation)
        XCTAssertEqual(named("[√]", "[x]"), .taskBox)
        XCTAssertEqual(named("ｘ", "x"), .taskBox)
        XCTAssertEqual(named("007", "\"007\"", rule: AmbiguousScalar.rule), .quoted("007"))
        XCTAssertEqual(named("负责人", "owner", rule: UnknownField.rule), .key(from: "负责人", to: "owner"))
        XCTAssertEqual(named("#", "", rule: YAMLSyntax.rule), .replaced(rule: "yaml-syntax", from: "#", to: ""))
    }

    func testWhatWasFixedInBothLanguages() {
        let summary = CustomerFix.summary([.fullWidthColon, .quoted("007"), .fullWidthColon, .chineseComma, .quoted("yes"), .key(from: "负责人", to: "owner")],
                                          [.grade(from: .A, to: .S), .status(from: .contacted, to: .proposal)])
        XCTAssertEqual(summary.en, "2 full-width colons, 1 Chinese comma, key `负责人` -> `owner`, quoted `007`, `yes`, grade A -> S, status contacted -> proposal")
        XCTAssertEqual(summary.zh, "2 个全角冒号，1 个中文逗号，键名 `负责人` 改为 `owner`，给 `007`、`yes` 加上引号，线索等级 A -> S，客户状态 初步接洽 -> 方案提交")
    }

    func testALongTextIsCutInTheSummary() {
        let long = String(repeating: "很长的值", count: 10)
        XCTAssertEqual(CustomerFix.summary([.quoted(long)], []).en, "quoted `\(String(long.prefix(29)))…`")
    }

    // MARK: The whole file

    static let staleGrade = RuleFixture.customer(adding: ["score: {size: 25, budget: 25, urgency: 20, decision: 20}", "grade: B   # 旧等级",
                                                          "contacts:", "  - name: 张伟", "    phone: 02155550101"], body: "\n正文 007\n")

    func testAmbiguousValuesAreQuotedAndTheGradeDerivedChangingOnlyThoseBytes() throws {
        let bytes = Array(Self.staleGrade.utf8)
        guard case .changed(let change) = CustomerFix.fix(path: Self.path, bytes: bytes, configuration: configuration) else {
            return XCTFail("nothing fixed")
        }
        let expected = Self.staleGrade.replacingOccurrences(of: "grade: B   #", with: "grade: S   #")
            .replacingOccurrences(of: "phone: 02155550101", with: "phone: \"02155550101\"")
        XCTAssertEqual(String(decoding: change.after, as: UTF8.self), expected)
        XCTAssertEqual(change.repairs, [.quoted("02155550101")])
        XCTAssertEqual(change.derived, [.grade(from: .B, to: .S)])
        XCTAssertEqual(change.has.filter { $0.severity == .error }, [])
        // A second run changes nothing.
        guard case .unchanged(let errors) = CustomerFix.fix(path: Self.path, bytes: change.after, configuration: configuration) else {
            return XCTFail("a second run changed the file")
        }
        XCTAssertFalse(errors)
    }

    func testAFileWhoseErrorsTheFixesRemoveIsThenSynced() throws {
        // The real file has a full-width colon; the stand-in reader reports it with its fix,
        // as the reader does, and blocks sync with it until it is fixed.
        let broken = Self.staleGrade.replacingOccurrences(of: "source: website", with: "source：website")
        let colon = broken.components(separatedBy: "：")[0].utf8.count
        let reader = { (content: [UInt8]) -> CustomerReader.Result in
            var result = CustomerReader.read(path: Self.path, bytes: content, configuration: self.configuration)
            if String(decoding: content, as: UTF8.self).contains("source：") {
                var findings = Findings(source: SourceText(path: Self.path, bytes: content))
                findings.append(contentsOf: [Diagnostic(file: Self.path, line: 3, column: 7, rule: YAMLSyntax.rule, message: Phrase(verbatim: "colon"),
                                                        hint: .empty, fix: Fix(replacing: colon..<(colon + 3), with: ": "))])
                result.findings = findings
                result.customer = nil
            }
            return result
        }
        XCTAssertNil(reader(Array(broken.utf8)).customer)
        guard case .changed(let change) = CustomerFix.fix(path: Self.path, bytes: Array(broken.utf8), configuration: configuration,
                                                          reader: reader) else { return XCTFail("nothing fixed") }
        XCTAssertEqual(change.repairs, [.fullWidthColon, .quoted("02155550101")])
        XCTAssertEqual(change.derived, [.grade(from: .B, to: .S)])
        let expected = Self.staleGrade.replacingOccurrences(of: "grade: B   #", with: "grade: S   #")
            .replacingOccurrences(of: "phone: 02155550101", with: "phone: \"02155550101\"")
        XCTAssertEqual(String(decoding: change.after, as: UTF8.self), expected)
    }

    func testAStaleValueAFixUncoversWhileSyncCannotRunIsLeftForTheWriteToRefuse() throws {
        // The reader recovers after the colon and reports the unknown status, but it cannot
        // build the customer; once the colon is fixed, the stale grade shows, and the unknown
        // status (no fix) keeps sync away: the write's check refuses the result.
        let broken = Self.staleGrade.replacingOccurrences(of: "source: website", with: "source：website")
            .replacingOccurrences(of: "status: qualified", with: "status: 谈判")
        let colon = broken.components(separatedBy: "：")[0].utf8.count
        let reader = { (content: [UInt8]) -> CustomerReader.Result in
            var result = CustomerReader.read(path: Self.path, bytes: content, configuration: self.configuration)
            if String(decoding: content, as: UTF8.self).contains("source：") {
                var findings = Findings(source: SourceText(path: Self.path, bytes: content))
                findings.append(contentsOf: [Diagnostic(file: Self.path, line: 3, column: 7, rule: YAMLSyntax.rule, message: Phrase(verbatim: "colon"),
                                                        hint: .empty, fix: Fix(replacing: colon..<(colon + 3), with: ": ")),
                                             Diagnostic(file: Self.path, line: 7, column: 9, rule: UnknownStatus.rule, message: Phrase(verbatim: "谈判"),
                                                        hint: .empty)])
                result.findings = findings
                result.customer = nil
            }
            return result
        }
        let bytes = Array(broken.utf8)
        guard case .changed(let change) = CustomerFix.fix(path: Self.path, bytes: bytes, configuration: configuration, reader: reader) else {
            return XCTFail("nothing fixed")
        }
        XCTAssertEqual(change.derived, [])
        XCTAssertTrue(change.has.contains { $0.rule == StaleGrade.rule })
        guard case .failure(.newErrors(_, let added)) = CustomerWrite.Change.update(Self.path, from: bytes, to: change.after, had: change.had,
                                                                                   has: change.has, configuration) else {
            return XCTFail("the write took a file with a new error")
        }
        XCTAssertEqual(added.map(\.rule), [StaleGrade.rule])
    }

    func testAFileWithAnErrorWithoutAFixIsNotSynced() throws {
        let text = Self.staleGrade.replacingOccurrences(of: "status: qualified", with: "status: 谈判")
        guard case .changed(let change) = CustomerFix.fix(path: Self.path, bytes: Array(text.utf8), configuration: configuration) else {
            return XCTFail("the phone was not quoted")
        }
        XCTAssertEqual(change.derived, [])
        XCTAssertTrue(String(decoding: change.after, as: UTF8.self).contains("grade: B   #"))
        XCTAssertTrue(change.has.contains { $0.rule == UnknownStatus.rule })
    }

    // MARK: Derived values: the grade, and what is missing

    /// A scored customer whose log records proposal and plans 2024-03-07; `status` and `next`
    /// are the front matter's lines (nil: left out).
    static func logged(status: String?, next: String?, grade: String = "grade: B") -> String {
        RuleFixture.customer(set: status.map { [$0] } ?? [], adding: ["score: {size: 25, budget: 25, urgency: 20, decision: 20}", grade]
                                + (next.map { [$0] } ?? []),
                             removing: status == nil ? ["status"] : [],
                             body: "\n## Follow-ups\n\n### 2024-03-05 电话 张伟\n- 状态: 方案提交\n- 下次跟进: 2024-03-07\n")
    }

    /// Each finding of `text` that `check` calls fixable is gone after `fix`, and each other is
    /// still there: check and fix agree.
    func assertCheckAgreesWithFix(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let before = CustomerReader.read(path: Self.path, bytes: Array(text.utf8), configuration: configuration).findings.diagnostics
        var after = before
        if case .changed(let change) = CustomerFix.fix(path: Self.path, bytes: Array(text.utf8), configuration: configuration) {
            after = change.has
        }
        for (diagnostic, fixable) in zip(before, CustomerFix.fixable(before)) {
            let left = after.contains { $0.rule == diagnostic.rule && $0.phrase == diagnostic.phrase }
            XCTAssertEqual(fixable, !left, "\(diagnostic.rule.id): \(diagnostic.message)", file: file, line: line)
        }
    }

    func testAStatusAndNextTheFileHoldsAreKeptWhileTheGradeIsFixed() throws {
        let text = Self.logged(status: "status: contacted", next: "next: 2024-03-04")
        let read = CustomerReader.read(path: Self.path, bytes: Array(text.utf8), configuration: configuration).findings.diagnostics
        XCTAssertEqual(read.map(\.rule), [StaleGrade.rule, StaleStatus.rule, StaleNext.rule])
        XCTAssertEqual(CustomerFix.fixable(read), [true, false, false])
        guard case .changed(let change) = CustomerFix.fix(path: Self.path, bytes: Array(text.utf8), configuration: configuration) else {
            return XCTFail("the grade was not fixed")
        }
        XCTAssertEqual(String(decoding: change.after, as: UTF8.self), text.replacingOccurrences(of: "grade: B", with: "grade: S"),
                       "the status and next the rep typed stay")
        XCTAssertEqual(change.derived, [.grade(from: .B, to: .S)])
        XCTAssertEqual(change.has.map(\.rule), [StaleStatus.rule, StaleNext.rule])
        // `sync` still writes the log's values.
        guard case .changed(let synced) = CustomerSync.sync(path: Self.path, bytes: Array(text.utf8), configuration: configuration) else {
            return XCTFail("sync wrote nothing")
        }
        XCTAssertEqual(String(decoding: synced.after, as: UTF8.self), text.replacingOccurrences(of: "grade: B", with: "grade: S")
            .replacingOccurrences(of: "status: contacted", with: "status: proposal").replacingOccurrences(of: "next: 2024-03-04", with: "next: 2024-03-07"))
        assertCheckAgreesWithFix(text)
    }

    func testAMissingStatusAndNextAreFilledFromTheLog() throws {
        let text = Self.logged(status: nil, next: nil)
        let read = CustomerReader.read(path: Self.path, bytes: Array(text.utf8), configuration: configuration).findings.diagnostics
        XCTAssertEqual(Set(read.map(\.rule)), [MissingField.rule, StaleGrade.rule, StaleNext.rule])
        XCTAssertEqual(CustomerFix.fixable(read), read.map { _ in true })
        XCTAssertTrue(read.contains { $0.rule == MissingField.rule && $0.hint.contains("`status: proposal`") }, "\(read.map(\.hint))")
        guard case .changed(let change) = CustomerFix.fix(path: Self.path, bytes: Array(text.utf8), configuration: configuration) else {
            return XCTFail("nothing filled in")
        }
        XCTAssertEqual(change.derived, [.grade(from: .B, to: .S), .status(from: nil, to: .proposal), .next(from: nil, to: LocalDate(year: 2024, month: 3, day: 7)!)])
        XCTAssertEqual(change.has, [])
        let after = String(decoding: change.after, as: UTF8.self)
        XCTAssertTrue(after.contains("\nstatus: proposal\n"), after)
        XCTAssertTrue(after.contains("\nnext: 2024-03-07\n"), after)
        assertCheckAgreesWithFix(text)
        // An empty status is filled in too; `sync` leaves a file with a missing status alone, as it did.
        let empty = Self.logged(status: "status:", next: nil)
        guard case .changed(let filled) = CustomerFix.fix(path: Self.path, bytes: Array(empty.utf8), configuration: configuration) else {
            return XCTFail("the empty status was not filled in")
        }
        XCTAssertTrue(String(decoding: filled.after, as: UTF8.self).contains("\nstatus: proposal\n"))
        assertCheckAgreesWithFix(empty)
        guard case .skipped = CustomerSync.sync(path: Self.path, bytes: Array(text.utf8), configuration: configuration) else {
            return XCTFail("sync changed its behaviour")
        }
    }

    func testAMissingStatusWithoutAStatusInTheLogIsNotFixable() {
        let text = RuleFixture.customer(removing: ["status"])
        let read = CustomerReader.read(path: Self.path, bytes: Array(text.utf8), configuration: configuration).findings.diagnostics
        XCTAssertEqual(read.map(\.rule), [MissingField.rule])
        XCTAssertEqual(CustomerFix.fixable(read), [false])
        assertCheckAgreesWithFix(text)
    }

    // MARK: What check calls fixable

    func testFixableFindings() {
        func finding(_ file: String, _ rule: Rule, fix: Bool = false, derived: DerivedFinding? = nil) -> Diagnostic {
            Diagnostic(file: file, line: 1, column: 1, rule: rule, message: .empty, hint: .empty,
                       fix: fix ? Fix(replacing: 0..<1, with: "x") : nil, derived: derived)
        }
        let diagnostics = [
            finding("a.md", YAMLSyntax.rule, fix: true), finding("a.md", StaleGrade.rule, derived: .init(.grade, written: true)),
            finding("a.md", DuplicateId.rule),
            finding("b.md", UnknownStatus.rule), finding("b.md", StaleNext.rule, derived: .init(.next, written: false)),
            finding("b.md", AmbiguousScalar.rule, fix: true),
            finding("c.md", StaleNext.rule, derived: .init(.next, written: false)), finding("c.md", PossibleDuplicate.rule),
            finding("INDEX.md", StaleIndex.rule),
        ]
        XCTAssertEqual(CustomerFix.fixable(diagnostics), [true, true, false, false, false, true, true, false, false])
    }

    func testAStatusOrNextTheFileHoldsIsNotFixableButMissingOnesAndTheGradeAre() {
        func finding(_ file: String, _ rule: Rule, _ derived: DerivedFinding?) -> Diagnostic {
            Diagnostic(file: file, line: 1, column: 1, rule: rule, message: .empty, hint: .empty, derived: derived)
        }
        let diagnostics = [
            // Typed values stay findings for the rep, and keep nothing else from being fixed.
            finding("a.md", StaleStatus.rule, .init(.status, written: true)), finding("a.md", StaleNext.rule, .init(.next, written: true)),
            finding("a.md", StaleGrade.rule, .init(.grade, written: true)),
            // A missing status the log gives is written, and so no longer blocks the file.
            finding("b.md", MissingField.rule, .init(.status, written: false)), finding("b.md", StaleNext.rule, .init(.next, written: false)),
            finding("b.md", StaleGrade.rule, .init(.grade, written: false)),
            // Any other missing field blocks.
            finding("c.md", MissingField.rule, nil), finding("c.md", StaleGrade.rule, .init(.grade, written: false)),
        ]
        XCTAssertEqual(CustomerFix.fixable(diagnostics), [false, false, true, true, true, true, false, false])
        XCTAssertEqual([DerivedFinding(.grade, written: true), .init(.grade, written: false), .init(.status, written: true),
                        .init(.status, written: false), .init(.next, written: true), .init(.next, written: false)].map(CustomerFix.writes),
                       [true, true, false, true, false, true])
    }
}
