import ChainscopeCore
import ChainscopeReports
import Foundation
import Hummingbird
import HummingbirdCore

/// The frame every dashboard page shares: skip link, navigation, language switch, the page, and a
/// notice when company data is synthetic. Plain HTML and one style sheet; nothing is fetched from
/// elsewhere, so the dashboard works offline.
struct PageFrame {
    let language: Language
    let request: Request
    let active: DashboardText?
    var isSynthetic = false

    static let sections: [(DashboardText, String)] = [
        (.overview, "/"), (.chain, "/chain"), (.companies, "/companies"), (.districts, "/districts"),
        (.offerings, "/offerings"), (.imports, "/imports"), (.reports, "/reports"),
    ]

    func text(_ key: DashboardText) -> String { key.text(language) }

    /// The page's subject (a path parameter, as the address spells it) is not there: a 404 saying so in the
    /// page's language.
    func missing(_ subject: String, _ reason: DashboardText) -> Problem {
        var problem = Problem(.notFound, text(reason))
        problem.subject = subject.removingPercentEncoding ?? subject
        return problem
    }

    func render(title: String, body: String) -> String {
        let navigation = Self.sections.map { key, path in
            let current = key == active ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(path)\"\(current)>\(HTML.escape(text(key)))</a></li>"
        }.joined()
        let languages = Language.allCases.map { other in
            let current = other == language ? " aria-current=\"true\"" : ""
            let label = Self.languageName(other)
            return "<li><a href=\"\(HTML.escape(link(language: other)))\" lang=\"\(HTMLRenderer.languageTag(other))\""
                + " hreflang=\"\(HTMLRenderer.languageTag(other))\"\(current)>\(label)</a></li>"
        }.joined()
        let notice = isSynthetic ? "<p class=\"banner\" role=\"note\">\(HTML.escape(text(.synthetic)))</p>" : ""
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLRenderer.languageTag(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · Chainscope</title>
            <link rel="stylesheet" href="/assets/chainscope.css">
            </head>
            <body>
            <a class="skip" href="#content">\(HTML.escape(text(.skip)))</a>
            <header class="site">
            <p class="product"><a href="/">\(HTML.escape(text(.product)))</a></p>
            <nav aria-label="\(HTML.escape(text(.navigation)))"><ul class="sections">\(navigation)</ul></nav>
            <nav aria-label="\(HTML.escape(text(.language)))"><ul class="languages">\(languages)</ul></nav>
            </header>
            <main id="content" tabindex="-1">
            \(notice)\(body)
            </main>
            <footer class="site"><a href="/api/v1/openapi.json">\(HTML.escape(text(.apiLink)))</a></footer>
            </body>
            </html>

            """
    }

    /// This page in another language: the same path and parameters with `lang` replaced.
    func link(language other: Language) -> String {
        request.uri.path + "?" + HTML.query(of: request, without: ["lang"], adding: ["lang": other.rawValue])
    }

    static func languageName(_ language: Language) -> String {
        switch language {
        case .ko: "한국어"
        case .zh: "中文"
        case .en: "English"
        }
    }
}

/// Escaping for HTML text and attributes, and for URL query values.
enum HTML {
    /// Text for HTML as the report writes it (attributes here are always in double quotes).
    static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

    /// A request's query parameters, some left out and some set, percent-encoded.
    static func query(of request: Request, without names: Set<String>, adding added: [String: String] = [:]) -> String {
        let kept = request.uri.queryParameters.filter { !names.contains(String($0.key)) }
            .map { (String($0.key), String($0.value)) }
        return (kept + added.sorted { $0.key < $1.key }).map { "\(percentEncode($0))=\(percentEncode($1))" }
            .joined(separator: "&")
    }

    /// Every byte but ASCII letters, digits and `-._~` percent-encoded, so the result is plain ASCII.
    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet()
        allowed.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A page as a response in `choice`'s language, remembering a new choice in a cookie.
    static func response(_ html: String, choice: LanguageChoice, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .contentLanguage: HTMLRenderer.languageTag(choice.language),
                .vary: "Accept-Language, Cookie",
            ], body: .init(byteBuffer: ByteBuffer(string: html)))
        if choice.isNewChoice { response.setCookie(choice.cookie) }
        return response
    }
}
