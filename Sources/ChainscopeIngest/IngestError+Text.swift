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
    /// The kind of problem in `language`.
    public func text(in language: Language) -> String {
        switch storage {
        case .unreadableFile: language.pick("파일을 읽을 수 없음", "无法读取文件", description)
        case .malformedYAML: language.pick("YAML 형식 오류", "YAML 格式错误", description)
        case .missingField: language.pick("필드 누락", "缺少字段", description)
        case .unknownField: language.pick("알 수 없는 필드", "未知字段", description)
        case .wrongType: language.pick("잘못된 유형", "类型错误", description)
        case .invalidValue: language.pick("잘못된 값", "无效值", description)
        case .duplicateID: language.pick("중복 ID", "重复 ID", description)
        case .unknownReference: language.pick("알 수 없는 참조", "未知引用", description)
        case .derivationMismatch: language.pick("파생값이 공식과 맞지 않음", "派生值与公式不符", description)
        case .malformedTable: language.pick("표 형식 오류", "表格格式错误", description)
        case .undecodableText: language.pick("텍스트를 디코딩할 수 없음", "文本无法解码", description)
        case .malformedCSV: language.pick("CSV 형식 오류", "CSV 格式错误", description)
        case .malformedXLSX: language.pick("XLSX 형식 오류", "XLSX 格式错误", description)
        case .malformedJSON: language.pick("JSON 형식 오류", "JSON 格式错误", description)
        case .unknownLayout: language.pick("알 수 없는 열 구성", "未知的列结构", description)
        case .emptyFile: language.pick("빈 파일", "空文件", description)
        case .invalidTaxonomy: language.pick("잘못된 분류 체계", "无效的分类体系", description)
        }
    }
}
