public import ChainscopeCore

/// What newer exports changed in a company, told in words: each import with its date, file and row, then
/// each changed column or cell of the source row, before → after. `explain` prints it; the dashboard's
/// company page shows the same words as a table.
public struct ChangeHistory: Sendable {
    public let history: [CompanyChange]
    public let language: Language

    public init(_ history: [CompanyChange], language: Language) {
        self.history = history
        self.language = language
    }

    /// The history as lines of text; empty when nothing changed.
    public var text: String {
        guard !history.isEmpty else { return "" }
        let words = ChangeWords(language: language)
        var lines = [words.heading + words.colon]
        for change in history {
            lines.append(
                "  \(change.snapshotDate) · \(change.file)" + (change.row.map { " \(words.row) \($0)" } ?? "")
                    + " (\(words.importNumber) #\(change.importID))")
            for field in change.fields { lines.append("    " + words.line(field)) }
        }
        return lines.joined(separator: "\n")
    }
}

/// The words of a company's change history in one language.
public struct ChangeWords: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    private func pick(_ ko: String, _ zh: String, _ en: String) -> String {
        switch language {
        case .ko: ko
        case .zh: zh
        case .en: en
        }
    }

    /// One changed field as a line: its name (a cell by its header), before → after.
    public func line(_ field: CompanyChange.Field) -> String {
        guard !field.isUnitemisedCells else { return cellsChanged }
        let name = field.cell.map { "\($0) (\(sourceCell))" } ?? field.name
        return "\(name): \(field.before ?? noValue) → \(field.after ?? noValue)"
    }

    public var heading: String { pick("새 추출본에서 바뀐 항목", "新导出数据中的变更", "Changes in newer exports") }
    var colon: String { pick(":", "：", ":") }
    public var row: String { pick("행", "行", "row") }
    var importNumber: String { pick("가져오기", "导入", "import") }
    public var sourceCell: String { pick("원본 행의 열", "原始行的列", "column of the source row") }
    public var noValue: String { pick("(없음)", "（无）", "(none)") }
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
