import ChainscopeCore

/// A field Chainscope reads from a registry export, with every header spelling it is known by.
public enum RegistryField: String, CaseIterable, Sendable, Hashable, Codable {
    case name
    case creditCode = "credit_code"
    case registrationNumber = "registration_number"
    case organisationCode = "organisation_code"
    case taxpayerNumber = "taxpayer_number"
    case legalRepresentative = "legal_representative"
    case status
    case founded
    case approved
    case businessTerm = "business_term"
    case capital
    case paidInCapital = "paid_in_capital"
    case province
    case city
    case district
    case region
    case companyType = "company_type"
    case size
    case industrySection = "industry_section"
    case industryDivision = "industry_division"
    case industryGroup = "industry_group"
    case industryClass = "industry_class"
    case industry
    case formerNames = "former_names"
    case englishName = "english_name"
    case address
    case annualReportAddress = "annual_report_address"
    case mailingAddress = "mailing_address"
    case phone
    case morePhones = "more_phones"
    case email
    case moreEmails = "more_emails"
    case website
    case insuredEmployees = "insured_employees"
    case scope

    /// Header spellings, compared after folding width, case, spaces and brackets; the camel-case ones are the
    /// keys of Tianyancha's (`estiblishTime`, `regCapital`) and Qichacha's (`RegistCapi`, `OperName`) data
    /// services, as JSON lines carry them.
    public var synonyms: [String] {
        switch self {
        case .name:
            [
                "企业名称", "公司名称", "名称", "企业名", "系统匹配企业名称", "市场主体名称", "主体名称", "单位名称", "company name", "name",
                "enterprise name",
            ]
        case .creditCode:
            ["统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "统一代码", "unified social credit code", "credit code", "uscc"]
        case .registrationNumber:
            ["注册号", "工商注册号", "营业执照注册号", "registration number", "reg no", "registration no", "regNumber"]
        case .organisationCode:
            ["组织机构代码", "组织机构码", "机构代码", "organization code", "organisation code", "orgNumber", "OrgNo"]
        case .taxpayerNumber: ["纳税人识别号", "纳税人识别码", "税号", "taxpayer id", "taxpayer number", "taxNumber"]
        case .legalRepresentative:
            [
                "法定代表人", "企业法人", "法人", "法人代表", "负责人", "经营者", "执行事务合伙人", "legal representative",
                "legalPersonName", "OperName",
            ]
        case .status: ["登记状态", "经营状态", "企业状态", "状态", "存续状态", "registration status", "status", "regStatus"]
        case .founded:
            [
                "成立日期", "成立时间", "注册日期", "注册时间", "成立年份", "设立日期", "founded", "date of establishment",
                "establishment date", "incorporation date", "estiblishTime", "establishTime", "StartDate",
            ]
        case .approved: ["核准日期", "核准时间", "发照日期", "approval date", "approved", "approvedTime", "CheckDate"]
        case .businessTerm: ["营业期限", "经营期限", "营业期限自", "business term", "operating period"]
        case .capital: ["注册资本", "注册金额", "注册资金", "注册资本金", "registered capital", "capital", "regCapital", "RegistCapi"]
        case .paidInCapital:
            ["实缴资本", "实缴资金", "实收资本", "paid-in capital", "paid in capital", "actualCapital", "RecCap"]
        case .province: ["所属省份", "省份", "所在省份", "省", "province"]
        case .city: ["所属城市", "城市", "所在城市", "地级市", "市", "city"]
        case .district: ["所属区县", "区县", "所在区县", "区/县", "县区", "district", "county"]
        case .region: ["所属地区", "地区", "所在地区", "区域", "region"]
        case .companyType:
            [
                "公司类型", "企业类型", "企业（机构）类型", "企业(机构)类型", "机构类型", "类型", "company type", "entity type", "type",
                "companyOrgType", "EconKind",
            ]
        case .size: ["企业规模", "规模", "企业划型", "company size", "size", "staffNumRange"]
        case .industrySection: ["国标行业门类", "行业门类", "门类", "industry section"]
        case .industryDivision: ["国标行业大类", "行业大类", "大类", "industry division"]
        case .industryGroup: ["国标行业中类", "行业中类", "中类", "industry group"]
        case .industryClass: ["国标行业小类", "行业小类", "小类", "industry class"]
        case .industry: ["所属行业", "行业", "行业分类", "industry"]
        case .formerNames: ["曾用名", "曾经用名", "历史名称", "former names", "former name", "historyNames", "OriginalName"]
        case .englishName: ["英文名", "英文名称", "english name"]
        case .address:
            [
                "企业地址", "注册地址", "公司地址", "地址", "详细地址", "住所", "经营场所", "注册地", "address", "registered address",
                "regLocation",
            ]
        case .annualReportAddress: ["最新年报地址", "年报地址", "annual report address"]
        case .mailingAddress: ["通信地址", "通讯地址", "联系地址", "mailing address"]
        case .phone: ["电话", "电话号码", "有效手机号", "联系电话", "手机", "phone", "telephone", "phone number"]
        case .morePhones: ["更多电话", "补充电话", "其他电话", "more phones"]
        case .email: ["邮箱", "电子邮箱", "email", "e-mail"]
        case .moreEmails: ["更多邮箱", "其他邮箱", "more emails"]
        case .website: ["网址", "企业官网", "官网", "网站", "website", "url", "websiteList"]
        case .insuredEmployees: ["参保人数", "社保人数", "insured employees", "socialStaffNum"]
        case .scope: ["经营范围", "业务范围", "business scope", "scope"]
        }
    }

    /// The fields a layout must have one of each group of.
    static let requiredGroups: [[RegistryField]] = [[.name], [.creditCode, .registrationNumber]]

    /// Folds a header the way synonyms are compared: width, case, whitespace, brackets and `*` marks.
    static func fold(_ header: String) -> String {
        let halfWidth = TextFolding.halfWidth(header)
        return String(halfWidth.lowercased().filter { !$0.isWhitespace && !"()*:：".contains($0) })
    }

    /// A header's name and the qualifier in brackets at its end: `注册资本(万元)` → (`注册资本`, `万元`),
    /// `注册资本（单位：万元）` → (`注册资本`, `单位:万元`); nil for a header without one.
    static func qualified(_ header: String) -> (name: String, qualifier: String)? {
        let text = TextFolding.halfWidth(header).trimmed
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        let name = text[..<open].trimmed
        let qualifier = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmed
        guard !name.isEmpty, !qualifier.isEmpty else { return nil }
        return (name, qualifier)
    }

    /// Every folded synonym with its field.
    static let byFoldedSynonym: [String: RegistryField] = {
        var table: [String: RegistryField] = [:]
        for field in RegistryField.allCases {
            for synonym in field.synonyms where table[fold(synonym)] == nil { table[fold(synonym)] = field }
        }
        return table
    }()
}
