import Foundation
import LeadbookText

/// Every customer of a workspace, read in parallel, for the commands that work on the whole
/// pipeline (agenda, assign, index, summary).
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

    public static func load(_ workspace: Workspace) -> CustomerSet {
        let paths = workspace.customerPaths
        let results = ParallelMap.map(paths.count) { index -> (Entry?, Bool) in
            guard case .success(let bytes) = FileAccess.read(workspace.absolute(paths[index])) else { return (nil, true) }
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration)
            let hasErrors = result.findings.errorCount > 0
            return (result.customer.map { Entry(path: paths[index], customer: $0, hasErrors: hasErrors) }, hasErrors)
        }
        var entries: [Entry] = []
        var broken: [String] = []
        for (index, (entry, hasErrors)) in results.enumerated() {
            if let entry { entries.append(entry) }
            if hasErrors { broken.append(paths[index]) }
        }
        return CustomerSet(entries: entries, filesWithErrors: broken)
    }

    public var customers: [Customer] { entries.map(\.customer) }
}
