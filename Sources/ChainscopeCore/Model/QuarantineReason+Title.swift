/// Short names for the kinds of reason, for tables that count quarantined rows by kind.
extension QuarantineReason {
    /// What a reason's code stands for, in a few words of `language`; nil for a code this version does not know.
    public static func title(ofCode code: String, in language: Language) -> String? {
        guard let words = titles[code] else { return nil }
        return language.pick(words.ko, words.zh, words.en)
    }

    private static let titles: [String: (ko: String, zh: String, en: String)] = [
        "date": ("날짜로 읽을 수 없음", "无法识别的日期", "not a date"),
        "amount": ("금액으로 읽을 수 없음", "无法识别的金额", "not an amount"),
        "status": ("알 수 없는 등기 상태", "无法识别的登记状态", "not a registration status"),
        "registrationNumber.scientific": (
            "과학적 표기법으로 바뀐 등록번호", "被写成科学计数法的注册号", "registration number in scientific notation"
        ),
        "creditCode.length": ("신용코드 길이가 18자가 아님", "信用代码不是 18 位", "credit code not 18 characters long"),
        "creditCode.scientific": (
            "과학적 표기법으로 바뀐 신용코드", "被写成科学计数法的信用代码", "credit code in scientific notation"
        ),
        "creditCode.character": ("신용코드에 쓸 수 없는 문자", "信用代码含无效字符", "credit code with an invalid character"),
        "creditCode.organisationCheck": (
            "신용코드의 조직기구코드 검증 문자 오류", "信用代码的组织机构代码校验位错误", "credit code failing its organisation-code check"
        ),
        "creditCode.check": ("신용코드 검증 문자 오류", "信用代码校验位错误", "credit code failing its check character"),
        "founded.afterSnapshot": ("내보낸 날보다 늦은 설립일", "成立日期晚于导出日期", "founded after the export was taken"),
        "name.empty": ("기업명 없음", "企业名称为空", "no company name"),
        "name.noKey": ("기업명 키가 없는 객체", "没有企业名称键的对象", "object without a company-name key"),
        "name.unmatched": ("일괄 조회에서 찾지 못한 기업", "批量查询未匹配的企业", "company a batch query did not find"),
        "key.none": ("식별할 코드나 지역 없음", "没有可识别的代码或地区", "no code or region to identify it"),
        "cell.nul": ("NUL 문자가 있는 셀", "含 NUL 字符的单元格", "cell with a NUL character"),
        "row.oneText": ("텍스트 하나뿐인 행", "只有一段文本的行", "row of a single text"),
        "row.beyondLastColumn": ("마지막 열 뒤의 값", "最后一列之后的值", "value beyond the last column"),
        "row.width": ("열 수가 헤더와 다른 행", "列数与表头不符的行", "row with a different number of cells"),
    ]
}
