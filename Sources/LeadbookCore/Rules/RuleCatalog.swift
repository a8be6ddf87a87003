import LeadbookText

/// Every rule leadbook reports, by the type that declares it (`Rules/<group>/<RuleName>.swift`),
/// in the order of docs/diagnostics.md (generated from this list; a test fails when the page
/// is stale, and when a rule has no file or no test named after it).
public enum RuleCatalog {
    public struct Group {
        /// The group's title in both languages.
        public let heading: Phrase
        public let definitions: [any RuleDefinition.Type]

        /// The title in English.
        public var title: String { heading.en }

        public var rules: [Rule] { definitions.map { $0.rule } }
    }

    public static let groups: [Group] = [
        Group(heading: Phrase("Files", "文件"), definitions: [
            InvalidUTF8.self, NulByte.self, EmptyFile.self, NoFrontMatter.self, UnclosedFrontMatter.self, UnreadableFile.self,
            NotAFile.self, FileTooLarge.self, LineTooLong.self, SymlinkLoop.self, OutsideWorkspace.self, LoneCarriageReturn.self,
            ConflictMarkers.self,
        ]),
        Group(heading: Phrase("YAML front matter", "YAML 文件头"), definitions: [
            YAMLSyntax.self, YAMLUnsupported.self, YAMLTabIndent.self, DuplicateKey.self, FrontMatterNotMap.self,
            YAMLControlCharacter.self, AmbiguousScalar.self, FullWidthColon.self, FullWidthSpace.self, ChineseQuotes.self,
            ChineseComma.self,
        ]),
        Group(heading: Phrase("Fields", "字段"), definitions: [
            MissingField.self, WrongType.self, InvalidDate.self, FullWidthDigits.self, OutOfRange.self, UnknownField.self, ChineseKey.self, UnknownSource.self,
            UnknownKind.self, UnknownIntent.self, UnknownGrade.self, UnknownStatus.self, UnknownStage.self,
            UnknownContactRole.self, UnknownPreference.self,
            InvalidId.self, FileNameMismatch.self, UnknownOwner.self, MissingDeal.self, MissingLostReason.self,
            OwnerRole.self, ScoreReviewer.self,
            InvalidPlanDue.self,
        ]),
        Group(heading: Phrase("Follow-up and feedback log", "跟进与反馈记录"), definitions: [
            BadEntryHeading.self, UnknownChannel.self, UnknownMood.self, UnknownFeedbackType.self, UnknownPriority.self,
            UnknownHandling.self, TodoWithoutDate.self, TodoBox.self, EntryOrder.self, UnknownEntryKey.self, DuplicateSection.self,
            InvalidSatisfaction.self,
            StageFollowUps.self,
            UnhandledFeedback.self, UnknownResponder.self,
            ExtraTodoName.self,
        ]),
        Group(heading: Phrase("Derived values", "推导值"), definitions: [StaleGrade.self, StaleStatus.self, StaleNext.self]),
        Group(heading: Phrase("Across files", "跨文件"), definitions: [DuplicateId.self, UnknownMergeTarget.self, PossibleDuplicate.self]),
        Group(heading: Phrase("Generated index", "生成的索引"), definitions: [StaleIndex.self, IndexMarkers.self]),
        Group(heading: Phrase("History (check --against REV, check --staged)", "历史（check --against REV、check --staged）"),
              definitions: [LogRewritten.self, LateEntry.self]),
        Group(heading: Phrase(verbatim: "leadbook.yml"), definitions: [UnknownTeamRole.self, DuplicateMember.self, UnknownMentor.self, MissingMentor.self,
                                                                   NameWithSpace.self]),
    ]

    public static var all: [Rule] { groups.flatMap(\.rules) }

    public static func rule(_ id: String) -> Rule? { all.first { $0.id == id } }

    /// docs/diagnostics.md: every rule with its summary in English and in Chinese.
    public static func markdown() -> String {
        var text = """
        # Diagnostics

        Every finding of `leadbook check` names its rule, for example
        `customers/LX2024001.md:12:9: error[unknown-status]: ...`. Errors fail the check (exit 1);
        warnings fail it only with `--strict`. Messages and hints are in the run's language
        (docs/language.md); rule ids are the same in both. This page is generated from the code
        (`leadbook rules --format md`); a test fails when it is out of date.

        `leadbook check` 的每条结果都写明规则，例如
        `customers/LX2024001.md:12:9: 错误[unknown-status]: ...`。错误（error）会让检查失败（退出码 1）；
        警告（warning）只在加 `--strict` 时让检查失败。

        """
        for group in groups {
            let title = group.heading.en == group.heading.zh ? group.heading.en : "\(group.heading.en) / \(group.heading.zh)"
            text += "\n## \(title)\n\n| rule | severity | what it asks | 要求 |\n|---|---|---|---|\n"
            for rule in group.rules {
                let severity = rule.severity == .error ? "error（错误）" : "warning（警告）"
                text += "| `\(rule.id)` | \(severity) | \(cell(rule.summaryPhrase.en)) | \(cell(rule.summaryPhrase.zh)) |\n"
            }
        }
        return text
    }

    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
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
