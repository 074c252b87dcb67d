import ChainscopeCore
import ChainscopeIngest
import Foundation

/// What the import command reports for one file.
struct ImportSummary: Encodable {
    /// The file as the user named it this time.
    let file: String
    let record: RegistryImport
    let isNew: Bool

    /// The summary in `language`: what became of the rows, where the quarantined ones are listed, and the
    /// warnings.
    func text(in language: Language) -> String {
        let counts = record.counts
        let number = NumberFormatter.grouped(_:)
        let words = ImportSummaryWords(language: language)
        let encoding = record.encoding.map { words.comma + $0 } ?? ""
        var lines = [
            isNew ? words.imported(record) : words.answered(file, by: record),
            "  " + words.format(record.format + encoding, snapshot: record.snapshotDate)
                + "\(words.comma)sha256 \(record.sha256.prefix(12))…",
            "  \(words.rowsRead)\(number(counts.rowsRead))",
            "  \(words.stored)\(number(counts.stored))  "
                + words.storedParts(
                    new: number(counts.inserted), updated: number(counts.updated), unchanged: number(counts.unchanged),
                    older: counts.older > 0 ? number(counts.older) : nil),
        ]
        if counts.older > 0 { lines.append("  " + words.olderExplained) }
        lines += [
            "  \(words.quarantined)\(number(counts.quarantined))"
                + (counts.quarantined > 0 ? "  → chainscope quarantine list --import \(record.id)" : ""),
            "  \(words.duplicates)\(number(counts.duplicates))",
            "  \(number(counts.stored)) + \(number(counts.quarantined)) + \(number(counts.duplicates)) = "
                + words.rows(number(counts.rowsRead)) + (counts.isBalanced ? "" : words.unbalanced),
        ]
        lines += record.warnings(in: language).map { "  \(words.warning)\($0)" }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case id, file, sha256, format, encoding, snapshotDate, isNew, rowsRead, stored, inserted, updated, unchanged
        case older, quarantined, duplicates, warnings, warningDetails
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let counts = record.counts
        try container.encode(record.id, forKey: .id)
        try container.encode(record.file, forKey: .file)
        try container.encode(record.sha256, forKey: .sha256)
        try container.encode(record.format, forKey: .format)
        try container.encode(record.encoding, forKey: .encoding)
        try container.encode(record.snapshotDate, forKey: .snapshotDate)
        try container.encode(isNew, forKey: .isNew)
        try container.encode(counts.rowsRead, forKey: .rowsRead)
        try container.encode(counts.stored, forKey: .stored)
        try container.encode(counts.inserted, forKey: .inserted)
        try container.encode(counts.updated, forKey: .updated)
        try container.encode(counts.unchanged, forKey: .unchanged)
        try container.encode(counts.older, forKey: .older)
        try container.encode(counts.quarantined, forKey: .quarantined)
        try container.encode(counts.duplicates, forKey: .duplicates)
        try container.encode(record.warnings, forKey: .warnings)
        // Each warning's code and values, and its text in every language, for a script to act on.
        try container.encodeIfPresent(record.warningDetails, forKey: .warningDetails)
    }

    /// The files in the order given: each imported file's summary, and each refused one's refusal.
    static func json(_ outcomes: [FileOutcome]) -> String {
        JSONOutput.text(outcomes)
    }
}

/// What `import --json` says of one file.
enum FileOutcome: Encodable {
    case imported(ImportSummary)
    case refused(ImportRefusal)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .imported(let summary): try summary.encode(to: encoder)
        case .refused(let refusal): try refusal.encode(to: encoder)
        }
    }
}

/// A file `import` refused, for `--json`: `{"file", "refused": {"code", "line", "column", "text": {ko, zh,
/// en}}}`, so that a script importing many files sees which were refused, where and why, without reading
/// standard error.
struct ImportRefusal: Encodable {
    /// The file as the user named it.
    let file: String
    let error: IngestError

    enum CodingKeys: String, CodingKey { case file, refused }
    enum RefusedKeys: String, CodingKey { case code, line, column, text }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        var refused = container.nestedContainer(keyedBy: RefusedKeys.self, forKey: .refused)
        try refused.encode(error.code.description, forKey: .code)
        try refused.encodeIfPresent(error.location.line, forKey: .line)
        try refused.encodeIfPresent(error.location.column, forKey: .column)
        let texts = Language.allCases.map { ($0.rawValue, error.description(in: $0)) }
        try refused.encode(Dictionary(uniqueKeysWithValues: texts), forKey: .text)
    }
}

extension NumberFormatter {
    static var grouped: NumberFormatter {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        return formatter
    }

