public import ChainscopeCore

/// What newer exports changed in a company, told in words: each import with its date, file and row, then
/// each changed column or cell of the source row, before → after. `explain` prints it; the dashboard's
/// company page shows the same words as a table.
public struct ChangeHistory: Sendable {
    public let history: [CompanyChange]
    public let language: Language
    /// Whether the changes were applied, or are what rows of earlier exports imported after a newer one said
    /// (`Store.unappliedChanges`).
    public let isApplied: Bool

    /// The divisions a district is named from; its code is shown without them.
    public let regions: RegionDirectory?

    public init(
        _ history: [CompanyChange], language: Language, isApplied: Bool = true, regions: RegionDirectory? = nil
    ) {
        self.history = history
        self.language = language
        self.isApplied = isApplied
        self.regions = regions
    }

    /// The history as lines of text; empty when nothing changed.
    public var text: String {
        guard !history.isEmpty else { return "" }
        let words = ChangeWords(language: language, regions: regions)
        var lines = [(isApplied ? words.heading : words.unappliedHeading) + words.colon]
        for change in history {
            lines.append(
                "  \(change.snapshotDate) · \(change.file)" + (change.row.map { " \(words.row) \($0)" } ?? "")
                    + " (\(words.importNumber) #\(change.importID))")
            for field in change.shownFields {
                lines.append("    " + (isApplied ? words.line(field) : words.unappliedLine(field)))
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension CompanyChange {
    /// The fields a reader needs: the capital's parsed amount and currency only when its text did not change
    /// with them (read again under a header naming its unit, say).
    public var shownFields: [Field] {
        guard fields.contains(where: { $0.name == "capital_text" }) else { return fields }
        return fields.filter { $0.name != "capital_amount" && $0.name != "capital_currency" }
    }
}

/// The words of a company's change history in one language.
public struct ChangeWords: Sendable {
    public let language: Language
    /// The divisions a district is named from; its code is shown without them.
    public let regions: RegionDirectory?

    public init(language: Language, regions: RegionDirectory? = nil) {
        self.language = language
        self.regions = regions
    }

    private func pick(_ ko: String, _ zh: String, _ en: String) -> String { language.pick(ko, zh, en) }

    /// One changed field as a line: its name in words (a cell by its header), before → after (a status or kind
    /// in words).
    public func line(_ field: CompanyChange.Field) -> String {
        guard let (name, before, after) = words(field) else { return cellsChanged }
        return "\(name): \(before) → \(after)"
    }

    /// A field's name and its two values in words, as `line` and `unappliedLine` show them; nil for a change of
    /// the source row's cells recorded before they were itemised.
    private func words(_ field: CompanyChange.Field) -> (name: String, before: String, after: String)? {
        guard !field.isUnitemisedCells else { return nil }
        let name = field.cell.map { "\($0) (\(sourceCell))" } ?? column(field.name) ?? field.name
        let shown = { (text: String?) in text.map { field.cell == nil ? value($0, of: field.name) : $0 } ?? noValue }
        return (name, shown(field.before), shown(field.after))
    }

    /// The punctuation of a note in brackets after a value, and of a comma between two: full-width in Chinese.
    private var brackets: (open: String, comma: String, close: String) {
        language == .zh ? ("（", "，", "）") : (" (", ", ", ")")
    }

    /// A stored column in words; nil for one without (shown by its name).
    public func column(_ name: String) -> String? {
        switch name {
        case "name_zh": pick("기업명", "企业名称", "Name")
        case "name_en": pick("영문명", "英文名称", "English name")
        case "credit_code": pick("통일사회신용코드", "统一社会信用代码", "Credit code")
        case "registration_number": pick("등록번호", "注册号", "Registration number")
        case "kind": pick("유형", "类型", "Kind")
        case "status": pick("등록 상태", "登记状态", "Status")
        case "founded": pick("설립일", "成立日期", "Founded")
        case "capital_text": pick("등록자본", "注册资本", "Registered capital")
        case "capital_amount": pick("등록자본 (금액)", "注册资本（金额）", "Registered capital (amount)")
        case "capital_currency": pick("등록자본 (통화)", "注册资本（币种）", "Registered capital (currency)")
        case "region": pick("구·현", "区县", "District")
        case "address": pick("주소", "地址", "Address")
        case "business_scope": pick("경영범위", "经营范围", "Business scope")
        case "industry_name": pick("업종", "行业", "Industry")
        case "industry_code": pick("업종 코드", "行业代码", "Industry code")
        default: nil
        }
    }

    /// A stored value in words where it is a code: a status, a kind, a district (by name, given the divisions).
    public func value(_ text: String, of column: String) -> String {
        switch column {
        case "status": RegistrationStatus(rawValue: text)?.label(language) ?? text
        case "kind": EntityKind(rawValue: text)?.label(language) ?? text
        case "region": RegionCode(rawValue: text).flatMap { code in regions?.name(of: code, in: language) } ?? text
        default: text
        }
    }

    public var heading: String { pick("새 추출본에서 바뀐 항목", "新导出数据中的变更", "Changes in newer exports") }

    /// The heading of what rows of earlier exports, imported after a newer one, said and was not applied.
    public var unappliedHeading: String {
        pick(
            "더 새로운 추출본을 가져온 뒤에 가져와 적용하지 않은 이전 추출본의 값",
            "在较新的导出数据之后导入、未采用的较早导出数据中的值",
            "Values of earlier exports imported after a newer one, not applied")
    }

    /// The stored value that a row not applied left as it was, as a column's heading.
    public var keptValue: String { pick("유지한 값", "保留的值", "Kept") }

    /// The value a row not applied gave, as a column's heading.
    public var exportValue: String { pick("이 추출본의 값", "该导出数据的值", "This export") }

    /// One field of a row not applied as a line: the stored value kept, then the row's.
    public func unappliedLine(_ field: CompanyChange.Field) -> String {
        guard let (name, before, after) = words(field) else { return cellsChanged }
        let (open, comma, close) = brackets
        return "\(name): \(before)\(open)\(keptValue.lowercased())\(close)\(comma)"
            + "\(after)\(open)\(exportValue.lowercased())\(close)"
    }

    /// Where a company's stored facts came from, as a line: the file, row and import that last changed them, with
    /// the day its export was taken (`record`, for a registry company), else the dataset and file it came with.
    public func source(of company: Company, importedBy record: RegistryImport?) -> String {
        let origin = company.provenance
        let heading = pick("출처", "来源", "Source") + colon + (language == .zh ? "" : " ")
        guard let record else { return heading + "\(origin.kind.rawValue) \(origin.collection) · \(origin.file)" }
        let taken = pick("추출일", "导出日期", "export taken")
        let (open, comma, close) = brackets
        return heading + record.file + (origin.line.map { " \(row) \($0)" } ?? "")
            + "\(open)\(importNumber) #\(record.id)\(comma)\(taken) \(record.snapshotDate)\(close)"
    }
    var colon: String { pick(":", "：", ":") }
    public var row: String { pick("행", "行", "row") }
    var importNumber: String { pick("가져오기", "导入", "import") }
    public var sourceCell: String { pick("원본 행의 열", "原始行的列", "column of the source row") }
    public var noValue: String { pick("(없음)", "（无）", "(none)") }
    /// The heading of the rows of one import older than the stored facts, with what they said.
    public var unappliedByImport: String {
        pick("이 가져오기에서 적용하지 않은 행", "本次导入未采用的行", "Rows this import did not apply")
    }
    /// The heading of the companies one import changed.
    public var changedByImport: String {
        pick("이 가져오기로 바뀐 기업", "本次导入变更的企业", "Companies this import changed")
    }
    /// Says that a list shows the first `count` of more changed companies.
    public func firstShown(_ count: Int) -> String {
        pick("처음 \(count)개 기업만 표시합니다.", "仅显示前 \(count) 家企业。", "The first \(count) companies are shown.")
    }
    public var cellsChanged: String {
        pick(
            "원본 행의 셀이 바뀌었습니다 (셀별로 기록하기 전의 변경)", "原始行的单元格有变更（逐格记录之前的变更）",
            "Cells of the source row changed (recorded before changes were kept cell by cell)")
    }
}
