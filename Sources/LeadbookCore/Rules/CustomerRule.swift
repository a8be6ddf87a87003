import LeadbookText

/// What a rule sees of one customer file.
public struct CustomerContext {
    public let customer: Customer
    public let frontMatter: YAMLNode?
    public let layout: RecordLayout
    public let log: LogReader.Log
    public let configuration: Configuration
    public let positions: CustomerReader.FieldPositions

    public init(customer: Customer, frontMatter: YAMLNode?, layout: RecordLayout, log: LogReader.Log, configuration: Configuration,
         positions: CustomerReader.FieldPositions) {
        self.customer = customer
        self.frontMatter = frontMatter
        self.layout = layout
        self.log = log
        self.configuration = configuration
        self.positions = positions
    }

    public func position(_ key: String) -> CustomerReader.FieldPositions.Position? {
        CustomerField(key: key).flatMap { positions[$0] }
    }

    /// Where to point for a field: its value, else its key, else the front matter's start.
    public func offset(of key: String) -> Int {
        if let position = position(key) {
            return position.valueIsEmpty ? position.key : position.value
        }
        return layout.frontMatter.lowerBound
    }

    public func has(_ key: String) -> Bool { position(key) != nil }

    /// The key is written with a value that is not empty.
    public func hasValue(_ key: String) -> Bool { position(key).map { !$0.valueIsEmpty } ?? false }
}

/// A check of one customer file, run after it is read.
public protocol CustomerRule: RuleDefinition {
    static func check(_ context: CustomerContext, _ findings: inout Findings)
}

public enum CustomerRules {
    public static let all: [any CustomerRule.Type] = [
        EntryOrder.self, MissingField.self, InvalidId.self, FileNameMismatch.self, UnknownOwner.self,
        MissingDeal.self, MissingLostReason.self, StaleGrade.self, StaleStatus.self, StaleNext.self,
        OwnerRole.self, ScoreReviewer.self,
        StageFollowUps.self,
        UnhandledFeedback.self, UnknownResponder.self,
    ]
}
