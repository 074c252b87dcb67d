import Foundation

/// A small comma-separated reference table with a header row and optionally quoted fields,
/// such as the division tables. Registry exports have their own reader.
struct ReferenceTable {
    let file: String
    let header: [String]
    /// Each row with its line number.
    let rows: [(line: Int, fields: [String: String])]

    init(url: URL, displayName: String, columns: [String]) throws(IngestError) {
        file = displayName
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw IngestError(
                .unreadableFile, at: .init(file: displayName), expected: "a readable UTF-8 CSV file", underlying: error)
        }
        // "\r\n" is one Character in Swift, so split on any newline rather than on "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .map { (line: $0.offset + 1, text: $0.element) }
            .filter { !$0.text.isEmpty }
        guard let first = lines.first else {
            throw IngestError(
                .malformedTable, at: .init(file: displayName), expected: "a header row", found: "an empty file")
        }
        lines.removeFirst()
        let names = try Self.fields(first.text, file: displayName, line: first.line)
        header = names
        let missing = columns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw IngestError(
                .malformedTable, at: .init(file: displayName, line: 1),
                expected: "columns \(columns.joined(separator: ", "))",
                found: names.joined(separator: ", "))
        }
        rows = try lines.map { (entry: (line: Int, text: Substring)) throws(IngestError) in
            let values = try Self.fields(entry.text, file: displayName, line: entry.line)
            guard values.count == names.count else {
                throw IngestError(
                    .malformedTable, at: .init(file: displayName, line: entry.line),
                    expected: "\(names.count) fields", found: "\(values.count)")
            }
            return (entry.line, Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first }))
        }
    }

    private static func fields(_ line: Substring, file: String, line number: Int) throws(IngestError) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            switch (character, quoted) {
            case ("\"", true):
                if let next = iterator.next() {
                    if next == "\"" {
                        current.append("\"")
                    } else {
                        quoted = false
                        if next == "," { fields.append(current); current = "" } else { current.append(next) }
                    }
                } else {
                    quoted = false
                }
            case ("\"", false) where current.isEmpty: quoted = true
            case (",", false): fields.append(current); current = ""
            default: current.append(character)
            }
        }
        guard !quoted else {
            throw IngestError(.malformedTable, at: .init(file: file, line: number), expected: "a closing quote")
        }
        fields.append(current)
        return fields
    }
}
