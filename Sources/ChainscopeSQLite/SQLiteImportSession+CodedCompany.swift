import ChainscopeCore
import Foundation
import GRDB

extension SQLiteImportSession {
    /// For a row without a credit code whose key no company has, the credit code and region of the one company
    /// an earlier import stored with a code under the row's name in its region (`CompanyRow.isSameCompany`): an
    /// export without codes, or a typed list, taken after or before the export that gave them. Candidates are
    /// found by name through the search index, which holds every company of earlier imports, so that no import
    /// pays for another index. A company this import stored is not one (two rows of one export are two
    /// companies); nil when none or more than one is the row's company. The session brings the index up to date
    /// first.
    func codedCompany(for row: CompanyRow) throws -> (code: String, region: String?)? {
        guard row.isKeyedWithoutCode else { return nil }
        let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM company WHERE key = ?)")
        guard try Bool.fetchOne(exists, arguments: [row.key]) == false else { return nil }
        var candidates: [String: Row] = [:]
        // The name as written or spelt otherwise (at most three), compared before a row is read.
        let spellings: [String?] = Array(row.nameSpellings.prefix(3))
        let names = StatementArguments(spellings + Array(repeating: nil, count: 3 - spellings.count))
        let indexed = try db.cachedStatement(
            sql: """
                SELECT c.key, c.name_zh, c.region, c.registration_number, c.credit_code FROM company c
                WHERE c.rowid IN (SELECT rowid FROM company_search WHERE company_search MATCH ?)
                    AND c.name_zh IN (?, ?, ?) AND c.key >= 'uscc:' AND c.key < 'uscc;' AND c.provenance_kind = ?
                """)
        for probe in row.nameProbes {
            let phrase = "\"" + probe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let arguments = [phrase] + names + [Provenance.Kind.registryImport.rawValue]
            for found in try Row.fetchAll(indexed, arguments: arguments) { candidates[found[0]] = found }
        }
        let same = try candidates.values.filter {
            try row.isSameCompany(name: $0[1], region: $0[2], registrationNumber: $0[3])
                && !isStoredByThisImport($0[0])
        }
        guard same.count == 1, let match = same.first else { return nil }
        return (match[4], match[2])
    }
}
