import LeadbookCore
import LeadbookText

/// The requests about an open document that the editor features answer (completion, hover,
/// code actions, the outline), and the capabilities the server advertises for them.
enum EditorRequests {
    /// What `initialize` announces beyond text sync: only what is answered below.
    static let capabilities: [(String, JSON)] = []

    /// The answer to `method`, nil when it is not one of these requests.
    static func answer(_ method: String, _ params: JSON, _ server: LanguageServer) -> Result<JSON, Failure>? {
        nil
    }

    struct Failure: Error {
        let phrase: Phrase
    }
}
