import Foundation

/// Why a row was quarantined, as a code with the values it names, so that the reason reads in Korean, Chinese
/// and English (`text(in:)`). Stored as `storageText`: the code and its values, which newer versions may extend.
public enum QuarantineReason: Hashable, Sendable, CustomStringConvertible {
    /// A date cell that no date rule reads.
    case date(text: String)
    /// A registered-capital cell that is not an amount.
    case amount(text: String)
    /// A status cell that names no registration status.
    case status(text: String)
    /// A registration number a spreadsheet wrote in scientific notation (`3.301E+14`), its digits lost.
    case scientificRegistrationNumber(text: String)
    case creditCode(text: String, problem: CreditCode.Problem)
    case foundedAfterSnapshot(founded: CalendarDate, snapshot: CalendarDate)
    case emptyName
    /// A JSON object with none of the keys a company's name goes under (`keys`: the first few of them).
    case noNameKey(keys: String)
    /// A batch query's row for a name it did not find (`未匹配到`).
    case unmatchedQuery
    /// No credit code, registration number or region to key the company on.
    case noIdentifier
    /// A cell holding a NUL character.
    case nulCharacter
    /// A row of one text below or inside the data, where the header has `columns` columns.
    case oneText(text: String, columns: Int)
    /// A sheet's row with a value in `column`, right of the header's `lastColumn` (column letters).
    case beyondLastColumn(column: String, lastColumn: String)
    /// A row of `cells` cells under a header of `columns`.
    case width(cells: Int, columns: Int)

    /// The reason in English, as `reason` stores it.
    public var description: String { text(in: .en) }
}

extension QuarantineReason {
    /// The code and the values it names, as text: what `storageText` stores.
    public var parts: [String] {
        switch self {
        case .date(let text): ["date", text]
        case .amount(let text): ["amount", text]
        case .status(let text): ["status", text]
        case .scientificRegistrationNumber(let text): ["registrationNumber.scientific", text]
        case .creditCode(let text, let problem): [problem.code, text] + problem.values
        case .foundedAfterSnapshot(let founded, let snapshot):
            ["founded.afterSnapshot", founded.description, snapshot.description]
        case .emptyName: ["name.empty"]
        case .noNameKey(let keys): ["name.noKey", keys]
        case .unmatchedQuery: ["name.unmatched"]
        case .noIdentifier: ["key.none"]
        case .nulCharacter: ["cell.nul"]
        case .oneText(let text, let columns): ["row.oneText", text, "\(columns)"]
        case .beyondLastColumn(let column, let lastColumn): ["row.beyondLastColumn", column, lastColumn]
        case .width(let cells, let columns): ["row.width", "\(cells)", "\(columns)"]
        }
    }

    /// The stable code a program can branch on, such as `date` or `creditCode.check`.
    public var code: String { parts[0] }

    /// The reason read back from its parts; nil for a code or values this version does not know.
    public init?(parts: [String]) {
        guard let code = parts.first else { return nil }
        let values = Array(parts.dropFirst())
        if code.hasPrefix("creditCode."), let text = values.first {
            guard let problem = CreditCode.Problem(code: code, values: Array(values.dropFirst())) else { return nil }
            self = .creditCode(text: text, problem: problem)
            return
        }
        switch (code, values.count) {
        case ("date", 1): self = .date(text: values[0])
        case ("amount", 1): self = .amount(text: values[0])
        case ("status", 1): self = .status(text: values[0])
        case ("registrationNumber.scientific", 1): self = .scientificRegistrationNumber(text: values[0])
        case ("founded.afterSnapshot", 2):
            guard let founded = CalendarDate(iso: values[0]), let snapshot = CalendarDate(iso: values[1]) else {
                return nil
            }
            self = .foundedAfterSnapshot(founded: founded, snapshot: snapshot)
        case ("name.empty", 0): self = .emptyName
        case ("name.noKey", 1): self = .noNameKey(keys: values[0])
        case ("name.unmatched", 0): self = .unmatchedQuery
        case ("key.none", 0): self = .noIdentifier
        case ("cell.nul", 0): self = .nulCharacter
        case ("row.oneText", 2):
            guard let columns = Int(values[1]) else { return nil }
            self = .oneText(text: values[0], columns: columns)
        case ("row.beyondLastColumn", 2): self = .beyondLastColumn(column: values[0], lastColumn: values[1])
        case ("row.width", 2):
            guard let cells = Int(values[0]), let columns = Int(values[1]) else { return nil }
            self = .width(cells: cells, columns: columns)
        default: return nil
        }
    }

    /// The parts as a JSON array of strings, as the stores keep them.
    public var storageText: String {
        // An array of strings always encodes.
        String(decoding: (try? JSONEncoder().encode(parts)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The reason a store kept; nil for text that is not one this version knows.
    public init?(storageText: String) {
        guard let parts = try? JSONDecoder().decode([String].self, from: Data(storageText.utf8)) else { return nil }
        self.init(parts: parts)
    }
}

/// In JSON (the API): `{"code": "date", "values": ["2019-02-30"], "text": {"ko": …, "zh": …, "en": …}}`; the text is
/// not read back.
extension QuarantineReason: Codable {
    private enum CodingKeys: String, CodingKey {
        case code, values, text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(Array(parts.dropFirst()), forKey: .values)
        try container.encode(
            LocalizedText(zh: text(in: .zh), ko: text(in: .ko), en: text(in: .en)), forKey: .text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        let values = try container.decode([String].self, forKey: .values)
        guard let reason = Self(parts: [code] + values) else {
            throw DecodingError.dataCorruptedError(
                forKey: .code, in: container, debugDescription: "unknown quarantine reason '\(code)' \(values)")
        }
        self = reason
    }
}

extension CreditCode.Problem {
    var code: String {
        switch self {
        case .length: "creditCode.length"
        case .scientific: "creditCode.scientific"
        case .character: "creditCode.character"
        case .organisationCheck: "creditCode.organisationCheck"
        case .check: "creditCode.check"
        }
    }

    var values: [String] {
        switch self {
        case .length(let count): ["\(count)"]
        case .scientific: []
        case .character(let character, let position): [String(character), "\(position)"]
        case .organisationCheck(let expected, let found), .check(let expected, let found):
            [String(expected), String(found)]
        }
    }

    init?(code: String, values: [String]) {
        let characters = values.map { $0.count == 1 ? $0.first : nil }
        switch (code, values.count) {
        case ("creditCode.length", 1):
            guard let count = Int(values[0]) else { return nil }
            self = .length(count)
        case ("creditCode.scientific", 0): self = .scientific
        case ("creditCode.character", 2):
            guard let character = characters[0], let position = Int(values[1]) else { return nil }
            self = .character(character, position: position)
        case ("creditCode.organisationCheck", 2), ("creditCode.check", 2):
            guard let expected = characters[0], let found = characters[1] else { return nil }
            self =
                code == "creditCode.check"
                ? .check(expected: expected, found: found) : .organisationCheck(expected: expected, found: found)
        default: return nil
        }
    }
}
