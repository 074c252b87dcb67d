public import Foundation

/// JSON exports: objects whose keys name their fields (see `FlatJSON` for how values read), one per line (JSON
/// lines), pretty-printed one after another, or in a top-level array, streamed either way. An object none of whose
/// keys names a company's name or identifier is a data service's response (`{"result": {"items": [{…}]}}`,
/// `{"Status": "200", "Result": [{…}]}`): its companies are the objects of the first array or object inside it that
/// holds any, read whole. A response larger than `holdLimit` is not held: the objects of its arrays are read one
/// by one, and each array that holds companies gives them.
public struct JSONExportReader: Sendable {
    public let export: TextExport
    private let isCompanyKey: @Sendable (String) -> Bool

    /// A response's companies are looked for this many objects deep.
    static let envelopeLevels = 3
    /// The largest object read whole: a response with every page in it may pass it, no company comes near it (one
    /// that did would be read as a response, its own fields lost).
    var holdLimit = 16 << 20

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
        var splitter = JSONRecordSplitter(holdLimit: holdLimit, envelopeLevels: Self.envelopeLevels)
        var rows = 0
        var streamed = StreamedArrays()
        func emit(_ companies: [(Members, Int)]) throws {
            for (members, line) in companies {
                rows += 1
                try body(RawRow(number: rows, line: line, cells: members.map(\.value), keys: members.map(\.key)))
            }
        }
        let encoding = try export.forEachPiece(bytesRead: bytesRead) { bytes in
            try splitting(&splitter) { splitter in
                try splitter.feed(bytes) { (cut: JSONRecordSplitter.Cut) in
                    switch cut {
                    case .object(let object, let line):
                        try emit(
                            try companies(in: object, line: line, levels: Self.envelopeLevels)
                                ?? [(try parsed(object, line: line), line)])
                    case .element(let object, let line, let array, let levels):
                        if let found = try companies(in: object, line: line, levels: levels) {
                            try emit(streamed.companiesFound(in: array) + found)
                        } else if let row = streamed.other(try parsed(object, line: line), line: line, in: array) {
                            try emit([row])
                        }
                    case .arrayEnded(let array): streamed.end(array)
                    }
                }
            }
        }
        try splitting(&splitter) { try $0.finish() }
        return encoding
    }

    fileprivate typealias Members = [(key: String, value: String, bytes: Range<Int>)]

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
            // What stands where reading stopped, not the line's start: an array written on one line is one line.
            let rest = String(decoding: object[min(error.offset, object.count)...].prefix(240), as: UTF8.self)
            let text = rest.isEmpty ? "the end of the object" : rest
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

/// The arrays of a response read element by element. As in a response read whole, an array's objects are rows
/// once one of them is a company (the others are quarantined as such); those before the first are held until
/// then, up to a bound past which the array is taken for something else (a log of changes, a list of facets).
private struct StreamedArrays {
    private var holding: Set<Int> = []
    private var waiting: [Int: [(JSONExportReader.Members, Int)]] = [:]
    private var passed: Set<Int> = []
    static let waitLimit = 1_000

    /// Notes that `array` holds companies; the objects held back from it.
    mutating func companiesFound(in array: Int) -> [(JSONExportReader.Members, Int)] {
        holding.insert(array)
        return waiting.removeValue(forKey: array) ?? []
    }

    /// An object that is not a company: a row when its array holds companies, else held or passed by.
    mutating func other(
        _ members: JSONExportReader.Members, line: Int, in array: Int
    ) -> (JSONExportReader.Members, Int)? {
        if holding.contains(array) { return (members, line) }
        guard !passed.contains(array) else { return nil }
        if waiting[array, default: []].count < Self.waitLimit {
            waiting[array, default: []].append((members, line))
        } else {
            waiting[array] = nil
            passed.insert(array)
        }
        return nil
    }

    mutating func end(_ array: Int) {
        holding.remove(array)
        waiting[array] = nil
        passed.remove(array)
    }
}
