/// A company in a region's industry: from the registry, or named in a dataset.
public struct Company: Codable, Hashable, Sendable, Identifiable {
    public var key: CompanyKey
    public var names: LocalizedText
    public var creditCode: String?
    public var registrationNumber: String?
    public var kind: EntityKind
    public var status: RegistrationStatus?
    public var founded: CalendarDate?
    public var registeredCapital: Money?
    /// The registered capital as the source wrote it, kept beside the parsed amount.
    public var registeredCapitalText: String?
    public var region: RegionCode?
    public var address: String?
    public var businessScope: String?
    /// GB/T 4754-2017 class code.
    public var industryCode: String?
    /// The most specific industry name the source gives (国标行业 class, group or division).
    public var industryName: String?
    /// Cited findings about the company, such as a ranking.
    public var notes: [CitedText]
    public var provenance: Provenance

    public var id: CompanyKey { key }

    public init(
        key: CompanyKey, names: LocalizedText, creditCode: String? = nil, registrationNumber: String? = nil,
        kind: EntityKind = .company, status: RegistrationStatus? = nil, founded: CalendarDate? = nil,
        registeredCapital: Money? = nil, registeredCapitalText: String? = nil, region: RegionCode? = nil,
        address: String? = nil, businessScope: String? = nil, industryCode: String? = nil,
        industryName: String? = nil, notes: [CitedText] = [], provenance: Provenance
    ) {
        self.key = key
        self.names = names
        self.creditCode = creditCode
        self.registrationNumber = registrationNumber
        self.kind = kind
        self.status = status
        self.founded = founded
        self.registeredCapital = registeredCapital
        self.registeredCapitalText = registeredCapitalText
        self.region = region
        self.address = address
        self.businessScope = businessScope
        self.industryCode = industryCode
        self.industryName = industryName
        self.notes = notes
        self.provenance = provenance
    }
}

/// What identifies a company: its unified social credit code, else its old registration number,
/// else its name within a region (marked so, since names change).
public enum CompanyKey: Hashable, Sendable, CanonicalText, CustomStringConvertible {
    case creditCode(String)
    case registrationNumber(String)
    case name(String, region: RegionCode)

    /// A stable text form: `uscc:…`, `regno:…`, `name:330100:…`.
    public var description: String {
        switch self {
        case .creditCode(let code): "uscc:\(code)"
        case .registrationNumber(let number): "regno:\(number)"
        case .name(let name, let region): "name:\(region):\(name)"
        }
    }

    public init?(canonicalText: String) { self.init(canonicalText) }

    public var canonicalText: String { description }

    public static var expectedText: String { "a company key: uscc:…, regno:… or name:REGION:…" }

    /// Parses the text form written by `description`.
    public init?(_ text: String) {
        if text.hasPrefix("uscc:") {
            self = .creditCode(String(text.dropFirst(5)))
        } else if text.hasPrefix("regno:") {
            self = .registrationNumber(String(text.dropFirst(6)))
        } else if text.hasPrefix("name:"), text.count > 12,
            let region = RegionCode(rawValue: String(text.dropFirst(5).prefix(6)))
        {
            self = .name(String(text.dropFirst(12)), region: region)
        } else {
            return nil
        }
    }
}

/// The kind of registered entity; only companies count as companies unless a user asks otherwise.
public enum EntityKind: String, Codable, Hashable, Sendable, CaseIterable {
    case company
    /// 分公司, 分支机构
    case branch
    /// 个体工商户 (credit codes beginning `92`)
    case individualBusiness = "individual_business"
    /// A business group named in a source, not one registered entity (阿里巴巴 as a group).
    case group
}

/// The registration status, reduced to what indicators need.
public enum RegistrationStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// 存续, 在业, 开业, 在营, 在册
    case active
    /// 注销
    case deregistered
    /// 吊销
    case revoked
    /// 迁出
    case movedOut = "moved_out"
    /// 撤销
    case cancelled
    /// 停业, 歇业
    case suspended
    /// 清算
    case liquidating
}
