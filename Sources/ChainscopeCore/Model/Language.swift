/// A language Chainscope writes in: Korean, Chinese (simplified) or English.
public enum Language: String, CaseIterable, Codable, Hashable, Sendable {
    case ko
    case zh
    case en

    /// Of the same words in Korean, Chinese and English, the one in this language.
    public func pick(_ ko: String, _ zh: String, _ en: String) -> String {
        switch self {
        case .ko: ko
        case .zh: zh
        case .en: en
        }
    }
}

/// A short text in several languages; any of them may be unknown.
public struct LocalizedText: Codable, Hashable, Sendable {
    public var zh: String?
    public var ko: String?
    public var en: String?

    public init(zh: String? = nil, ko: String? = nil, en: String? = nil) {
        self.zh = zh
        self.ko = ko
        self.en = en
    }

    public subscript(language: Language) -> String? {
        get {
            switch language {
            case .zh: zh
            case .ko: ko
            case .en: en
            }
        }
        set {
            switch language {
            case .zh: zh = newValue
            case .ko: ko = newValue
            case .en: en = newValue
            }
        }
    }

    /// True when no language has a text.
    public var isEmpty: Bool { Language.allCases.allSatisfy { self[$0] == nil } }

    /// The text in `language`, else English, else Chinese, else Korean; empty when none is known.
    public func text(in language: Language) -> String {
        let order: [Language] = [language, .en, .zh, .ko]
        return order.lazy.compactMap { self[$0] }.first ?? ""
    }
}
