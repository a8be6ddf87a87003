import XCTest
@testable import LeadbookCommands
@testable import LeadbookCore
@testable import LeadbookText

/// Small builders shared by the Grading tests: dates, customers built in code, and customer
/// files written as Markdown text and read back.
enum Grading {
    static let path = "customers/LX2024001.md"

    static func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> LocalDate {
        guard let value = LocalDate(text) else {
            XCTFail("not a date: \(text)", file: file, line: line)
            return LocalDate(dayNumber: 0)
        }
        return value
    }

    static func moment(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> LocalDateTime {
        guard let value = LocalDateTime(text) else {
            XCTFail("not a datetime: \(text)", file: file, line: line)
            return LocalDateTime(minuteNumber: 0)
        }
        return value
    }

    static func score(_ size: Int?, _ budget: Int?, _ urgency: Int?, _ decision: Int?) -> Score {
        var score = Score()
        score.size = size
        score.budget = budget
        score.urgency = urgency
        score.decision = decision
        return score
    }

    /// A customer with the required facts; everything else is left to the test.
    static func customer(_ id: String = "LX2024001", intent: Intent? = .A, created: String? = "2024-03-01 09:10",
                         status: Status? = .contacted) -> Customer {
        var customer = Customer()
        customer.id = id
        customer.name = "客户\(id)"
        customer.source = "website"
        customer.intent = intent
        customer.created = created.map { moment($0) }
        customer.status = status
        return customer
    }

    /// A follow-up entry built in code.
    static func followUp(_ date: String, time: String? = nil, status: Status? = nil, next: String? = nil,
                         todos: [Todo] = []) -> FollowUp {
        var entry = FollowUp(start: 0, line: 1)
        entry.date = Grading.date(date)
        if let time {
            let parts = time.split(separator: ":").compactMap { Int($0) }
            entry.time = parts[0] * 60 + parts[1]
        }
        entry.channel = .phone
        entry.status = status
        entry.next = next.map { Grading.date($0) }
        entry.todos = todos
        return entry
    }

    static func feedback(_ date: String, time: String? = nil, summary: String = "反馈", handling: Handling? = .fix,
                         resolved: String? = nil, confirmed: String? = nil) -> FeedbackEntry {
        var entry = FeedbackEntry(start: 0, line: 1)
        entry.date = Grading.date(date)
        if let time {
            let parts = time.split(separator: ":").compactMap { Int($0) }
            entry.time = parts[0] * 60 + parts[1]
        }
        entry.channel = .meeting
        entry.summary = summary
        entry.handling = handling
        entry.resolved = resolved.map { Grading.date($0) }
        entry.confirmed = confirmed.map { Grading.date($0) }
        return entry
    }

    static func member(_ name: String, _ role: TeamRole, regions: [String] = [], industries: [String] = [],
                       capacity: Int? = nil, mentor: String? = nil) -> TeamMember {
        var member = TeamMember(name: name)
        member.role = role
        member.regions = regions
        member.industries = industries
        member.capacity = capacity
        member.mentor = mentor
        return member
    }

    // MARK: Files

    /// The six required front-matter lines of LX2024001.
    static let required = [
        "id: LX2024001",
        "name: 华东云科技有限公司",
        "source: website",
        "intent: A",
        "created: 2024-03-01 09:10",
        "status: qualified",
    ]

    /// A customer file: front-matter lines between `---` lines, then the body.
    static func file(_ lines: [String], body: String = "") -> String {
        "---\n" + lines.joined(separator: "\n") + "\n---\n" + body
    }

    /// The required lines with lines of the same key replaced and further lines added.
    static func file(replacing: [String] = [], adding: [String] = [], removing: Set<String> = [], body: String = "") -> String {
        func key(_ line: String) -> String { String(line.prefix(while: { $0 != ":" })) }
        var lines: [String] = []
        for line in required where !removing.contains(key(line)) {
            lines.append(replacing.first(where: { key($0) == key(line) }) ?? line)
        }
        lines += adding
        return file(lines, body: body)
    }

    static func read(_ text: String, configuration: Configuration = Configuration()) -> CustomerReader.Result {
        CustomerReader.read(path: path, bytes: Array(text.utf8), configuration: configuration)
    }

    /// `rule@line` for every diagnostic, in order.
    static func rules(_ text: String, configuration: Configuration = Configuration()) -> [String] {
        read(text, configuration: configuration).findings.diagnostics.sorted(by: Diagnostic.ordered).map { "\($0.rule)@\($0.line)" }
    }

    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.line):\($0.column) [\($0.rule)] \($0.message)" }.joined(separator: "\n")
    }

    static func sync(_ text: String, configuration: Configuration = Configuration()) -> CustomerSync.Outcome {
        CustomerSync.sync(path: path, bytes: Array(text.utf8), configuration: configuration)
    }

    /// The bytes a sync wrote, as text; nil (after failing) when it did not change the file.
    static func synced(_ text: String, configuration: Configuration = Configuration(),
                       file: StaticString = #filePath, line: UInt = #line) -> String? {
        switch sync(text, configuration: configuration) {
        case .changed(let change):
            return String(decoding: change.after, as: UTF8.self)
        case .unchanged:
            XCTFail("expected a change, got .unchanged", file: file, line: line)
        case .skipped(_, let errors):
            XCTFail("expected a change, got .skipped (\(errors) errors): \(describe(read(text, configuration: configuration).findings.diagnostics))", file: file, line: line)
        }
        return nil
    }

    static func isUnchanged(_ outcome: CustomerSync.Outcome) -> Bool {
        if case .unchanged = outcome { return true }
        return false
    }

    static func isSkipped(_ outcome: CustomerSync.Outcome) -> Bool {
        if case .skipped = outcome { return true }
        return false
    }
}
