import ChainscopeCore
import Foundation

/// What the import command reports for one file.
struct ImportSummary: Encodable {
    /// The file as the user named it this time.
    let file: String
    let record: RegistryImport
    let isNew: Bool

    var text: String {
        let counts = record.counts
        let format = NumberFormatter.grouped
        func number(_ value: Int) -> String { format.string(from: NSNumber(value: value)) ?? String(value) }
        var lines = [
            isNew
                ? "Imported \(record.file) as import #\(record.id)"
                : "\(file) has the same content as import #\(record.id) (\(record.file)), read the same way; nothing "
                    + "changed (another mapping file, --encoding or --snapshot-date reads it again)",
            "  format \(record.format)\(record.encoding.map { ", \($0)" } ?? ""), snapshot \(record.snapshotDate), sha256 \(record.sha256.prefix(12))…",
            "  rows read    \(number(counts.rowsRead))",
            "  stored       \(number(counts.stored))  (new \(number(counts.inserted)), updated \(number(counts.updated)), unchanged \(number(counts.unchanged)))",
            "  quarantined  \(number(counts.quarantined))"
                + (counts.quarantined > 0 ? "  → chainscope quarantine list --import \(record.id)" : ""),
            "  duplicates   \(number(counts.duplicates))",
            "  \(number(counts.stored)) + \(number(counts.quarantined)) + \(number(counts.duplicates)) = \(number(counts.rowsRead)) rows"
                + (counts.isBalanced ? "" : "  (does not add up: please report this)"),
        ]
        lines += record.warnings.map { "  warning: \($0)" }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case id, file, sha256, format, encoding, snapshotDate, isNew, rowsRead, stored, inserted, updated, unchanged
        case quarantined, duplicates, warnings, warningDetails
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
        try container.encode(counts.quarantined, forKey: .quarantined)
        try container.encode(counts.duplicates, forKey: .duplicates)
        try container.encode(record.warnings, forKey: .warnings)
        // Each warning's code and values, and its text in every language, for a script to act on.
        try container.encodeIfPresent(record.warningDetails, forKey: .warningDetails)
    }

    static func json(_ summaries: [ImportSummary]) -> String {
        JSONOutput.text(summaries)
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
}
