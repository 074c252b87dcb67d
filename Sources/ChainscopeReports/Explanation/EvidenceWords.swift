import ChainscopeCore

/// The words of an explanation in one language.
struct EvidenceWords {
    let language: Language

    private func pick(_ ko: String, _ zh: String, _ en: String) -> String { language.pick(ko, zh, en) }

    var evidence: String { pick("근거:", "依据：", "Evidence:") }
    var noEvidence: String { pick("일치하는 용어가 없습니다.", "没有匹配的词语。", "No term matched.") }
    var term: String { pick("용어", "词语", "term") }

    func taxonomy(_ id: String, _ version: Int) -> String {
        pick("분류 체계 \(id) v\(version)", "分类体系 \(id) v\(version)", "Taxonomy \(id) v\(version)")
    }

    func stale(_ id: String) -> String {
        pick(
            "저장된 분류는 이전 분류 체계 파일로 만든 것이어서 지금 파일로 다시 분류했습니다. 저장하려면: chainscope classify --taxonomy \(id)",
            "数据库中的分类出自旧版分类体系文件，以上按当前文件重新分类；要保存请运行 chainscope classify --taxonomy \(id)",
            "The stored classification came from an earlier taxonomy file; this one is made with the current file. "
                + "To store it: chainscope classify --taxonomy \(id)")
    }

    func verdict(
        isMember: Bool, chain: String, layer: String?, confidence: String, score: String, threshold: String
    ) -> String {
        let layerText = layer ?? "-"
        if isMember {
            return pick(
                "\(chain)에 속함 — 주 계층: \(layerText), 신뢰도 \(confidence) (점수 \(score), 기준 \(threshold))",
                "属于\(chain) — 主层级：\(layerText)，置信度 \(confidence)（得分 \(score)，阈值 \(threshold)）",
                "In the \(chain) — main layer: \(layerText), confidence \(confidence) (score \(score), threshold \(threshold))"
            )
        }
        return pick(
            "\(chain)에 속하지 않음 (점수 \(score), 기준 \(threshold))",
            "不属于\(chain)（得分 \(score)，阈值 \(threshold)）",
            "Not in the \(chain) (score \(score), threshold \(threshold))")
    }

    /// Where a piece of evidence is: the field, and for the business scope its item unless `clause` is nil (the
    /// scope as a whole).
    func place(_ field: Evidence.Field, clause: Int?) -> String {
        switch (field, clause) {
        case (.name, _): pick("[회사명]", "[企业名称]", "[name]")
        case (.industry, _): pick("[업종]", "[行业]", "[industry]")
        case (.scope, nil): pick("[경영범위]", "[经营范围]", "[scope]")
        case (.scope, let clause?):
            pick("[경영범위 \(clause + 1)항]", "[经营范围第\(clause + 1)项]", "[scope, item \(clause + 1)]")
        }
    }

    func rule(_ rule: Evidence.Rule, trigger: String?) -> String {
        let word = trigger ?? ""
        switch rule {
        case .included: return pick("활동 항목으로 인정", "作为实际经营活动计入", "counted as an activity")
        case .leadingClause:
            return pick("앞쪽 항목이라 두드러짐, 인정", "位于前列，属突出项目，计入", "counted; prominent among the first items")
        case .name:
            return pick(
                "회사명에 있음 (이 세그먼트의 항목을 두드러지게 함)", "出现在企业名称中（使该环节的经营项目成为突出项目）",
                "in the company name (makes this segment's items prominent)")
        case .emptyScope:
            return pick(
                "경영범위가 비어 있어 회사명과 업종으로만 분류", "经营范围为空，仅按名称和行业分类",
                "the business scope is empty: classified from name and industry only")
        case .excludedByPhrase:
            return pick(
                "제외 문구 «\(word)»에 해당해 제외", "被排除短语«\(word)»覆盖，不计", "set aside: the exclusion «\(word)» covers it")
        case .excludedInClause:
            return pick(
                "같은 항목의 «\(word)» 때문에 활동이 아님", "同一项中有«\(word)»，不属实际活动", "set aside: «\(word)» in the same item")
        case .saleOnly:
            return pick(
                "판매만 하고 제조·개발하지 않는 제품이라 제외", "仅销售、未制造或研发该类产品，不计",
                "set aside: only sold, not made or developed, and this segment needs making")
        case .genericAlone:
            return pick(
                "일반 항목이 단독으로 있어 제외", "通用项目单独出现，不计", "set aside: a generic item with no other chain item")
        case .notProminent:
            return pick(
                "두드러지지 않고 기술 중심 기업도 아니라 제외", "既不突出，企业也非技术型，不计",
                "set aside: not prominent, and the company is not technology-centred")
        case .sameItem:
            return pick(
                "같은 항목이 이미 이 세그먼트로 계산됨", "同一项已为该环节计入", "already counted: same item, same segment")
        case .industrySupports: return pick("업종이 뒷받침함", "行业与之相符", "the industry supports it")
        case .industryContradicts: return pick("업종과 모순됨", "行业与之矛盾", "the industry contradicts it")
        }
    }
}
