public import Foundation

/// JSON exports: objects whose keys name their fields (see `FlatJSON` for how values read), one per line (JSON
/// lines), pretty-printed one after another, or in a top-level array, streamed either way. An object none of whose
/// keys names a company's name or identifier is a data service's response (`{"result": {"items": [{…}]}}`,
/// `{"Status": "200", "Result": [{…}]}`): its companies are the objects of the first array or object inside it that
/// holds any, read whole.
public struct JSONExportReader: Sendable {
    public let export: TextExport
    private let isCompanyKey: @Sendable (String) -> Bool

    /// A response's companies are looked for this many objects deep.
    static let envelopeLevels = 3

    public init(
        url: URL, displayName: String? = nil, encoding: TextEncoding? = nil, mapping: [String: RegistryField] = [:]
    ) {
        export = TextExport(url: url, displayName: displayName, encoding: encoding)
        let fieldOf = HeaderLayout.field(mapping: mapping)
        let identifying = Set(RegistryField.requiredGroups.joined())
        isCompanyKey = { key in fieldOf(key).map(identifying.contains) ?? false }
    }

    @discardableResult
    public func forEachRow(_ body: (RawRow) throws -> Void, bytesRead: ((Int) -> Void)? = nil) throws -> TextEncoding {
        var splitter = JSONRecordSplitter()
        var rows = 0
        let encoding = try export.forEachPiece(bytesRead: bytesRead) { bytes in
            try splitting(&splitter) { splitter in
                try splitter.feed(bytes) { object, line in
                    let companies =
                        try self.companies(in: object, line: line, levels: Self.envelopeLevels)
                        ?? [(try parsed(object, line: line), line)]
                    for (members, line) in companies {
                        rows += 1
                        try body(
                            RawRow(number: rows, line: line, cells: members.map(\.value), keys: members.map(\.key)))
                    }
                }
            }
        }
        try splitting(&splitter) { try $0.finish() }
        return encoding
    }

    private typealias Members = [(key: String, value: String, bytes: Range<Int>)]

    /// The companies in an object, each with the line it starts on: the object itself, or those of a response; nil
    /// when it holds none.
    private func companies(in object: [UInt8], line: Int, levels: Int) throws -> [(Members, Int)]? {
        let members = try parsed(object, line: line)
        if members.contains(where: { isCompanyKey($0.key) }) { return [(members, line)] }
        guard levels > 0 else { return nil }
        // Only nested objects and arrays can hold companies; a response's scalars are skipped before any copy.
        for member in members
        where object[member.bytes.lowerBound] == UInt8(ascii: "{")
            || object[member.bytes.lowerBound] == UInt8(ascii: "[")
        {
            let value = Array(object[member.bytes])
            let valueLine = line + object[..<member.bytes.lowerBound].count { $0 == 0x0A }
            if value.first == UInt8(ascii: "{") {
                if let found = try companies(in: value, line: valueLine, levels: levels - 1) { return found }
                continue
            }
            var splitter = JSONRecordSplitter(firstLine: valueLine)
            var found: [(Members, Int)] = []
            var holdsCompanies = false
            do {
                try splitter.feed(value) { element, elementLine in
                    if let companies = try companies(in: element, line: elementLine, levels: levels - 1) {
                        found += companies
                        holdsCompanies = true
                    } else {
                        found.append((try parsed(element, line: elementLine), elementLine))
                    }
                }
                try splitter.finish()
            } catch is JSONRecordSplitter.Failure {
                continue  // an array of something other than objects
            }
            if holdsCompanies { return found }
        }
        return nil
    }

    private func parsed(_ object: [UInt8], line: Int) throws -> Members {
        do {
            return try FlatJSON.members(object)
        } catch {
            let before = object[..<min(error.offset, object.count)]
            let lastBreak = before.lastIndex(of: 0x0A)
            let lineStart = lastBreak.map { $0 + 1 } ?? 0
            let text = String(decoding: object[lineStart...].prefix(80), as: UTF8.self)
            throw IngestError(
                .malformedJSON,
                at: .init(
                    file: export.displayName, line: line + before.count { $0 == 0x0A },
                    column: error.offset - lineStart + 1),
                expected: error.expected, found: String(text.prefix(60)))
        }
    }

    /// Runs `body` on the splitter, reporting its failures as the file's.
    private func splitting(
        _ splitter: inout JSONRecordSplitter, _ body: (inout JSONRecordSplitter) throws -> Void
    ) throws {
        do {
            try body(&splitter)
        } catch let failure as JSONRecordSplitter.Failure {
            throw IngestError(
                .malformedJSON, at: .init(file: export.displayName, line: failure.line), expected: failure.expected,
                found: failure.found)
        }
    }
}
