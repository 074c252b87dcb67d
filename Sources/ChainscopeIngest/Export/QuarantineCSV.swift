public import ChainscopeCore

/// Quarantined rows as RFC 4180 CSV: the reason in `language` and its code (to filter on; empty for rows quarantined
/// before codes were stored), the raw row as JSON in the last column.
public enum QuarantineCSV {
    public static let header = CSVRecord.line([
        "import", "row", "line", "sheet", "column", "value", "reason", "reason_code", "raw",
    ])

    /// The rows' lines, without the header.
    public static func lines(_ rows: [QuarantinedRow], language: Language) -> String {
        var text = ""
        for row in rows {
            let fields = [
                String(row.importID), String(row.row), row.line.map(String.init) ?? "", row.sheet ?? "",
                row.column ?? "", row.value ?? "", row.reason(in: language), row.reasonDetail?.code ?? "",
                row.rawObjectText,
            ]
            text += CSVRecord.line(fields)
        }
        return text
    }
}
