import LeadbookText

/// Every rule leadbook reports, in the order of docs/diagnostics.md (generated from this list;
/// a test fails when the page is stale).
public enum RuleCatalog {
    public struct Group {
        public let title: String
        public let rules: [Rule]
    }

    public static let groups: [Group] = [
        Group(title: "Files", rules: [
            InvalidUTF8.rule, NulByte.rule, EmptyFile.rule, NoFrontMatter.rule, UnclosedFrontMatter.rule, UnreadableFile.rule,
            NotAFile.rule, FileTooLarge.rule, LineTooLong.rule, SymlinkLoop.rule, OutsideWorkspace.rule,
        ]),
        Group(title: "YAML front matter", rules: [YAMLSyntax.rule, YAMLUnsupported.rule, YAMLTabIndent.rule, DuplicateKey.rule, FrontMatterNotMap.rule]),
        Group(title: "Fields", rules: [
            MissingField.rule, WrongType.rule, InvalidDate.rule, OutOfRange.rule, UnknownField.rule, UnknownSource.rule,
            UnknownKind.rule, UnknownIntent.rule, UnknownGrade.rule, UnknownStatus.rule, UnknownStage.rule,
            UnknownContactRole.rule, UnknownPreference.rule,
            InvalidId.rule, FileNameMismatch.rule, UnknownOwner.rule, MissingDeal.rule, MissingLostReason.rule,
        ]),
        Group(title: "Follow-up and feedback log", rules: [
            BadEntryHeading.rule, UnknownChannel.rule, UnknownMood.rule, UnknownFeedbackType.rule, UnknownPriority.rule,
            UnknownHandling.rule, TodoWithoutDate.rule, EntryOrder.rule, UnknownEntryKey.rule, DuplicateSection.rule,
        ]),
        Group(title: "Derived values", rules: [StaleGrade.rule, StaleStatus.rule, StaleNext.rule]),
        Group(title: "Across files", rules: [DuplicateId.rule, UnknownMergeTarget.rule, PossibleDuplicate.rule]),
        Group(title: "Generated index", rules: [StaleIndex.rule, IndexMarkers.rule]),
        Group(title: "History (check --against REV)", rules: [LogRewritten.rule]),
        Group(title: "leadbook.yml", rules: [UnknownTeamRole.rule, DuplicateMember.rule, UnknownMentor.rule, MissingMentor.rule]),
    ]

    public static var all: [Rule] { groups.flatMap(\.rules) }

    public static func rule(_ id: String) -> Rule? { all.first { $0.id == id } }

    /// docs/diagnostics.md.
    public static func markdown() -> String {
        var text = """
        # Diagnostics

        Every finding of `leadbook check` names its rule, for example
        `customers/LX2024001.md:12:9: error[unknown-status]: ...`. Errors fail the check (exit 1);
        warnings fail it only with `--strict`. This page is generated from the code
        (`leadbook rules --format md`); a test fails when it is out of date.

        """
        for group in groups {
            text += "\n## \(group.title)\n\n| rule | severity | what it asks |\n|---|---|---|\n"
            for rule in group.rules {
                text += "| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        return text
    }
}

extension String {
    public func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
