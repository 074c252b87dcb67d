import Foundation

extension RegistrationStatus {
    /// The words exports use, most specific first: `吊销，已注销` is deregistered, `吊销，未注销` revoked.
    /// `撤消` is an older spelling of `撤销`; Hong Kong companies (listed by Qichacha) are `仍注册` or `已告解散`.
    static let phrases: [(String, RegistrationStatus)] = [
        ("未注销", .revoked), ("已注销", .deregistered), ("注销", .deregistered), ("吊销", .revoked),
        ("责令关闭", .revoked), ("迁出", .movedOut), ("撤销", .cancelled), ("撤消", .cancelled),
        ("已告解散", .deregistered), ("解散", .liquidating), ("仍注册", .active), ("停业", .suspended), ("歇业", .suspended),
        ("清算", .liquidating), ("存续", .active), ("在业", .active), ("开业", .active), ("在营", .active),
        ("在册", .active), ("正常", .active), ("登记成立", .active), ("迁入", .active),
    ]

    /// Reads a status column value; nil for an empty marker, or the reason it is not a known status.
    public static func parse(_ text: String) -> Result<RegistrationStatus?, ValueProblem> {
        guard !TextFolding.isEmptyMarker(text) else { return .success(nil) }
        let folded = TextFolding.halfWidth(text)
        for (phrase, status) in phrases where folded.includes(phrase) { return .success(status) }
        let english = folded.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            .joined(separator: " ")
        guard let status = englishWords[english] else { return .failure(ValueProblem(.status(text: text))) }
        return .success(status)
    }

    /// The English words of English-language exports and of Hong Kong's registry (`Live`, `Dissolved`), in lower
    /// case with single spaces.
    static let englishWords: [String: RegistrationStatus] = [
        "active": .active, "in business": .active, "existing": .active, "existence": .active, "registered": .active,
        "live": .active, "in operation": .active, "operating": .active, "normal": .active,
        "deregistered": .deregistered, "de registered": .deregistered, "cancelled": .deregistered,
        "canceled": .deregistered, "dissolved": .deregistered, "struck off": .deregistered,
        "revoked": .revoked, "license revoked": .revoked, "licence revoked": .revoked,
        "business license revoked": .revoked, "moved out": .movedOut, "relocated": .movedOut,
        "suspended": .suspended, "liquidation": .liquidating, "in liquidation": .liquidating,
        "liquidating": .liquidating, "winding up": .liquidating,
    ]
}

extension EntityKind {
    /// A registered entity's kind from its credit code, name and company type: credit codes beginning
    /// `92` and types naming 个体 are individual businesses; 分公司, 分支机构, 分店 and 分厂 are branches.
    public static func classify(creditCode: String?, name: String, companyType: String?) -> EntityKind {
        if creditCode?.hasPrefix("92") == true || companyType?.includes("个体") == true { return .individualBusiness }
        if branchWords.contains(where: { name.hasByteSuffix($0) || companyType?.includes($0) == true }) {
            return .branch
        }
        if companyType?.includes("分支") == true || companyType?.includes("非法人") == true { return .branch }
        return .company
    }

    private static let branchWords = ["分公司", "分支机构", "分店", "分厂", "营业部", "办事处"]
}
