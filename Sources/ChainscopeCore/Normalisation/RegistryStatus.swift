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
        switch folded.lowercased().trimmed {
        case "active", "in business", "existing": return .success(.active)
        case "deregistered", "cancelled", "canceled": return .success(.deregistered)
        case "revoked": return .success(.revoked)
        default:
            return .failure(ValueProblem(.status(text: text)))
        }
    }
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
