import ChainscopeCore
import Foundation

/// What one data row becomes: a company to store, or a problem to quarantine.
enum MappedRow: Sendable {
    case company(Company, raw: RawFields)
    case problem(column: String?, value: String?, reason: QuarantineReason, raw: RawFields)
}

/// Turns a data row into a company by the rules of `ChainscopeCore`'s normalisation, or names the
/// first problem that keeps it from being stored.
struct RegistryRowMapper {
    let layout: HeaderLayout
    let regions: RegionDirectory
    /// District and city names resolved so far, shared by the rows of the table.
    let districts: DistrictMemo
    let importID: Int64
    let file: String
    let snapshotDate: CalendarDate
    /// Writes each row's cells under unique header keys.
    let rawLayout: RawFields.Layout
    /// The stored columns no column of the layout gives (`CompanyRow.absentColumns`).
    let absentColumns: [Int]

    init(layout: HeaderLayout, regions: RegionDirectory, importID: Int64, file: String, snapshotDate: CalendarDate) {
        self.layout = layout
        self.regions = regions
        districts = DistrictMemo(regions)
        self.importID = importID
        self.file = file
        self.snapshotDate = snapshotDate
        rawLayout = RawFields.Layout(keys: layout.headers)
        absentColumns = Self.absentColumns(of: layout)
    }

    /// The stored columns a layout gives no column for. The district comes from a district or region column
    /// or the address (the credit code's region is coarser), the industry from any of its four columns.
    static func absentColumns(of layout: HeaderLayout) -> [Int] {
        let given: [([RegistryField], [String])] = [
            ([.englishName], ["name_en"]), ([.registrationNumber], ["registration_number"]), ([.status], ["status"]),
            ([.founded], ["founded"]), ([.capital], ["capital_amount", "capital_currency", "capital_text"]),
            ([.address], ["address"]), ([.scope], ["business_scope"]), ([.district, .region, .address], ["region"]),
            ([.industryClass, .industryGroup, .industryDivision, .industry], ["industry_name"]),
        ]
        return given.filter { fields, _ in !fields.contains { layout.column(of: $0) != nil } }
            .flatMap { $0.1.compactMap { CompanyRow.columns.firstIndex(of: $0) } }.sorted()
    }

    func map(_ row: RawRow) -> MappedRow {
        if row.cells.count != layout.headers.count, let widened = Self.widened(row, to: layout.headers.count) {
            return map(widened)
        }
        guard row.cells.count == layout.headers.count else {
            return .problem(
                column: nil, value: nil, reason: Self.widthProblem(row, layout), raw: rawLayout.fields(row.cells))
        }
        // No database stores a NUL character in text (PostgreSQL refuses it), and in a registry export it
        // is never meant: the row is quarantined, its cells kept in the raw row, where JSON escapes it.
        // A closure, not `\.containsNUL`: the key path was projected through the runtime for every cell.
        if let column = row.cells.firstIndex(where: { $0.containsNUL }) {
            return .problem(
                column: layout.headers[column], value: row.cells[column].replacingOccurrences(of: "\0", with: "␀"),
                reason: .nulCharacter, raw: rawLayout.fields(row.cells))
        }
        do {
            let company = try company(row)
            return .company(company, raw: rawLayout.fields(row.cells, sharing: CompanyRow.sharedColumns(of: company)))
        } catch {
            return .problem(
                column: error.column, value: error.value, reason: error.reason, raw: rawLayout.fields(row.cells))
        }
    }

    /// A sheet's row made as wide as its header: a spreadsheet does not write the empty cells at the end of a row
    /// (nor does it keep a cleared cell beyond the header). Nil for a text row, and for a sheet's row that cannot
    /// be read so: one text alone (a note below the data) or a value beyond the header's last column.
    static func widened(_ row: RawRow, to width: Int) -> RawRow? {
        guard row.sheet != nil else { return nil }
        var widened = row
        while widened.cells.count > width, widened.cells.last?.trimmed.isEmpty == true { widened.cells.removeLast() }
        guard widened.cells.count <= width, widened.cells.count(where: { !$0.trimmed.isEmpty }) > 1 else { return nil }
        widened.cells += repeatElement("", count: width - widened.cells.count)
        return widened
    }

