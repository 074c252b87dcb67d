import ChainscopeCore

/// A batch's companies as `COPY` rows of the company, import key, classification and segment tables, one
/// group per company: new companies (most rows of most imports) are copied straight into their tables,
/// with no staging and no merge.
struct DirectRows: Sendable {
    let importID: Int64
    var company = CopyText()
    var importKey = CopyText()
    var classification = CopyText()
    var segments = CopyText()

    static let importKeyColumns = ["province", "import_id", "key", "row"]
    static let classificationColumns = [
        "province", "taxonomy", "company_key", "taxonomy_version", "taxonomy_digest", "is_member", "main_layer",
        "confidence", "score", "segments", "evidence",
    ]
    static let segmentColumns = [
        "province", "taxonomy", "company_key", "segment", "layer", "score", "is_main", "is_member", "founded",
        "region", "status", "capital_amount", "capital_currency",
    ]

    init(importID: Int64) { self.importID = importID }

    mutating func append(_ row: CompanyRow) {
        let province = CompanyKey.province(ofKey: row.key)
        Self.appendCompany(row, to: &company)
        company.endRow()
        importKey.field(province)
        importKey.field(Int(importID))
        importKey.field(row.key)
        importKey.field(row.line)
        importKey.endRow()
        if let stored = row.classification {
            append(stored, key: row.key, province: province, facts: row.facts)
        }
        for text in [\DirectRows.company, \.importKey, \.classification, \.segments]
            as [WritableKeyPath<Self, CopyText>]
        {
            self[keyPath: text].endGroup()
        }
    }

    /// The fields of the company table's row (`CompanyColumns.written`), without ending the row.
    static func appendCompany(_ row: CompanyRow, to copy: inout CopyText) {
        copy.field(CompanyKey.province(ofKey: row.key))
        for value in row.values { copy.field(value) }
        copy.field(row.line)
        copy.field(CompanyColumns.searchNames(row))
        copy.field(array: CompanyColumns.grams(row))
    }

    private mutating func append(_ stored: ClassificationRow, key: String, province: String, facts: [String?]) {
        let classification = stored.classification
        for value in [province, classification.taxonomyID, key] { self.classification.field(value) }
        self.classification.field(classification.taxonomyVersion)
        self.classification.field(classification.taxonomyDigest)
        self.classification.field(classification.isMember)
        self.classification.field(classification.mainLayer)
        self.classification.field(classification.confidence)
        self.classification.field(classification.score)
        self.classification.field(stored.segments)
        self.classification.field(stored.evidence)
        self.classification.endRow()
        for (index, segment) in classification.segments.enumerated() {
            for value in [province, classification.taxonomyID, key, segment.segment, segment.layer] {
                segments.field(value)
            }
            segments.field(segment.score)
            segments.field(index == 0)
            segments.field(classification.isMember)
            for fact in facts { segments.field(fact) }
            segments.endRow()
        }
    }
}
