import Foundation

/// Something an import's reader should know that did not stop it, as a code with the values it names, so that it
/// reads in Korean, Chinese and English (`text(in:)`). `sheet` names the workbook sheet it concerns.
public struct ImportWarning: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A header naming a field an earlier column already gave (`field`: its `RegistryField` name); columns
        /// are counted from 1.
        case repeatedHeader(column: Int, header: String, field: String, firstColumn: Int, firstHeader: String)
        /// A capital header whose qualifier (`注册资本(万美元)`) names no unit Chainscope reads.
        case unknownCapitalUnit(column: Int, header: String, qualifier: String)
        /// Fields no column gave (`CoveredField`s), the headers read as no field (the first twelve) and how many
        /// more there were.
        case missingFields(fields: [CoveredField], unreadColumns: [String], moreUnread: Int)
        /// A workbook sheet without a header Chainscope recognises.
        case sheetSkipped(sheet: String)
        /// A row above the header saying the file is synthetic sample data (`RegistryImport.syntheticNotice`).
        case syntheticNotice(row: Int)
        /// A file whose modification time is after today (a wrong clock saved it), dated `dated` (today) instead,
        /// since no snapshot date was given.
        case modifiedInFuture(modified: CalendarDate, dated: CalendarDate)
    }

    /// A field whose absence an import reports: those indicators and classification read.
    public enum CoveredField: String, CaseIterable, Hashable, Sendable {
        case founded, status, capital, scope, district
    }

    public var sheet: String?
    public var kind: Kind

    public init(_ kind: Kind, sheet: String? = nil) {
        self.kind = kind
        self.sheet = sheet
    }

    /// The warning in English, as `RegistryImport.warnings` stores it.
    public var description: String { text(in: .en) }
}

extension ImportWarning {
    /// The code and the values it names, as text.
    public var parts: [String] {
        switch kind {
        case .repeatedHeader(let column, let header, let field, let firstColumn, let firstHeader):
            ["header.repeated", "\(column)", header, field, "\(firstColumn)", firstHeader]
        case .unknownCapitalUnit(let column, let header, let qualifier):
            ["capital.unknownUnit", "\(column)", header, qualifier]
        case .missingFields(let fields, let unread, let more):
            ["fields.missing", fields.map(\.rawValue).joined(separator: ","), "\(more)"] + unread
        case .sheetSkipped(let sheet): ["sheet.skipped", sheet]
        case .syntheticNotice(let row): ["file.synthetic", "\(row)"]
        case .modifiedInFuture(let modified, let dated): ["file.modifiedInFuture", "\(modified)", "\(dated)"]
        }
    }

    /// The stable code a program can branch on, such as `header.repeated`.
    public var code: String { parts[0] }

    /// The warning read back from its parts; nil for a code or values this version does not know.
    public init?(parts: [String], sheet: String?) {
        guard let code = parts.first else { return nil }
        let values = Array(parts.dropFirst())
        let numbers = values.map { Int($0) }
        let kind: Kind
        switch (code, values.count) {
        case ("header.repeated", 5):
            guard let column = numbers[0], let firstColumn = numbers[3] else { return nil }
            kind = .repeatedHeader(
                column: column, header: values[1], field: values[2], firstColumn: firstColumn, firstHeader: values[4])
        case ("capital.unknownUnit", 3):
            guard let column = numbers[0] else { return nil }
            kind = .unknownCapitalUnit(column: column, header: values[1], qualifier: values[2])
        case ("fields.missing", 2...):
            let fields = values[0].split(separator: ",").map { CoveredField(rawValue: String($0)) }
            guard let more = numbers[1], !fields.isEmpty, fields.allSatisfy({ $0 != nil }) else { return nil }
            kind = .missingFields(
                fields: fields.compactMap { $0 }, unreadColumns: Array(values[2...]), moreUnread: more)
        case ("sheet.skipped", 1): kind = .sheetSkipped(sheet: values[0])
        case ("file.synthetic", 1):
            guard let row = numbers[0] else { return nil }
            kind = .syntheticNotice(row: row)
        case ("file.modifiedInFuture", 2):
            guard let modified = CalendarDate(iso: values[0]), let dated = CalendarDate(iso: values[1]) else {
                return nil
            }
            kind = .modifiedInFuture(modified: modified, dated: dated)
        default: return nil
        }
        self.init(kind, sheet: sheet)
    }

    /// Warnings as the stores keep them: a JSON array of `{"sheet": …, "parts": […]}`.
    public static func storageText(_ warnings: [ImportWarning]) -> String {
        let stored = warnings.map { Stored(sheet: $0.sheet, parts: $0.parts) }
        return String(decoding: (try? JSONEncoder().encode(stored)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The warnings a store kept; nil when any of them is not one this version knows.
    public static func warnings(storageText: String) -> [ImportWarning]? {
        guard let stored = try? JSONDecoder().decode([Stored].self, from: Data(storageText.utf8)) else { return nil }
        let warnings = stored.compactMap { ImportWarning(parts: $0.parts, sheet: $0.sheet) }
        return warnings.count == stored.count ? warnings : nil
    }

    private struct Stored: Codable {
        var sheet: String?
        var parts: [String]
    }
}

/// In JSON (the API): `{"code": "header.repeated", "values": […], "sheet": …, "text": {"ko": …, "zh": …, "en": …}}`;
/// the text is not read back.
extension ImportWarning: Codable {
    private enum CodingKeys: String, CodingKey {
        case code, values, sheet, text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(Array(parts.dropFirst()), forKey: .values)
        try container.encodeIfPresent(sheet, forKey: .sheet)
        try container.encode(LocalizedText(zh: text(in: .zh), ko: text(in: .ko), en: text(in: .en)), forKey: .text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        let values = try container.decode([String].self, forKey: .values)
        let sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
        guard let warning = Self(parts: [code] + values, sheet: sheet) else {
            throw DecodingError.dataCorruptedError(
                forKey: .code, in: container, debugDescription: "unknown import warning '\(code)' \(values)")
        }
        self = warning
    }
}
