import LeadbookText

extension Rule {
    /// The log is a ledger read top to bottom: each entry is dated on or after the one above it.
    public static let entryOrder = Rule("entry-order", .error, "Follow-up and feedback entries are in date order, oldest first.")
}
