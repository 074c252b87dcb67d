public import ChainscopeCore

extension RegistrationStatus {
    /// The status as a registry in each language calls it.
    public func label(_ language: Language) -> String {
        let words: (ko: String, zh: String, en: String) =
            switch self {
            case .active: ("존속", "存续", "Active")
            case .deregistered: ("말소", "注销", "Deregistered")
            case .revoked: ("취소", "吊销", "Licence revoked")
            case .movedOut: ("이전", "迁出", "Moved out")
            case .cancelled: ("등록 철회", "撤销", "Registration cancelled")
            case .suspended: ("휴업", "停业", "Suspended")
            case .liquidating: ("청산 중", "清算", "In liquidation")
            }
        return language.pick(words.ko, words.zh, words.en)
    }
}

extension EntityKind {
    /// The kind as a registry in each language calls it.
    public func label(_ language: Language) -> String {
        let words: (ko: String, zh: String, en: String) =
            switch self {
            case .company: ("법인", "企业法人", "Company")
            case .branch: ("분공사(지점)", "分公司", "Branch")
            case .individualBusiness: ("개체공상호", "个体工商户", "Individual business")
            case .group: ("기업집단", "企业集团", "Business group")
            }
        return language.pick(words.ko, words.zh, words.en)
    }
}
