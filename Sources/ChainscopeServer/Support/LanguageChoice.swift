import ChainscopeCore
import Foundation
import Hummingbird
import HummingbirdCore

/// The dashboard's language: `?lang=` (which the language switch sends and a cookie then remembers),
/// else the cookie, else the best of `Accept-Language`, else the server's default.
struct LanguageChoice: Sendable {
    static let cookieName = "chainscope_lang"

    let language: Language
    /// Whether the choice came from `?lang=` and should be remembered.
    let isNewChoice: Bool

    init(request: Request, fallback: Language) {
        if let text = request.uri.queryParameters.get("lang"), let language = Language(rawValue: text) {
            self.language = language
            isNewChoice = true
            return
        }
        isNewChoice = false
        if let text = request.cookies[Self.cookieName]?.value, let language = Language(rawValue: text) {
            self.language = language
        } else {
            self.language = Self.negotiate(request.headers[.acceptLanguage]) ?? fallback
        }
    }

    /// The language of `Accept-Language` with the highest weight among ko, zh and en (`zh-CN`,
    /// `ko-KR;q=0.8` …); ties go to the one listed first.
    static func negotiate(_ header: String?) -> Language? {
        guard let header else { return nil }
        var best: (language: Language, weight: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard let language = Language(rawValue: primary) else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language
    }

    /// The cookie that remembers a choice for a year.
    var cookie: Cookie {
        Cookie(name: Self.cookieName, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", sameSite: .lax)
    }
}
