public import ChainscopeCore

extension IngestError {
    /// The problem told in `language` when it is a refused registry export; other inputs' problems (datasets,
    /// taxonomies, mapping files) are told in English, as `description` tells them.
    public func description(in language: Language) -> String {
        guard let refusal, others.isEmpty else { return description }
        let words = refusal.wording(in: language)
        let what = code.text(in: language)
        return language.pick(
            "\(location): \(what) — 필요한 것: \(words.expected). 실제: \(words.found)",
            "\(location)：\(what)——应为：\(words.expected)；实际为：\(words.found)",
            "\(location): \(what): expected \(words.expected), found \(words.found)")
    }
}

extension IngestError.Code {
    /// The kind of problem in `language`, for the kinds a registry export is refused for; the others are told in
    /// English, with the rest of their problem.
    func text(in language: Language) -> String {
        switch storage {
        case .unreadableFile: language.pick("파일을 읽을 수 없음", "无法读取文件", description)
        case .undecodableText: language.pick("텍스트를 디코딩할 수 없음", "文本无法解码", description)
        case .malformedCSV: language.pick("CSV 형식 오류", "CSV 格式错误", description)
        case .malformedXLSX: language.pick("XLSX 형식 오류", "XLSX 格式错误", description)
        case .malformedJSON: language.pick("JSON 형식 오류", "JSON 格式错误", description)
        case .unknownLayout: language.pick("알 수 없는 열 구성", "未知的列结构", description)
        case .emptyFile: language.pick("빈 파일", "空文件", description)
        case .malformedYAML, .missingField, .unknownField, .wrongType, .invalidValue, .duplicateID, .unknownReference,
            .derivationMismatch, .malformedTable, .invalidTaxonomy:
            description
        }
    }
}
