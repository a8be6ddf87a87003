import LeadbookText

/// New customer ids: `<id_prefix><year><running number>` (the toolkit's LX2024001), the next
/// number after the highest one of that prefix and year anywhere in the workspace. Numbers
/// are never reused, so an id once seen in git history keeps meaning one customer.
public enum CustomerIds {
    /// The id of a file name: the part before the first `-`, `_` or `.`.
    public static func id(ofFileName name: String) -> String {
        String(name.prefix { $0 != "-" && $0 != "_" && $0 != "." })
    }

    /// The next free id for `year` (at least three digits of running number: LX2024001).
    public static func next(prefix: String, year: Int, taken: Set<String>) -> String {
        let head = prefix + String(year)
        var highest = 0
        for id in taken where id.hasPrefix(head) {
            let rest = id.utf8.dropFirst(head.utf8.count)
            guard !rest.isEmpty, rest.count <= 15, rest.allSatisfy(ASCII.isDigit), let number = Int(String(decoding: rest, as: UTF8.self)) else { continue }
            highest = max(highest, number)
        }
        var number = highest + 1
        while true {
            let id = head + LocalDate.pad(number, 3)
            if !taken.contains(id) { return id }
            number += 1
        }
    }
}
