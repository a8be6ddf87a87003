/// An error that says what went wrong in both languages.
public protocol SaidError: Error {
    var phrase: Phrase { get }
}

extension Phrase {
    /// What `error` says: its own words in both languages when it has them, else what the
    /// system said (the same in both).
    public static func of(_ error: any Error) -> Phrase {
        (error as? any SaidError)?.phrase ?? Phrase(verbatim: "\(error)")
    }
}
