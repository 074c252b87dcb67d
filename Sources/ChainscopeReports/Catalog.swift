public import ChainscopeCore

/// The fixed phrases of Chainscope's output in Korean, Chinese and English.
public enum Phrase: Hashable, Sendable {
    case section(Topic)
    case valueChain
    case sources
    case majorCompanies
    case programme
    case namedDomains
    case benefits
    case datasetLine(id: String, version: Int)
    case synthetic
    case after([String])
    case exceeds(String)
    case qualified(Qualifier, String)
    case via
    case derived(formula: String, rounding: String?)
    case unknownParts
    case perTeam(String)
    case noChineseTitle
    case sampleRegistry(rows: String, stored: String, quarantined: String, importID: Int64)
    /// Members of a chain among the classified companies, with the count per main layer (already in
    /// the language, e.g. "기초층 210").
    case chainMembers(chain: String, members: String, classified: String, layers: [String])
    /// A chart of one measure over the years, with the legend of a derived point and the axis.
    case derivedPoint
    case year
    /// The unit of a yuan axis: 亿 for Chinese and Korean readers, billions for English ones.
    case yuanAxis
}

/// A phrase written in Korean, Chinese and English.
protocol Trilingual {
    var korean: String { get }
    var chinese: String { get }
    var english: String { get }
}

extension Trilingual {
    /// The phrase in `language`.
    func localized(in language: Language) -> String {
        switch language {
        case .ko: korean
        case .zh: chinese
        case .en: english
        }
    }
}

extension Phrase: Trilingual {
    /// The phrase in `language`.
    public func text(in language: Language) -> String { localized(in: language) }

    var korean: String {
        switch self {
        case .section(let topic): Self.sectionNames[topic]![0]
        case .valueChain: "산업 밸류체인"
        case .sources: "출처"
        case .majorCompanies: "주요 기업"
        case .programme: "인재 프로그램"
        case .namedDomains: "명시된 분야"
        case .benefits: "입주 기업 혜택"
        case .datasetLine(let id, let version): "데이터셋 \(id) (버전 \(version))"
        case .synthetic: "합성 샘플 데이터"
        case .after(let names): "(\(names.joined(separator: ", ")) 다음)"
        case .exceeds(let period): "\(period) 전체를 이미 넘어섬"
        case .qualified(.about, let value): "약 \(value)"
        case .qualified(.upTo, let value): "최대 \(value)"
        case .qualified(.moreThan, let value): "\(value) 이상"
        case .qualified(.exact, let value): value
        case .via: "경유"
        case .derived(let formula, let rounding):
            "Chainscope 계산: \(formula)" + (rounding.map { ", \($0) 단위 반올림" } ?? "")
        case .unknownParts: "게재일·제목·URL 미상"
        case .perTeam(let amount): "팀당 \(amount)"
        case .noChineseTitle: "중국어 원제목 미상"
        case .sampleRegistry(let rows, let stored, let quarantined, let importID):
            "합성 샘플 등기부(실제 기업 아님): \(rows)행 가져옴 — 기업 \(stored)곳 저장, \(quarantined)행 격리 (가져오기 #\(importID))"
        case .derivedPoint: "Chainscope 계산"
        case .year: "연도"
        case .yuanAxis: "억 위안"
        case .chainMembers(let chain, let members, let classified, let layers):
            "분류된 기업 \(classified)곳 중 \(members)곳이 \(chain)에 속함 (\(layers.joined(separator: ", "))) — "
                + "근거는 chainscope explain 신용코드"
        }
    }

    var chinese: String {
        switch self {
        case .section(let topic): Self.sectionNames[topic]![1]
        case .valueChain: "产业链"
        case .sources: "来源"
        case .majorCompanies: "主要企业"
        case .programme: "人才计划"
        case .namedDomains: "列明的领域"
        case .benefits: "入驻企业优惠"
        case .datasetLine(let id, let version): "数据集 \(id)（版本 \(version)）"
        case .synthetic: "合成样本数据"
        case .after(let names): "（仅次于\(names.joined(separator: "、"))）"
        case .exceeds(let period): "已超过\(period)全年"
        case .qualified(.about, let value): "约\(value)"
        case .qualified(.upTo, let value): "最高\(value)"
        case .qualified(.moreThan, let value): "超过\(value)"
        case .qualified(.exact, let value): value
        case .via: "转引自"
        case .derived(let formula, let rounding): "Chainscope 计算：\(formula)" + (rounding.map { "，按\($0)取整" } ?? "")
        case .unknownParts: "发表日期、标题和网址不详"
        case .perTeam(let amount): "每个团队\(amount)"
        case .noChineseTitle: "中文原标题不详"
        case .sampleRegistry(let rows, let stored, let quarantined, let importID):
            "合成样本工商数据（非真实企业）：导入\(rows)行，存储企业\(stored)家，隔离\(quarantined)行（导入 #\(importID)）"
        case .derivedPoint: "Chainscope 计算"
        case .year: "年份"
        case .yuanAxis: "亿元"
        case .chainMembers(let chain, let members, let classified, let layers):
            "已分类企业\(classified)家中，\(members)家属于\(chain)（\(layers.joined(separator: "，"))）— 依据见 chainscope explain 信用代码"
        }
    }

    var english: String {
        switch self {
        case .section(let topic): Self.sectionNames[topic]![2]
        case .valueChain: "Value chain"
        case .sources: "Sources"
        case .majorCompanies: "Major companies"
        case .programme: "Talent programme"
        case .namedDomains: "Named domains"
        case .benefits: "Benefits for tenants"
        case .datasetLine(let id, let version): "Dataset \(id) (version \(version))"
        case .synthetic: "Synthetic sample data"
        case .after(let names): "after " + Self.englishList(names)
        case .exceeds(let period): "already more than in all of \(period)"
        case .qualified(.about, let value): "about \(value)"
        case .qualified(.upTo, let value): "up to \(value)"
        case .qualified(.moreThan, let value): "more than \(value)"
        case .qualified(.exact, let value): value
        case .via: "via"
        case .derived(let formula, let rounding):
            "Derived by Chainscope: \(formula)" + (rounding.map { ", rounded to the nearest \($0)" } ?? "")
        case .unknownParts: "date, headline and URL not known"
        case .perTeam(let amount): "\(amount) per team"
        case .noChineseTitle: "Chinese title not known"
        case .sampleRegistry(let rows, let stored, let quarantined, let importID):
            "Synthetic sample registry (not real companies): \(rows) rows imported, \(stored) companies stored, "
                + "\(quarantined) rows quarantined (import #\(importID))"
        case .derivedPoint: "derived by Chainscope"
        case .year: "year"
        case .yuanAxis: "billion yuan"
        case .chainMembers(let chain, let members, let classified, let layers):
            "\(members) of \(classified) classified companies are in the \(chain) (\(layers.joined(separator: ", "))); "
                + "chainscope explain CREDIT_CODE shows why"
        }
    }

    private static let sectionNames: [Topic: [String]] = [
        .standing: ["위상", "地位", "Standing"],
        .applicationDomains: ["스마트시티 응용 분야", "智慧城市应用领域", "Smart-city application domains"],
        .market: ["시장 규모", "市场规模", "Market size"],
        .strengths: ["강점과 특허", "优势与专利", "Strengths and patents"],
        .companies: ["기업", "企业", "Companies"],
        .talent: ["인재", "人才", "Talent"],
        .parks: ["산업단지", "产业园区", "Industrial parks"],
        .policies: ["정책", "政策", "Policies"],
        .outlook: ["전망", "展望", "Outlook"],
    ]

    static func englishList(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