    /// Why a row with more or fewer cells than the header is not read. A row of one text below the data is
    /// most often the export's note of its source (数据来源：企查查), and the reason says so.
    static func widthProblem(_ row: RawRow, _ layout: HeaderLayout) -> QuarantineReason {
        let texts = row.cells.filter { !$0.trimmed.isEmpty }
        if row.cells.count < layout.headers.count, texts.count == 1, let text = texts.first {
            return .oneText(text: text, columns: layout.headers.count)
        }
        if row.sheet != nil, let beyond = row.cells.indices.last(where: { !row.cells[$0].trimmed.isEmpty }),
            beyond >= layout.headers.count
        {
            return .beyondLastColumn(
                column: XLSXWriter.column(beyond), lastColumn: XLSXWriter.column(layout.headers.count - 1))
        }
        return .width(cells: row.cells.count, columns: layout.headers.count)
    }

    struct Problem: Error {
        let column: String?
        let value: String?
        let reason: QuarantineReason
    }

    func value(_ field: RegistryField, in row: RawRow) -> String? {
        guard let column = layout.column(of: field) else { return nil }
        let text = row.cells[column].trimmed
        return TextFolding.isEmptyMarker(text) ? nil : text
    }

    func header(_ field: RegistryField) -> String? { layout.column(of: field).map { layout.headers[$0] } }

    /// Applies a rule to a field's value; a problem names the column and value.
    func parse<Value>(
        _ field: RegistryField, in row: RawRow, _ rule: (String) -> Result<Value?, ValueProblem>
    ) throws(Problem) -> Value? {
        guard let text = value(field, in: row) else { return nil }
        switch rule(text) {
        case .success(let value): return value
        case .failure(let problem): throw Problem(column: header(field), value: text, reason: problem.reason)
        }
    }

    private func company(_ row: RawRow) throws(Problem) -> Company {
        guard let name = value(.name, in: row) else {
            guard header(.name) != nil else {
                // An object of a JSON file names its own fields; one without a name is a summary or a note.
                let keys = RegistryField.name.synonyms.prefix(3).joined(separator: ", ")
                throw Problem(column: nil, value: nil, reason: .noNameKey(keys: keys))
            }
            throw Problem(column: header(.name), value: "", reason: .emptyName)
        }
        if name.includes("未匹配到") {
            throw Problem(column: header(.name), value: name, reason: .unmatchedQuery)
        }
        let creditCode = try parse(.creditCode, in: row) { text in
            CreditCode.validate(text).map { Optional($0) }.mapError { problem in
                ValueProblem(.creditCode(text: text, problem: problem))
            }
        }
        // A registration number a spreadsheet mangled keys no company, but is only a fact beside a credit code.
        let registrationNumber =
            creditCode == nil
            ? try parse(.registrationNumber, in: row) { RegistrationNumber.parse($0).map(Optional.init) }
            : value(.registrationNumber, in: row).map { (try? RegistrationNumber.parse($0).get()) ?? $0 }
        let founded = try parse(.founded, in: row, RegistryDate.parse)
        if let founded, founded > snapshotDate {
            throw Problem(
                column: header(.founded), value: value(.founded, in: row),
                reason: .foundedAfterSnapshot(founded: founded, snapshot: snapshotDate))
        }
        let capital = try parse(.capital, in: row) { RegisteredCapital.parse($0, bareNumbersIn: layout.capitalUnit) }
        let status = try parse(.status, in: row, RegistrationStatus.parse)
        let address = value(.address, in: row)
        let region = location(row, address: address, creditCode: creditCode, registrationNumber: registrationNumber)
        let key: CompanyKey
        if let creditCode {
            key = .creditCode(creditCode.value)
        } else if let registrationNumber {
            key = .registrationNumber(TextFolding.halfWidth(registrationNumber))
        } else if let region {
            key = .name(name, region: region)
        } else {
            let column = header(.creditCode) ?? header(.registrationNumber)
            throw Problem(column: column, value: column.map { _ in "" }, reason: .noIdentifier)
        }
        return Company(
            key: key, names: LocalizedText(zh: name, en: value(.englishName, in: row)), creditCode: creditCode?.value,
            registrationNumber: registrationNumber,
            kind: EntityKind.classify(
                creditCode: creditCode?.value, name: name, companyType: value(.companyType, in: row)),
            status: status, founded: founded, registeredCapital: capital,
            registeredCapitalText: value(.capital, in: row), region: region, address: address,
            businessScope: value(.scope, in: row), industryCode: nil,
            industryName: value(.industryClass, in: row) ?? value(.industryGroup, in: row)
                ?? value(.industryDivision, in: row) ?? value(.industry, in: row),
            provenance: Provenance(kind: .registryImport, collection: String(importID), file: file, line: row.number))
    }
}
