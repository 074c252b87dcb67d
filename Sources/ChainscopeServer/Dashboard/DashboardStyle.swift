import ChainscopeReports

/// The dashboard's style sheet: the report's, widened, plus navigation, forms and tables. Colours keep
/// at least 4.5:1 contrast; focus is always visible.
enum DashboardStyle {
    static let css =
        HTMLRenderer.style + """

            body { max-width: 72rem; margin: 0 auto; }
            .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.3rem; }
            header.site { border-bottom: 2px solid #1d5fa8; padding: 0.6rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem;
              align-items: baseline; }
            .product { margin: 0; font-weight: bold; } .product a { color: #1f2933; text-decoration: none; }
            header.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; }
            header.site a { color: #174a82; } header.site a[aria-current] { font-weight: bold; color: #1f2933; text-decoration: none; }
            a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, main:focus-visible {
              outline: 3px solid #b45309; outline-offset: 2px; }
            main { padding: 0.5rem 0 2rem; } footer.site { border-top: 1px solid #d9e2ec; padding: 0.6rem 0; font-size: 0.9rem; }
            form.search { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.6rem 1rem;
              background: #f5f7fa; padding: 0.8rem; border-radius: 4px; }
            .field { display: flex; flex-direction: column; gap: 0.2rem; } .field.wide { grid-column: 1 / -1; }
            .field small { color: #52606d; } label { font-weight: bold; font-size: 0.9rem; }
            input, select, button { font: inherit; padding: 0.3rem 0.4rem; border: 1px solid #7b8794; border-radius: 3px; }
            button { background: #174a82; color: #fff; border-color: #174a82; cursor: pointer; }
            .actions { display: flex; gap: 1rem; align-items: center; grid-column: 1 / -1; }
            table.companies { margin-top: 1rem; } .code { font-family: monospace; font-size: 0.85rem; }
            td.place, td.day { white-space: nowrap; } table.groups { margin-bottom: 1.5rem; }
            .count { color: #52606d; font-weight: normal; font-size: 0.9em; }
            ul.segments { list-style: none; padding-left: 0; } ul.segments h3 { font-size: 1rem; margin: 0.6rem 0 0.1rem; }
            ul.segments p { margin: 0; font-size: 0.92rem; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
            dl.facts dt { font-weight: bold; color: #3e4c59; } dl.facts dd { margin: 0; }
            mark { background: #fde68a; color: #1f2933; padding: 0 0.1em; }
            .scope { background: #f5f7fa; padding: 0.6rem; line-height: 1.8; } .hint, .cite { color: #52606d; font-size: 0.88rem; }
            ul.evidence li { margin-bottom: 0.2rem; }
            """
}
