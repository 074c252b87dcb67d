/// What each reason says, and what to do about it, in Korean, Chinese and English.
extension QuarantineReason {
    /// The reason as a sentence in `language`, naming the value at fault and what to do.
    public func text(in language: Language) -> String {
        valueText(in: language) ?? rowText(in: language)
    }

    /// The reasons that concern one cell's value; nil for the others.
    private func valueText(in language: Language) -> String? {
        switch self {
        case .date(let text):
            language.pick(
                "'\(text)'은(는) 날짜가 아닙니다. 2022-01-05, 2022/1/5, 2022年1月5日, 20220105 또는 Excel 날짜로 적어 주세요",
                "“\(text)”不是日期；请写成 2022-01-05、2022/1/5、2022年1月5日、20220105 或 Excel 日期",
                "'\(text)' is not a date; write it as 2022-01-05, 2022/1/5, 2022年1月5日, 20220105 or an Excel date")
        case .amount(let text):
            language.pick(
                "'\(text)'은(는) 금액이 아닙니다. 1000万元人民币, 500万美元, 1.2亿元처럼 적어 주세요",
                "“\(text)”不是金额；请写成 1000万元人民币、500万美元 或 1.2亿元",
                "'\(text)' is not an amount; write it as 1000万元人民币, 500万美元 or 1.2亿元")
        case .status(let text):
            language.pick(
                "'\(text)'은(는) 등기 상태가 아닙니다. 存续, 在业, 开业, 注销, 吊销, 迁出, 撤销, 停业 중 하나여야 합니다"
                    + "(영문 Active, Deregistered, Revoked, Moved out, Suspended, In liquidation도 읽습니다)",
                "“\(text)”不是登记状态；应为 存续、在业、开业、注销、吊销、迁出、撤销 或 停业"
                    + "（也可读英文 Active、Deregistered、Revoked、Moved out、Suspended、In liquidation）",
                "'\(text)' is not a registration status; expected 存续, 在业, 开业, 注销, 吊销, 迁出, 撤销 or 停业, or in "
                    + "English Active, Deregistered, Revoked, Moved out, Suspended or In liquidation")
        case .scientificRegistrationNumber(let text):
            language.pick(
                "'\(text)'은(는) 스프레드시트가 과학적 표기법의 숫자로 바꿔 자릿수를 잃은 등록번호입니다. 이 열을 텍스트로 "
                    + "내보내거나 기업의 신용코드를 입력해 주세요",
                "“\(text)”是被电子表格写成科学计数法的注册号，位数已丢失；请将该列按文本导出，或填写企业的统一社会信用代码",
                "'\(text)' is a registration number a spreadsheet wrote as a number in scientific notation, which "
                    + "loses its digits; export the column as text, or give the company's credit code")
        case .creditCode(let text, let problem):
            language.pick(
                "'\(text)'은(는) 유효한 신용코드가 아닙니다: \(problem.text(in: language)). 등기부에서 확인해 바로잡아 주세요",
                "“\(text)”不是有效的统一社会信用代码：\(problem.text(in: language))；请按登记信息更正",
                "'\(text)' is not a valid credit code: \(problem.text(in: language)); correct it from the registry")
        case .foundedAfterSnapshot(let founded, let snapshot):
            language.pick(
                "설립일 \(founded)이(가) 파일을 내보낸 날(\(snapshot))보다 늦습니다. 날짜를 바로잡거나, 내보낸 날을 기준일로 "
                    + "하여 파일을 다시 가져오세요",
                "成立日期 \(founded) 晚于导出日期（\(snapshot)）；请更正日期，或以导出当天为快照日期重新导入该文件",
                "the company is founded on \(founded), after the export was taken (\(snapshot)); correct the date, or "
                    + "import the file again with the day it was exported as its snapshot date")
        default: nil
        }
    }

