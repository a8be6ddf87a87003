import LeadbookText

/// A key written as the Chinese name of a field (`负责人: 孙八` for `owner`, `状态` for
/// `status`, `电话` in a contact for `phone`): leadbook reads the English keys only, so the
/// value is not where it looks (the customer stays unassigned) and the rep is not told why by a
/// bare "unknown key". An error, because the value is lost to every view; a team that keeps
/// such a key on purpose lists it under leadbook.yml `extra_fields`. The names come from the
/// fields' Chinese labels and import headers (`CustomerField`) and the words reps use for them.
/// `leadbook fix` renames the key when the name means one field, the value has that field's
/// shape, and the English key is not in the map already.
public enum ChineseKey: RuleDefinition {
    public static let rule = Rule("chinese-key", .error,
        Phrase("A key is the field's English key (`owner`), not its Chinese name (`负责人`) (`leadbook fix` renames it).",
        "键名用字段的英文键（`owner`），不用中文名（`负责人`）（`leadbook fix` 可以自动改名）"))

    /// What a Chinese key names.
    public enum Meaning: Equatable {
        case field(CustomerField)
        /// A part of a contact, written at the top of the front matter.
        case contactPart(CustomerReader.ContactField)
    }

    /// Top-level keys: the Chinese label, import headers and export header of each field, and
    /// what reps write besides. A name that could mean two fields means none.
    public static let frontMatterNames: [String: Meaning] = {
        var table: [String: Meaning] = [:]
        var ambiguous: Set<String> = []
        func add(_ name: String, _ meaning: Meaning) {
            guard name.unicodeScalars.contains(where: { $0.value > 0x7F }) else { return }
            if let known = table[name], known != meaning { ambiguous.insert(name) }
            table[name] = meaning
        }
        for field in CustomerField.allCases {
            let definition = field.definition
            add(definition.label, .field(field))
            if case .value(let aliases)? = definition.imports {
                for alias in aliases { add(alias, .field(field)) }
                for column in definition.columns { if let header = column.header { add(header, .field(field)) } }
            }
        }
        let spoken: [(String, CustomerField)] = [
            ("公司", .name), ("公司名", .name), ("客户名", .name), ("客户", .name), ("销售", .owner), ("跟进人", .owner),
            ("负责销售", .owner), ("业务员", .owner), ("状态", .status), ("跟进状态", .status), ("下次跟进时间", .next),
            ("下次联系", .next), ("来源", .source), ("渠道", .source), ("意向", .intent), ("等级", .grade), ("评分", .score),
            ("标签", .tags), ("需求", .needs), ("预算", .budget), ("行业", .industry), ("地区", .region), ("城市", .region),
            ("成交", .deal), ("流失原因", .lostReason), ("创建时间", .created), ("录入时间", .created), ("分配时间", .assigned),
        ]
        for (name, field) in spoken { add(name, .field(field)) }
        for (name, part) in contactNames where name != "联系人" && name != "名字" && name != "姓名" { add(name, .contactPart(part)) }
        for name in ambiguous { table[name] = nil }
        return table
    }()

    /// Keys of a contact.
    public static let contactNames: [String: CustomerReader.ContactField] = [
        "姓名": .name, "名字": .name, "联系人": .name, "联系人姓名": .name,
        "职位": .title, "职务": .title, "头衔": .title,
        "电话": .phone, "手机": .phone, "手机号": .phone, "联系电话": .phone, "座机": .phone,
        "邮箱": .email, "电子邮箱": .email, "邮件": .email,
        "微信": .wechat, "微信号": .wechat,
        "联系偏好": .prefers, "偏好": .prefers,
        "角色": .role, "决策角色": .role,
    ]

    public static let contactLabels: [CustomerReader.ContactField: String] = [
        .name: "姓名", .title: "职位", .phone: "电话", .email: "邮箱", .wechat: "微信", .prefers: "联系偏好", .role: "角色",
    ]

    /// What checking a key found: whether it is a Chinese name (and so reported), and the
    /// field to read its value as, when the name means it for certain (the fix renames it).
    public struct Finding {
        public var reported: Bool
        public var field: CustomerField?
    }

    /// Reports `pair` when its key is a Chinese name of a known top-level field. A key the fix
    /// renames is read as the field meanwhile, so the customer keeps its owner and no other
    /// finding (a missing `status`) follows from the key alone.
    public static func checkFrontMatter(_ pair: YAMLPair, in root: YAMLNode?, _ findings: inout Findings) -> Finding {
        let key = pair.keyText
        guard let meaning = frontMatterNames[key] else { return Finding(reported: false) }
        switch meaning {
        case .field(let field):
            let fits = shapeFits(pair.value, field.type)
            let certain = fits && root?[field.key] == nil && !(root?.pairs ?? []).contains { other in
                other.key.start != pair.key.start && frontMatterNames[other.keyText] == meaning
            }
            let fixed = report(key, english: field.key, label: field.label, pair, certain: certain, taken: root?[field.key] != nil, &findings)
            return Finding(reported: true, field: fixed && !field.definition.access.readsLast ? field : nil)
        case .contactPart(let part):
            findings.report(Message.contactPart(key, english: part.rawValue), at: pair.key.start)
            return Finding(reported: true)
        }
    }

