import ChainscopeCore
import ChainscopeIngest
import Foundation

/// What `chainscope scan` prints for a person, in one language: the share of members, the layers in chain order
/// with their names, districts largest first, and founding months as a year-by-month table.
struct ScanSummary {
    let counts: RegistryScan.Counts
    let taxonomy: Taxonomy
    let language: Language

    var lines: [String] {
        let share = counts.rowsRead == 0 ? 0 : Double(counts.members) / Double(counts.rowsRead) * 100
        let (members, rows, percent) = (text(counts.members), text(counts.rowsRead), String(format: "%.1f", share))
        let chain =
            taxonomy.labels.text(in: language)
            + language.pick(" (", "（", " (") + "\(taxonomy.id) v\(taxonomy.version)" + language.pick(")", "）", ")")
        var lines = [
            language.pick(
                "\(rows)행 중 \(members)행(\(percent)%)이 \(chain)에 속합니다",
                "\(rows) 行中有 \(members) 行（\(percent)%）属于\(chain)",
                "\(members) of \(rows) rows (\(percent)%) are in the \(chain)")
        ]
        guard counts.members > 0 else { return lines }
        let layers = taxonomy.layers.map { "\($0.labels.text(in: language)) \(text(counts.byLayer[$0.id] ?? 0))" }
        lines.append(language.pick("층별: ", "按层：", "By layer: ") + layers.joined(separator: " · "))
        lines.append(language.pick("구·현별:", "按区县：", "By district:"))
        let districts = counts.byDistrict.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let width = districts.map { text($0.value).count }.max() ?? 0
        lines += districts.map {
            "  " + String(repeating: " ", count: width - text($0.value).count) + "\(text($0.value))  \($0.key)"
        }
        lines.append(language.pick("설립 월별:", "按成立月份：", "By founding month:"))
        lines += monthTable()
        return lines
    }

    private func text(_ value: Int) -> String { NumberFormatter.grouped(value) }

    /// Years down, months across, each year's total at the end; months that are not dates last.
    private func monthTable() -> [String] {
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
        // Padded to the columns a terminal shows: a Hangul or Chinese character takes two.
        func cell(_ value: String) -> String {
            String(repeating: " ", count: max(0, width - value.terminalColumns)) + value
        }
        let (year, total) = (language.pick("연도", "年份", "year"), language.pick("합계", "合计", "total"))
        var lines = ["  \(year) " + (1...12).map { cell("\($0)") }.joined(separator: " ") + " " + cell(total)]
        for (year, months) in years.sorted(by: { $0.key < $1.key }) {
            let cells = months.map { $0 == 0 ? cell("·") : cell(text($0)) }
            lines.append("  \(year) " + cells.joined(separator: " ") + " " + cell(text(months.reduce(0, +))))
        }
        if other > 0 {
            lines.append(
                "  "
                    + language.pick(
                        "설립일이 없거나 읽을 수 없음: ", "成立日期缺失或无法识别：", "founding date missing or unreadable: ")
                    + text(other))
        }
        return lines
    }
}

extension String {
    /// The columns the text takes on a terminal: Hangul, CJK characters (compatibility and supplementary ones
    /// too) and punctuation, and full-width forms take two.
    var terminalColumns: Int {
        unicodeScalars.reduce(0) { width, scalar in
            width + (Self.wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1)
        }
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]
}