    /// The reasons that concern the row as a whole, its name or its key.
    private func rowText(in language: Language) -> String {
        switch self {
        case .emptyName: language.pick("기업명이 비어 있습니다", "企业名称为空", "the company name is empty")
        case .noNameKey(let keys):
            language.pick(
                "이 객체에는 기업명 키(\(keys) …)가 없어 기업으로 읽지 않았습니다. 파일의 기업명이 다른 키에 있다면 매핑 "
                    + "파일(--profile)로 가져오세요",
                "该对象没有企业名称的键（\(keys) …），因此未作为企业读取；如果文件中的企业名称在其他键下，请用映射文件"
                    + "（--profile）导入",
                "the object has no key for a company's name (\(keys) …), so it is not read as a company; if the "
                    + "file's companies give their names under another key, import it with a mapping file (--profile)")
        case .unmatchedQuery:
            language.pick(
                "일괄 조회에서 이 행의 기업을 찾지 못했습니다. 직접 다시 조회해 주세요",
                "批量查询未匹配到该行的企业；请手动重新查询",
                "the batch query found no company for this row; look the company up again by hand")
        case .noIdentifier:
            language.pick(
                "기업을 식별할 신용코드, 등록번호, 지역이 모두 없습니다. 하나를 채워 주세요",
                "没有可以识别企业的统一社会信用代码、注册号或地区；请填写其中之一",
                "no credit code, registration number or region identifies the company; fill one in")
        case .nulCharacter:
            language.pick(
                "셀에 텍스트로 저장할 수 없는 NUL 문자(␀로 표시)가 있습니다. 파일에서 지운 뒤 다시 가져오세요",
                "单元格含有无法作为文本保存的 NUL 字符（显示为 ␀）；请从文件中删除后重新导入",
                "the cell holds a NUL character (shown as ␀), which cannot be stored as text; remove it from the file "
                    + "and import the file again")
        case .oneText(let text, let columns):
            language.pick(
                "헤더는 \(columns)열인데 이 행에는 텍스트 하나('\(text)')만 있습니다. 데이터 아래에 적힌 출처 같은 메모라면 "
                    + "할 일이 없고, 윗행에 이어지는 내용이라면 따옴표 없는 필드 속 줄바꿈이 그 행을 나눈 것입니다",
                "表头有 \(columns) 列，而该行只有一段文字（“\(text)”）：若是数据下方的来源说明之类的备注，无需处理；若是上一行的"
                    + "延续，则是未加引号的字段中的换行把那一行拆开了",
                "the row holds one text ('\(text)') where the header has \(columns) columns: a note such as the "
                    + "export's source below its data, which needs nothing; or, if it continues the row above, a line "
                    + "break in an unquoted field split that row")
        case .beyondLastColumn(let column, let lastColumn):
            language.pick(
                "이 행은 헤더의 마지막 열(\(lastColumn)) 너머인 \(column)열에 값이 있습니다. 그 열에 헤더를 붙이거나 셀을 "
                    + "비워 주세요",
                "该行在 \(column) 列有值，超出了表头的最后一列（\(lastColumn)）；请为该列加上表头，或清空该单元格",
                "the row has a value in column \(column), beyond the header's last column (\(lastColumn)); give that "
                    + "column a header, or clear the cell")
        case .width(let cells, let columns):
            widthText(cells: cells, columns: columns, in: language)
        case .date, .amount, .status, .scientificRegistrationNumber, .creditCode, .foundedAfterSnapshot:
            valueText(in: language) ?? ""
        }
    }

    private func widthText(cells: Int, columns: Int, in language: Language) -> String {
        let isShort = cells < columns
        return language.pick(
            "이 행은 \(cells)칸인데 헤더는 \(columns)열입니다. "
                + (isShort ? "파일이 잘렸거나 줄바꿈이 행을 나눴을 수 있습니다" : "필드에 따옴표 없는 구분자가 있을 수 있습니다"),
            "该行有 \(cells) 个单元格，而表头有 \(columns) 列；"
                + (isShort ? "文件可能被截断，或换行把该行拆开了" : "某个字段可能含有未加引号的分隔符"),
            "the row has \(cells) \(cells == 1 ? "cell" : "cells") but the header has \(columns); "
                + (isShort
                    ? "the file may be truncated or a line break split the row"
                    : "a field may hold an unquoted delimiter"))
    }
}

extension CreditCode.Problem {
    /// What is wrong with the code, in `language`.
    public func text(in language: Language) -> String {
        switch self {
        case .length(let count):
            language.pick(
                "\(count)자입니다(신용코드는 18자)", "有 \(count) 个字符，统一社会信用代码为 18 位",
                "has \(count) characters, a credit code has 18")
        case .scientific:
            language.pick(
                "스프레드시트가 과학적 표기법의 숫자로 바꿔 자릿수를 잃었습니다(저장할 때 이 열을 텍스트로 두세요)",
                "电子表格把它写成了科学计数法的数字，位数已丢失（保存时请将该列设为文本）",
                "a spreadsheet wrote it as a number in scientific notation, which loses its digits (keep the column "
                    + "as text when saving)")
        case .character(let character, let position):
            language.pick(
                "\(position)번째 문자 '\(character)'은(는) 쓸 수 없습니다(숫자와 I, O, S, V, Z를 뺀 대문자만 가능)",
                "第 \(position) 位“\(character)”不允许使用（只能是数字和除 I、O、S、V、Z 以外的大写字母）",
                "character \(position) '\(character)' is not allowed (digits and capitals except I, O, S, V, Z)")
        case .organisationCheck(let expected, let found):
            language.pick(
                "조직기구코드 검증 문자(17번째)가 '\(found)'이지만 GB 11714에 따르면 '\(expected)'입니다",
                "组织机构代码校验位（第 17 位）是“\(found)”，按 GB 11714 应为“\(expected)”",
                "the organisation-code check character (position 17) is '\(found)', GB 11714 gives '\(expected)'")
        case .check(let expected, let found):
            language.pick(
                "검증 문자(18번째)가 '\(found)'이지만 GB 32100에 따르면 '\(expected)'입니다",
                "校验位（第 18 位）是“\(found)”，按 GB 32100 应为“\(expected)”",
                "the check character (position 18) is '\(found)', GB 32100 gives '\(expected)'")
        }
    }
}