    /// Reports `pair` of a contact when its key is a Chinese name of a contact's key; returns
    /// the key to read it as when the fix renames it (nil: not such a name, or not certain).
    public static func checkContact(_ pair: YAMLPair, in item: YAMLNode, _ findings: inout Findings) -> (reported: Bool, readAs: CustomerReader.ContactField?) {
        let key = pair.keyText
        guard let part = contactNames[key] else { return (false, nil) }
        let certain = pair.value.scalarText != nil && item[part.rawValue] == nil && !(item.pairs ?? []).contains { other in
            other.key.start != pair.key.start && contactNames[other.keyText] == part
        }
        let fixed = report(key, english: part.rawValue, label: contactLabels[part] ?? key, pair, certain: certain, taken: item[part.rawValue] != nil, &findings)
        return (true, fixed ? part : nil)
    }

    /// True when it attached the fix.
    @discardableResult
    static func report(_ key: String, english: String, label: String, _ pair: YAMLPair, certain: Bool, taken: Bool, _ findings: inout Findings) -> Bool {
        let plainKey: Bool
        if case .scalar(_, .plain) = pair.key.content { plainKey = true } else { plainKey = false }
        let fix = certain && plainKey ? Fix(replacing: pair.key.start..<pair.key.end, with: english) : nil
        let bytes = findings.source.bytes
        let value = pair.value
        let written = value.scalarText != nil && value.start < value.end && value.end <= bytes.count
            && !bytes[value.start..<value.end].contains(ASCII.lf) ? String(decoding: bytes[value.start..<value.end], as: UTF8.self) : nil
        let message: Message = taken ? .alsoWritten(key, english: english, label: label)
            : .named(key, english: english, label: label, value: written, fixable: fix != nil)
        findings.report(message, at: pair.key.start, fix: fix)
        return fix != nil
    }

    /// A scalar for a field of one value, a list for a list, a map for a map.
    static func shapeFits(_ node: YAMLNode, _ type: CustomerField.ValueType) -> Bool {
        switch type {
        case .text, .wholeNumber, .amount, .date, .dateTime, .choice: return node.scalarText != nil
        case .textList, .mapList: return node.items != nil
        case .map: return node.pairs != nil
        }
    }
}

extension RuleMessage where Of == ChineseKey {
    public static func named(_ key: String, english: String, label: String, value: String?, fixable: Bool) -> Self {
        let example = value.flatMap { $0.isEmpty || $0.count > 24 ? nil : "\(english): \($0)" } ?? "\(english):"
        let fix = fixable ? Phrase("; `leadbook fix` renames it", "；`leadbook fix` 可以自动改") : .empty
        return Self(Phrase("`\(key)` is not a key leadbook reads: did you mean `\(english)` (\(label))?",
                           "`\(key)` 不是 leadbook 认识的键：是不是想写 `\(english)`（\(label)）？"),
                    hint: Phrase("keys are written in English: `\(example)`", "键名要用英文：`\(example)`") + fix)
    }

    public static func alsoWritten(_ key: String, english: String, label: String) -> Self {
        Self(Phrase("`\(key)` is the Chinese name of `\(english)` (\(label)), which this map already has",
                    "`\(key)` 是 `\(english)`（\(label)）的中文名，而这里已经有 `\(english)` 了"),
             hint: Phrase("keep one value, under `\(english)`, and remove the `\(key)` line",
                          "只保留一个值，写在 `\(english)` 下，删掉 `\(key)` 这一行"))
    }

    public static func contactPart(_ key: String, english: String) -> Self {
        Self(Phrase("`\(key)` belongs to a contact: leadbook reads it as `\(english)` of an item of `contacts`",
                    "`\(key)` 属于联系人：要写成 `contacts` 下某一项的 `\(english)`"),
             hint: Phrase("write it under the contact, e.g. `contacts:` then `  - {name: 张伟, \(english): ...}`",
                          "写到联系人下面，例如 `contacts:` 下一行写 `  - {name: 张伟, \(english): ...}`"))
    }
}

extension YAMLNode {
    /// The tree with the keys starting at the given offsets named as given (the Chinese keys
    /// `fix` renames, read as their fields): the tree as the customer was read, its byte ranges
    /// those of the file.
    public func renamingKeys(_ names: [Int: String]) -> YAMLNode {
        var node = self
        switch content {
        case .mapping(let pairs):
            node.content = .mapping(pairs.map { pair in
                var pair = pair
                if let name = names[pair.key.start], case .scalar(_, let style) = pair.key.content { pair.key.content = .scalar(name, style) }
                pair.value = pair.value.renamingKeys(names)
                return pair
            })
        case .sequence(let items):
            node.content = .sequence(items.map { $0.renamingKeys(names) })
        case .scalar:
            break
        }
        return node
    }
}
