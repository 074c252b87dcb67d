public import Foundation

/// JSON exports: objects whose keys name their fields (see `FlatJSON` for how values read), one per line (JSON
/// lines), pretty-printed one after another, or in a top-level array, streamed either way. An object none of whose
/// keys names a company's name or identifier is a data service's response (`{"result": {"items": [{…}]}}`,
/// `{"Status": "200", "Result": [{…}]}`): its companies are the objects of the first array or object inside it that
/// holds any, read whole. A response larger than `holdLimit` is not held: the objects of its arrays are read one
/// by one, and each array that holds companies gives them.
public struct JSONExportReader: Sendable {
    public let export: TextExport
    /// The field a key names when it is a company's name or identifier (credit code, registration number).
    private let identifyingField: @Sendable (String) -> RegistryField?

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
        identifyingField = { key in fieldOf(key).flatMap { identifying.contains($0) ? $0 : nil } }
    }

    @discardableResult
    public func forEachRow(_ body: (RawRow) throws -> Void, bytesRead: ((Int) -> Void)? = nil) throws -> TextEncoding {
        var splitter = JSONRecordSplitter(holdLimit: holdLimit, envelopeLevels: Self.envelopeLevels)
        var state = ReadState()
        let encoding = try export.forEachPiece(bytesRead: bytesRead) { bytes in
            try splitting(&splitter) { splitter in
                try splitter.feed(bytes) { (cut: JSONRecordSplitter.Cut) in try handle(cut, &state, body) }
            }
        }
        try splitting(&splitter) { try $0.finish() }
        return encoding
    }

    /// The rows handed on so far, and the arrays of a large object being read.
    private struct ReadState {
        var rows = 0
        var streamed = StreamedArrays()
        /// The rows handed on before the large object being read.
        var rowsBeforeLargeObject = 0
    }

    private func handle(_ cut: JSONRecordSplitter.Cut, _ state: inout ReadState, _ body: (RawRow) throws -> Void) throws
    {
        func emit(_ companies: [(Members, Int)]) throws {
            for (members, line) in companies {
                state.rows += 1
                try body(RawRow(number: state.rows, line: line, cells: members.map(\.value), keys: members.map(\.key)))
            }
        }
        switch cut {
        case .object(let object, let line):
            try emit(
                try companies(in: object, line: line, levels: Self.envelopeLevels)
                    ?? [(try notCompany(object, line: line), line)])
            state.rowsBeforeLargeObject = state.rows
        case .element(let object, let line, let array, let levels):
            // Whether an element is certainly a company is asked only until its array is known to hold companies.
            let judging = !state.streamed.holdsCompanies(array)
            if let found = try found(in: object, line: line, levels: levels, judging: judging),
                found.isCertain || !judging
            {
                try emit(state.streamed.companiesFound(in: array) + found.rows)
            } else if let row = state.streamed.other(try parsed(object, line: line), line: line, in: array) {
                try emit([row])
            }
        case .arrayEnded(let array): state.streamed.end(array)
        case .largeObjectEnded(let line):
            // Its companies came from its arrays; one without any (an object of objects) would be lost.
            guard state.rows > state.rowsBeforeLargeObject else { throw tooLargeWithoutArrays(line: line) }
            state.rowsBeforeLargeObject = state.rows
        }
    }

    fileprivate typealias Members = [(key: String, value: String, bytes: Range<Int>)]

    /// The companies an object is or holds. `isCertain` when one of them names both its name and an identifier;
    /// `isDirect` when the object is a company itself rather than holding some.
    private struct Found {
        var rows: [(Members, Int)]
        var isCertain: Bool
        var isDirect: Bool
    }

    /// The companies in an object, each with the line it starts on: the object itself, or those of a response; nil
    /// when it holds none.
    private func companies(in object: [UInt8], line: Int, levels: Int) throws -> [(Members, Int)]? {
        try found(in: object, line: line, levels: levels, judging: false)?.rows
    }

    /// What an object is or holds: itself when a key names a company's name or identifier; else the companies of the
    /// arrays and objects inside it. Only a certain company makes an array or a set of objects hold companies, so
    /// that a list of `{"name": …, "type": …}` (a table's schema) is not read as one.
    /// `judging` asks whether a company is certain (its keys folded twice more), which only a set of objects whose
    /// holding is not yet known needs.
    private func found(in object: [UInt8], line: Int, levels: Int, judging: Bool) throws -> Found? {
        let members = try parsed(object, line: line)
        if members.contains(where: { identifyingField($0.key) != nil }) {
            try refuseColumnTable(members, object: object, line: line)
            let isCertain = judging && namesNameAndIdentifier(members)
            return Found(rows: [(members, line)], isCertain: isCertain, isDirect: true)
        }
        guard levels > 0 else { return nil }
        // Only nested objects and arrays can hold companies; a response's scalars are skipped before any copy.
        var objects: [(bytes: [UInt8], line: Int)] = []
        var rows: [(Members, Int)] = []
        for member in members
        where object[member.bytes.lowerBound] == UInt8(ascii: "{")
            || object[member.bytes.lowerBound] == UInt8(ascii: "[")
        {
            let value = Array(object[member.bytes])
            let valueLine = line + object[..<member.bytes.lowerBound].count { $0 == 0x0A }
            if value.first == UInt8(ascii: "{") {
                objects.append((value, valueLine))
            } else if let elements = try? elements(of: value, line: valueLine),
                let held = try held(in: elements, levels: levels - 1)
            {
                rows += held
            }
        }
        // The objects inside are companies themselves (`{"0": {…}, "1": {…}}`, pandas' orient='index'), or hold them.
        if let held = try held(in: objects, levels: levels - 1) { rows = held + rows }
        return rows.isEmpty ? nil : Found(rows: rows, isCertain: true, isDirect: false)
    }

    /// Whether an object's keys name both a company's name and its credit code or registration number.
    private func namesNameAndIdentifier(_ members: Members) -> Bool {
        let fields = Set(members.compactMap { identifyingField($0.key) })
        return fields.contains(.name) && fields.count > 1
    }

    /// The rows of a set of objects (an array's elements, an object's members) that holds companies: the companies,
    /// and when some of the objects are companies themselves, the others too, to be quarantined (a response's other
    /// objects beside the one holding its companies are passed by); nil when none is certainly a company.
    private func held(in elements: [(bytes: [UInt8], line: Int)], levels: Int) throws -> [(Members, Int)]? {
        var entries: [(rows: [(Members, Int)], isCompany: Bool)] = []
        var holdsCompanies = false
        var holdsDirectly = false
        for (element, line) in elements {
            if let found = try found(in: element, line: line, levels: levels, judging: !holdsDirectly) {
                entries.append((found.rows, true))
                holdsDirectly = holdsDirectly || (found.isCertain && found.isDirect)
                holdsCompanies = holdsCompanies || found.isCertain || holdsDirectly
            } else {
                entries.append(([(try parsed(element, line: line), line)], false))
            }
        }
        guard holdsCompanies else { return nil }
        return entries.filter { $0.isCompany || holdsDirectly }.flatMap(\.rows)
    }

    /// The objects of an array with their lines; fails for an array of anything else.
    private func elements(of array: [UInt8], line: Int) throws -> [(bytes: [UInt8], line: Int)] {
        var splitter = JSONRecordSplitter(firstLine: line)
        var elements: [(bytes: [UInt8], line: Int)] = []
        try splitter.feed(array) { elements.append(($0, $1)) }
        try splitter.finish()
        return elements
    }

    /// An object that neither is nor holds a company, as a row to quarantine; a table split into its column names
    /// and rows of values (pandas' orient='split') is refused, since none of its rows would be read.
    private func notCompany(_ object: [UInt8], line: Int) throws -> Members {
        let members = try parsed(object, line: line)
        let keys = Set(members.map(\.key))
        guard keys.isSuperset(of: ["columns", "data"]) else { return members }
        throw IngestError(.jsonSplitTable, at: .init(file: export.displayName, line: line))
    }

    private func tooLargeWithoutArrays(line: Int) -> IngestError {
        IngestError(.jsonTooLarge(mebibytes: holdLimit >> 20), at: .init(file: export.displayName, line: line))
    }

    /// Refuses a table written by columns (pandas' default `to_json`, `{"企业名称": {"0": …, "1": …}, …}`), which
    /// would otherwise be read as one company whose values are objects.
    private func refuseColumnTable(_ members: Members, object: [UInt8], line: Int) throws {
        guard members.count >= 2, members.allSatisfy({ object[$0.bytes.lowerBound] == UInt8(ascii: "{") }),
            let identifying = members.first(where: { identifyingField($0.key) != nil })
        else { return }
        throw IngestError(.jsonColumnTable(key: identifying.key), at: .init(file: export.displayName, line: line))
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
            throw IngestError(
                .jsonSyntax(error.expected, found: rest.isEmpty ? nil : String(rest.prefix(60))),
                at: .init(
                    file: export.displayName, line: line + before.count { $0 == 0x0A },
                    column: error.offset - lineStart + 1))
        }
    }

    /// Runs `body` on the splitter, reporting its failures as the file's.
    private func splitting(
        _ splitter: inout JSONRecordSplitter, _ body: (inout JSONRecordSplitter) throws -> Void
    ) throws {
        do {
            try body(&splitter)
        } catch let failure as JSONRecordSplitter.Failure {
            throw IngestError(failure.refusal, at: .init(file: export.displayName, line: failure.line))
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

    func holdsCompanies(_ array: Int) -> Bool { holding.contains(array) }

    mutating func end(_ array: Int) {
        holding.remove(array)
        waiting[array] = nil
        passed.remove(array)
    }
}
