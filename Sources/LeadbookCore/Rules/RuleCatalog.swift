import LeadbookText

/// Every rule leadbook reports, by the type that declares it (`Rules/<group>/<RuleName>.swift`),
/// in the order of docs/diagnostics.md (generated from this list; a test fails when the page
/// is stale, and when a rule has no file or no test named after it).
public enum RuleCatalog {
    public struct Group {
        public let title: String
        public let definitions: [any RuleDefinition.Type]

        public var rules: [Rule] { definitions.map { $0.rule } }
    }

    public static let groups: [Group] = [
        Group(title: "Files", definitions: [
            InvalidUTF8.self, NulByte.self, EmptyFile.self, NoFrontMatter.self, UnclosedFrontMatter.self, UnreadableFile.self,
            NotAFile.self, FileTooLarge.self, LineTooLong.self, SymlinkLoop.self, OutsideWorkspace.self, LoneCarriageReturn.self,
            ConflictMarkers.self,
        ]),
        Group(title: "YAML front matter", definitions: [
            YAMLSyntax.self, YAMLUnsupported.self, YAMLTabIndent.self, DuplicateKey.self, FrontMatterNotMap.self,
            YAMLControlCharacter.self, AmbiguousScalar.self, FullWidthColon.self, FullWidthSpace.self, ChineseQuotes.self,
            ChineseComma.self,
        ]),
        Group(title: "Fields", definitions: [
            MissingField.self, WrongType.self, InvalidDate.self, FullWidthDigits.self, OutOfRange.self, UnknownField.self, ChineseKey.self, UnknownSource.self,
            UnknownKind.self, UnknownIntent.self, UnknownGrade.self, UnknownStatus.self, UnknownStage.self,
            UnknownContactRole.self, UnknownPreference.self,
            InvalidId.self, FileNameMismatch.self, UnknownOwner.self, MissingDeal.self, MissingLostReason.self,
        ]),
        Group(title: "Follow-up and feedback log", definitions: [
            BadEntryHeading.self, UnknownChannel.self, UnknownMood.self, UnknownFeedbackType.self, UnknownPriority.self,
            UnknownHandling.self, TodoWithoutDate.self, TodoBox.self, EntryOrder.self, UnknownEntryKey.self, DuplicateSection.self,
        ]),
        Group(title: "Derived values", definitions: [StaleGrade.self, StaleStatus.self, StaleNext.self]),
        Group(title: "Across files", definitions: [DuplicateId.self, UnknownMergeTarget.self, PossibleDuplicate.self]),
        Group(title: "Generated index", definitions: [StaleIndex.self, IndexMarkers.self]),
        Group(title: "History (check --against REV)", definitions: [LogRewritten.self]),
        Group(title: "leadbook.yml", definitions: [UnknownTeamRole.self, DuplicateMember.self, UnknownMentor.self, MissingMentor.self]),
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
