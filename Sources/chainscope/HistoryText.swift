import ChainscopeCore

/// What newer exports changed in a company, as `explain` prints it under the classification: each import
/// with its date, file and row, then each changed column or cell of the source row, before → after.
struct HistoryText {
    let history: [CompanyChange]
    let language: Language

    var text: String {
        guard !history.isEmpty else { return "" }
        var lines = [words(("새 추출본에서 바뀐 항목:", "新导出数据中的变更：", "Changes in newer exports:"))]
        let row = words(("행", "行", "row"))
        for change in history {
            lines.append(
                "  \(change.snapshotDate) · \(change.file)" + (change.row.map { " \(row) \($0)" } ?? "")
                    + " (import #\(change.importID))")
            for field in change.fields {
                lines.append("    " + line(field))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func line(_ field: CompanyChange.Field) -> String {
        if field.isUnitemisedCells {
            return words(
                (
                    "원본 행의 셀이 바뀌었습니다 (셀별로 기록하기 전의 변경)", "原始行的单元格有变更（逐格记录之前的变更）",
                    "cells of the source row changed (recorded before changes were kept cell by cell)"
                ))
        }
        let name = field.cell.map { "\($0) (\(words(("원본 행의 열", "原始行的列", "column of the source row"))))" } ?? field.name
        let none = words(("(없음)", "（无）", "(none)"))
        return "\(name): \(field.before ?? none) → \(field.after ?? none)"
    }

    private func words(_ words: (ko: String, zh: String, en: String)) -> String {
        switch language {
        case .ko: words.ko
        case .zh: words.zh
        case .en: words.en
        }
    }
}