    /// `value` with its thousands grouped (995,983), as the commands' summaries write counts.
    static func grouped(_ value: Int) -> String { grouped.string(from: NSNumber(value: value)) ?? String(value) }
}

/// The words of `import`'s summary in one language.
struct ImportSummaryWords {
    let language: Language

    var comma: String { language.pick(", ", "，", ", ") }

    func imported(_ record: RegistryImport) -> String {
        language.pick(
            "\(record.file)을(를) 가져왔습니다 (가져오기 #\(record.id))", "已导入 \(record.file)，为导入 #\(record.id)",
            "Imported \(record.file) as import #\(record.id)")
    }

    func answered(_ file: String, by record: RegistryImport) -> String {
        language.pick(
            "\(file)은(는) 가져오기 #\(record.id)(\(record.file))과(와) 내용이 같고 같은 방식으로 읽으므로 바뀐 것이 없습니다"
                + "(다른 매핑 파일, --encoding 또는 --snapshot-date를 주면 다시 읽습니다)",
            "\(file) 与导入 #\(record.id)（\(record.file)）内容相同、读取方式相同；没有任何更改（换用映射文件、--encoding 或 "
                + "--snapshot-date 即重新读取）",
            "\(file) has the same content as import #\(record.id) (\(record.file)), read the same way; nothing "
                + "changed (another mapping file, --encoding or --snapshot-date reads it again)")
    }

    /// Said after a file's refusal or failure: the database is as it was.
    func nothingStored(from file: String?) -> String {
        guard let file else {
            return language.pick(
                "이 파일에서는 아무것도 저장하지 않았습니다.", "此文件的内容均未保存。", "Nothing from this file was stored.")
        }
        return language.pick(
            "\(file)에서는 아무것도 저장하지 않았습니다.", "\(file) 的内容均未保存。", "Nothing from \(file) was stored.")
    }

    func format(_ format: String, snapshot: CalendarDate) -> String {
        language.pick(
            "형식 \(format), 기준일 \(snapshot)", "格式 \(format)，快照日期 \(snapshot)", "format \(format), snapshot \(snapshot)")
    }

    // Labels padded to one width in each language (a CJK character takes two columns on a terminal).
    var rowsRead: String { language.pick("읽은 행  ", "读取行数  ", "rows read    ") }
    var stored: String { language.pick("저장     ", "已存储    ", "stored       ") }
    var quarantined: String { language.pick("격리     ", "已隔离    ", "quarantined  ") }
    var duplicates: String { language.pick("중복     ", "重复      ", "duplicates   ") }
    var warning: String { language.pick("경고: ", "警告：", "warning: ") }
    var unbalanced: String {
        language.pick("  (합이 맞지 않습니다: 알려 주세요)", "（总数不符：请报告此问题）", "  (does not add up: please report this)")
    }

    /// The stored rows' parts; `older` only when some rows were.
    func storedParts(new: String, updated: String, unchanged: String, older: String?) -> String {
        language.pick(
            "(신규 \(new), 갱신 \(updated), 변경 없음 \(unchanged)\(older.map { ", 이전 추출본 \($0)" } ?? ""))",
            "（新增 \(new)，更新 \(updated)，未变 \(unchanged)\(older.map { "，旧于已存 \($0)" } ?? "")）",
            "(new \(new), updated \(updated), unchanged \(unchanged)\(older.map { ", older \($0)" } ?? ""))")
    }

    var olderExplained: String {
        language.pick(
            "이전 추출본: 더 나중에 내보낸 추출본을 이미 가져온 기업의 행이라, 저장된 더 새로운 정보를 그대로 두었습니다",
            "旧于已存：这些企业已从导出日期更晚的文件导入，保留了已存的较新信息",
            "older: rows of companies already imported from an export taken later; their newer stored facts stay")
    }

    /// `count` as the summary prints it (with group separators).
    func rows(_ count: String) -> String {
        language.pick("\(count)행", "\(count) 行", "\(count) row\(count == "1" ? "" : "s")")
    }

    /// How many companies the search index took in, grouped like the summary's counts above it.
    func searchIndex(_ indexed: Int, seconds: Double) -> String {
        let time = String(format: "%.1f", seconds)
        let companies = NumberFormatter.grouped(indexed)
        return language.pick(
            "검색 색인: 기업 \(companies)곳을 \(time)초 만에 색인했습니다.", "搜索索引：\(time) 秒内为 \(companies) 家企业建立了索引。",
            "Search index: \(companies) compan\(indexed == 1 ? "y" : "ies") indexed in \(time) s.")
    }
}
