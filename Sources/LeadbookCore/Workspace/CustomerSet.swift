import Foundation
import LeadbookText

/// Every customer of a workspace (`CustomerFiles`), for the commands that work on the whole
/// pipeline with every customer at hand (agenda, assign, renumber).
public struct CustomerSet: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var customer: Customer
        /// The file has errors: read what could be read, but never rewrite it.
        public var hasErrors = false
    }

    public var entries: [Entry]
    /// Files that could not be read as customers, or that have errors.
    public var filesWithErrors: [String]
    /// Why the files that were not read at all were not (file-too-large, unreadable-file).
    public var unread: [Diagnostic] = []

    public static func load(_ workspace: Workspace) -> CustomerSet {
        let paths = workspace.customerPaths
        let reading = CustomerFiles(workspace).reduce { index, bytes -> (Entry?, Bool) in
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration)
            let hasErrors = result.findings.errorCount > 0
            return (result.customer.map { Entry(path: paths[index], customer: $0, hasErrors: hasErrors) }, hasErrors)
        } unread: { _, _ in (nil, true) }
        var entries: [Entry] = []
        var broken: [String] = []
        for (index, (entry, hasErrors)) in reading.values.enumerated() {
            if let entry { entries.append(entry) }
            if hasErrors { broken.append(paths[index]) }
        }
        return CustomerSet(entries: entries, filesWithErrors: broken, unread: reading.unread)
    }

    public var customers: [Customer] { entries.map(\.customer) }
}
