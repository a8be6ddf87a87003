/// What a rule sees of one customer file.
public struct CustomerContext {
    public let customer: Customer
    public let frontMatter: YAMLNode?
    public let layout: RecordLayout
    public let log: LogReader.Log
    public let configuration: Configuration

    /// Where to point for a field: its value, else its key, else the front matter's start.
    public func offset(of key: String) -> Int {
        if let pair = frontMatter?.pair(key) {
            return pair.value.isEmpty ? pair.key.start : pair.value.start
        }
        return layout.frontMatter.lowerBound
    }

    public func has(_ key: String) -> Bool { frontMatter?.pair(key) != nil }
}

/// A check of one customer file, run after it is read.
public protocol CustomerRule {
    static var rule: Rule { get }
    static func check(_ context: CustomerContext, _ findings: inout Findings)
}

public enum CustomerRules {
    public static let all: [any CustomerRule.Type] = [
        RequiredFields.self, IdFormat.self, FileNameMatchesId.self, OwnerInTeam.self,
        DealWhenWon.self, LostReasonWhenLost.self, StaleGrade.self, StaleStatus.self, StaleNext.self,
    ]
}
