/// What each warning says in Korean, Chinese and English.
extension ImportWarning {
    /// The warning as a sentence in `language`, led by its sheet when it concerns one.
    public func text(in language: Language) -> String {
        let prefix = sheet.map { language.pick("시트 '\($0)': ", "工作表“\($0)”：", "sheet '\($0)': ") } ?? ""
        return prefix + kindText(in: language)
    }

    private func kindText(in language: Language) -> String {
        switch kind {
        case .repeatedHeader(let column, let header, let field, let firstColumn, let firstHeader):
            language.pick(
                "\(column)열 '\(header)'은(는) \(firstColumn)열 '\(firstHeader)'과(와) 같은 항목입니다. 앞의 열을 읽고 두 열 "
                    + "모두 보관합니다",
                "第 \(column) 列“\(header)”与第 \(firstColumn) 列“\(firstHeader)”是同一字段；读取前一列，两列都保留",
                "column \(column) '\(header)' repeats \(field) of column \(firstColumn) '\(firstHeader)'; the first is used "
                    + "and both are kept")
        case .unknownCapitalUnit(let column, let header, let qualifier):
            language.pick(
                "\(column)열 '\(header)'의 '\(qualifier)'에서 Chainscope가 읽을 수 있는 단위를 찾지 못했습니다. 단위가 "
                    + "없는 숫자는 万元人民币으로 읽습니다",
                "第 \(column) 列“\(header)”的“\(qualifier)”中没有 Chainscope 能识别的单位；不带单位的数字按 万元人民币 读取",
                "column \(column) '\(header)' names no unit Chainscope reads in '\(qualifier)'; numbers without one are "
                    + "read as 万元人民币")
        case .missingFields(let fields, let unread, let more):
            missingText(fields, unread: unread, more: more, in: language)
        case .sheetSkipped(let sheet):
            language.pick(
                "시트 '\(sheet)'에는 알아볼 수 있는 헤더가 없어 건너뛰었습니다", "工作表“\(sheet)”没有可识别的表头，已跳过",
                "sheet '\(sheet)' has no recognisable header and was skipped")
        case .syntheticNotice(let row):
            language.pick("\(row)행: ", "第 \(row) 行写有：", "row \(row) says: ") + RegistryImport.syntheticNotice
        case .modifiedInFuture(let modified, let dated):
            language.pick(
                "파일의 수정 시각(\(modified))이 오늘 이후입니다. 파일을 저장한 컴퓨터의 시계가 틀렸으므로 오늘(\(dated)) 받은 "
                    + "자료로 기록했습니다. 다른 날 받은 자료라면 그 날짜를 --snapshot-date로 지정해 다시 가져오세요",
                "文件的修改时间（\(modified)）晚于今天，保存它的电脑时钟有误，因此按今天（\(dated)）导出的数据记录；如果是其他日期导出的，"
                    + "请用 --snapshot-date 指定该日期重新导入",
                "the file's modification time (\(modified)) is after today: the clock of the computer that saved it was "
                    + "wrong, so the export is dated today, \(dated); if it was taken on another day, import it again "
                    + "with that day as --snapshot-date")
        }
    }

    private func missingText(
        _ fields: [CoveredField], unread: [String], more: Int, in language: Language
    ) -> String {
        let labels = fields.map { $0.label(in: language) }.joined(separator: language.pick(", ", "、", ", "))
        let shown =
            unread.joined(separator: language.pick(", ", "、", ", "))
            + (more > 0 ? language.pick(" 외 \(more)개", " 等另外 \(more) 列", " and \(more) more") : "")
        let isScopeMissing = fields.contains(.scope)
        return language.pick(
            "\(labels)을(를) 담은 열이 없습니다. 이 파일의 새 기업은 이 값을 모르는 채로 둡니다(이미 저장된 기업은 기존 값을 "
                + "유지)"
                + (isScopeMissing
                    ? "; 경영범위가 없으므로 새 기업은 이름과 업종만으로 분류하고, 이 파일이 바꾸는 저장된 기업은 기존 분류를 "
                        + "유지하되 `chainscope classify`를 실행할 때까지 오래된 것으로 표시합니다" : "")
                + (unread.isEmpty
                    ? "" : "; 어떤 항목으로도 읽지 않은 열: \(shown). 그중 하나에 해당 값이 있다면 매핑 파일(--profile)에 적어 주세요"),
            "没有列提供\(labels)：本文件的新企业这些值保持未知（之前已存储的企业保留原值）"
                + (isScopeMissing
                    ? "；没有经营范围时，新企业仅按名称和行业分类，本文件更改的已存储企业保留原分类，并标记为过期，直到运行 "
                        + "`chainscope classify`" : "")
                + (unread.isEmpty ? "" : "；未读作任何字段的列：\(shown)；如果其中某列含有该值，请在映射文件（--profile）中指明"),
            "no column gives the \(labels): \(fields.count == 1 ? "it stays" : "they stay") unknown for the file's new "
                + "companies (companies stored before keep theirs)"
                + (isScopeMissing
                    ? "; without a business scope, new companies are classified from their names and industry alone, "
                        + "and a stored company the file changes keeps its classification, marked stale until "
                        + "`chainscope classify` runs" : "")
                + (unread.isEmpty
                    ? ""
                    : "; columns read as no field: \(shown); if one of them holds it, name it in a mapping file "
                        + "(--profile)"))
    }
}

extension ImportWarning.CoveredField {
    /// The field as a user would look for it, with its usual Chinese header.
    public func label(in language: Language) -> String {
        switch self {
        case .founded: language.pick("설립일(成立日期)", "成立日期", "founding day (成立日期)")
        case .status: language.pick("등기 상태(登记状态)", "登记状态", "registration status (登记状态)")
        case .capital: language.pick("등록자본(注册资本)", "注册资本", "registered capital (注册资本)")
        case .scope: language.pick("경영범위(经营范围)", "经营范围", "business scope (经营范围)")
        case .district:
            language.pick("구·현 또는 주소(所属区县/企业地址)", "所属区县或企业地址", "district or address (所属区县/企业地址)")
        }
    }
}
