import LeadbookText

/// New customer ids: `<id_prefix><year><running number>` (the toolkit's LX2024001), the next
/// number after the highest one of that prefix and year anywhere in the workspace. Numbers
/// are never reused, so an id once seen in git history keeps meaning one customer.
public enum CustomerIds {
    /// The id of a file name: the part before the first `-`, `_` or `.`.
    public static func id(ofFileName name: String) -> String {
        String(name.prefix { $0 != "-" && $0 != "_" && $0 != "." })
    }

    /// The most digits after the prefix an id may have (`invalid-id`): its number fits in a
    /// 64-bit integer. Every reader checks it and no writer makes a longer one.
    public static let maxDigits = 18

    /// True for `<prefix><1 to 18 digits>`.
    public static func isValid(_ id: String, prefix: String) -> Bool {
        guard id.hasPrefix(prefix) else { return false }
        let digits = id.utf8.dropFirst(prefix.utf8.count)
        return !digits.isEmpty && digits.count <= maxDigits && digits.allSatisfy(ASCII.isDigit)
    }

    /// The next free id for `year` (at least three digits of running number: LX2024001); nil
    /// when the running numbers of that year are used up to `maxDigits`.
    public static func next(prefix: String, year: Int, taken: Set<String>) -> String? {
        let head = prefix + String(year)
        let room = maxDigits - String(year).utf8.count
        guard room >= 3 else { return nil }
        var highest = 0
        for id in taken where id.hasPrefix(head) {
            let rest = id.utf8.dropFirst(head.utf8.count)
            guard !rest.isEmpty, rest.count <= room, rest.allSatisfy(ASCII.isDigit), let number = Int(String(decoding: rest, as: UTF8.self)) else { continue }
            highest = max(highest, number)
        }
        var number = highest + 1
        while true {
            let running = LocalDate.pad(number, 3)
            guard running.utf8.count <= room else { return nil }
            let id = head + running
            if !taken.contains(id) { return id }
            number += 1
        }
    }
}
