import ChainscopeCore
import ChainscopeIngest
import Foundation

/// What `chainscope scan` prints for a person: the share of members, the layers in chain order with
/// their names, districts largest first, and founding months as a year-by-month table.
struct ScanSummary {
    let counts: RegistryScan.Counts
    let taxonomy: Taxonomy

    var lines: [String] {
        let number = NumberFormatter.grouped
        func text(_ value: Int) -> String { number.string(from: NSNumber(value: value)) ?? "\(value)" }
        let share = counts.rowsRead == 0 ? 0 : Double(counts.members) / Double(counts.rowsRead) * 100
        var lines = [
            "\(text(counts.members)) of \(text(counts.rowsRead)) rows (\(String(format: "%.1f", share))%) are in the "
                + "\(taxonomy.labels.en ?? taxonomy.id) (\(taxonomy.id) v\(taxonomy.version))"
        ]
        guard counts.members > 0 else { return lines }
        let layers = taxonomy.layers.map { ($0.labels.en ?? $0.id, counts.byLayer[$0.id] ?? 0) }
        lines.append("By layer: " + layers.map { "\($0.0) \(text($0.1))" }.joined(separator: " · "))
        lines.append("By district:")
        let districts = counts.byDistrict.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let width = districts.map { text($0.value).count }.max() ?? 0
        lines += districts.map {
            "  " + String(repeating: " ", count: width - text($0.value).count) + "\(text($0.value))  \($0.key)"
        }
        lines.append("By founding month:")
        lines += monthTable(text)
        return lines
    }

    /// Years down, months across, each year's total at the end; months that are not dates last.
    private func monthTable(_ text: (Int) -> String) -> [String] {
        var years: [String: [Int]] = [:]
        var other = 0
        for (month, count) in counts.byMonth {
            let parts = month.split(separator: "-")
            guard parts.count == 2, let index = Int(parts[1]), (1...12).contains(index) else {
                other += count
                continue
            }
            years[String(parts[0]), default: Array(repeating: 0, count: 12)][index - 1] += count
        }
        let width = max(5, text(counts.members).count)
        func cell(_ value: String) -> String { String(repeating: " ", count: max(0, width - value.count)) + value }
        var lines = ["  year " + (1...12).map { cell("\($0)") }.joined(separator: " ") + " " + cell("total")]
        for (year, months) in years.sorted(by: { $0.key < $1.key }) {
            let cells = months.map { $0 == 0 ? cell("·") : cell(text($0)) }
            lines.append("  \(year) " + cells.joined(separator: " ") + " " + cell(text(months.reduce(0, +))))
        }
        if other > 0 { lines.append("  founding date missing or unreadable: \(text(other))") }
        return lines
    }
}
