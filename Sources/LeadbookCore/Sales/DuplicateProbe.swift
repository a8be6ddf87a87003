import LeadbookText

/// Words that a customer file holding one of these duplicate keys contains as it is usually
/// written, so that a text search (`git grep -F -i`) finds the files that can share a key (and
/// a few more); the keys themselves are then compared as `possible-duplicate` does.
///
/// A key is normalized (`DuplicateKeys`), so the word is the part of it that is written the
/// same way however the rest is spelled: a phone's last four digits (separators come between
/// groups of three or four), the whole email (case is ignored by the search), and a company
/// name's first four characters (suffixes such as 有限公司 come at the end). A name spelled
/// with spaces, punctuation or full-width letters among its first four characters is not
/// found this way; the full `check` compares every customer.
public enum DuplicateProbe {
    public static func words(_ keys: [[DuplicateKeys.Evidence]]) -> [String] {
        var words: Set<String> = []
        for evidence in keys.joined() {
            switch evidence.kind {
            case .phone:
                words.insert(String(evidence.value.suffix(4)))
            case .email:
                words.insert(evidence.value)
            case .name:
                words.insert(String(String.UnicodeScalarView(evidence.value.unicodeScalars.prefix(4))))
            }
        }
        return words.filter { !$0.isEmpty }.sorted()
    }
}
