import ChainscopeCore

/// The dashboard's own words in Korean, Chinese and English (the report's come from its catalogue).
enum DashboardText: String, CaseIterable {
    case product, skip, navigation, overview, chain, companies, districts, offerings, imports, reports, language
    case search, searchLabel, searchHint, layer, segment, district, status, member, any, members, nonMembers
    case foundedFrom, foundedTo, sort, sortEntry, sortName, sortFounded, sortFoundedDescending, apply, exportCSV,
        exportXLSX
    case name, creditCode, founded, nextPage, noResults, resultsFor
    case evidence, scope, highlighted, provenance, importedFrom, row, snapshot, contactsWithheld, classification
    case notClassified, capital, address, industry, kind, backToList
    case share, count, rank, examples, seeAll
    case policies, parks, programmes, issuer, benefits, source
    case file, rowsRead, stored, quarantined, duplicates, quarantineOf, column, value, reason, noImports, warnings
    case noQuarantine, fileLine, problem, rows, byProblem, firstRowsShown, quarantineCSV, quarantineOriginal
    case downloadReport, format, synthetic, notFound, noSuchPage, noSuchCompany, noSuchImport, error, apiLink
    case field, before, after
    case registrationNumber, identifiedBy, nameAndRegion
    case olderRows, olderExplained

    var words: (ko: String, zh: String, en: String) {
        switch self {
        case .product: ("Chainscope 산업사슬 대시보드", "Chainscope 产业链看板", "Chainscope industry-chain dashboard")
        case .skip: ("본문으로 건너뛰기", "跳到正文", "Skip to content")
        case .navigation: ("주 메뉴", "主导航", "Main navigation")
        case .overview: ("개요", "概览", "Overview")
        case .chain: ("밸류체인", "产业链", "Value chain")
        case .companies: ("기업 검색", "企业搜索", "Companies")
        case .districts: ("구·현별", "区县", "Districts")
        case .offerings: ("정책·단지·인재", "政策·园区·人才", "Policies, parks, programmes")
        case .imports: ("데이터 품질", "数据质量", "Imports and data quality")
        case .reports: ("보고서", "报告", "Reports")
        case .language: ("언어", "语言", "Language")
        case .search: ("검색", "搜索", "Search")
        case .searchLabel: ("기업명 또는 신용코드", "企业名称或信用代码", "Company name or credit code")
        case .searchHint:
            ("한 글자부터 검색됩니다 (예: 芯, 智能)", "一个字即可搜索（如：芯、智能）", "Works from one character (e.g. 芯, 智能)")
        case .layer: ("계층", "层级", "Layer")
        case .segment: ("세부 분야", "细分领域", "Segment")
        case .district: ("구·현", "区县", "District")
        case .status: ("등록 상태", "登记状态", "Status")
        case .member: ("산업사슬 소속", "是否属于产业链", "In the chain")
        case .any: ("전체", "全部", "Any")
        case .members: ("소속 기업만", "仅产业链企业", "Members only")
        case .nonMembers: ("비소속 기업만", "仅非产业链企业", "Non-members only")
        case .foundedFrom: ("설립일 (부터)", "成立日期（起）", "Founded from")
        case .foundedTo: ("설립일 (까지)", "成立日期（止）", "Founded until")
        case .sort: ("정렬", "排序", "Order")
        case .sortEntry: ("등록순", "录入顺序", "Order of entry")
        case .sortName: ("이름순", "按名称", "Name")
        case .sortFounded: ("설립일 오름차순", "成立日期（早→晚）", "Founded, oldest first")
        case .sortFoundedDescending: ("설립일 내림차순", "成立日期（晚→早）", "Founded, newest first")
        case .apply: ("적용", "应用", "Apply")
        case .exportCSV: ("CSV로 내보내기", "导出 CSV", "Export as CSV")
        case .exportXLSX: ("엑셀(XLSX)로 내보내기", "导出 Excel（XLSX）", "Export as Excel (XLSX)")
        case .name: ("기업명", "企业名称", "Name")
        case .creditCode: ("통일사회신용코드", "统一社会信用代码", "Credit code")
        case .founded: ("설립일", "成立日期", "Founded")
        case .nextPage: ("다음 페이지", "下一页", "Next page")
        case .noResults: ("조건에 맞는 기업이 없습니다.", "没有符合条件的企业。", "No company matches.")
        case .resultsFor: ("검색 결과", "搜索结果", "Results")
        case .evidence: ("판단 근거", "判定依据", "Evidence")
        case .scope: ("경영범위", "经营范围", "Business scope")
        case .highlighted:
            ("강조 표시는 분류 근거가 된 용어입니다.", "高亮为分类依据的词语。", "Highlighted: the terms the classification rests on.")
        case .provenance: ("출처", "来源", "Where this came from")
        case .importedFrom: ("가져온 파일", "导入文件", "Imported from")
        case .row: ("행", "行", "row")
        case .fileLine: ("파일 줄", "文件行", "line")
        case .snapshot: ("추출일", "导出日期", "export taken")
        case .contactsWithheld:
            (
                "연락처(전화·이메일)는 API 토큰이 있을 때만 표시됩니다.", "联系方式（电话、邮箱）仅对持有 API 令牌者显示。",
                "Contact data (phones, e-mail) is shown only with the API token."
            )
        case .classification: ("분류와 판단 근거", "分类与判定依据", "Classification and evidence")
        case .notClassified: ("아직 분류되지 않았습니다.", "尚未分类。", "Not classified yet.")
        case .capital: ("등록자본", "注册资本", "Registered capital")
        case .address: ("주소", "地址", "Address")
        case .industry: ("업종", "行业", "Industry")
        case .kind: ("유형", "类型", "Kind")
        case .backToList: ("기업 검색으로", "返回企业搜索", "Back to the company search")
        case .share: ("비중", "占比", "Share")
        case .count: ("기업 수", "企业数", "Companies")
        case .rank: ("순위", "排名", "Rank")
        case .examples: ("대표 기업", "代表企业", "Examples")
        case .seeAll: ("전체 보기", "查看全部", "See all")
        case .policies: ("정책", "政策", "Policies")
        case .parks: ("산업단지", "产业园区", "Parks")
        case .programmes: ("인재 프로그램", "人才计划", "Talent programmes")
        case .issuer: ("발표 기관", "发布机构", "Issuer")
        case .benefits: ("혜택", "优惠", "Benefits")
        case .source: ("출처", "来源", "Source")
        case .file: ("파일", "文件", "File")
        case .rowsRead: ("읽은 행", "读取行数", "Rows read")
        case .stored: ("저장", "已存储", "Stored")
        case .quarantined: ("격리", "已隔离", "Quarantined")
        case .duplicates: ("중복", "重复", "Duplicates")
        case .quarantineOf: ("격리된 행", "隔离的行", "Quarantined rows")
        case .olderRows: ("이전 추출본의 행", "旧于已存的行", "Rows older than the stored facts")
        case .olderExplained:
            (
                "더 나중에 내보낸 추출본을 이미 가져온 기업이라, 저장된 더 새로운 정보를 그대로 두었습니다.",
                "这些企业已从导出日期更晚的文件导入，保留了已存的较新信息。",
                "Their companies were already imported from an export taken later, whose newer facts stay."
            )
        case .noQuarantine: ("격리된 행이 없습니다.", "没有被隔离的行。", "No row was quarantined.")
        case .column: ("열", "列", "Column")
        case .value: ("값", "值", "Value")
        case .reason: ("사유", "原因", "Reason")
        case .problem: ("문제", "问题", "Problem")
        case .rows: ("행 수", "行数", "Rows")
        case .byProblem: ("열과 문제별", "按列和问题", "By column and problem")
        case .firstRowsShown:
            (
                "처음 {shown}행만 보입니다(전체 {total}행). 모든 행은 위의 CSV와 JSON에 있습니다.",
                "仅显示前 {shown} 行（共 {total} 行）。全部行见上方的 CSV 和 JSON。",
                "The first {shown} rows of {total}. Every row is in the CSV and JSON above."
            )
        case .quarantineCSV: ("CSV (사유 포함)", "CSV（含原因）", "CSV with reasons")
        case .quarantineOriginal:
            (
                "파일 그대로의 행 (CSV): 고쳐서 다시 올리세요",
                "按原文件的行（CSV）：改正后重新上传",
                "The rows as their file had them (CSV), to correct and upload again"
            )
        case .noImports: ("아직 가져온 등록부가 없습니다.", "尚未导入工商登记数据。", "No registry has been imported yet.")
        case .warnings: ("경고", "警告", "Warnings")
        case .downloadReport: ("보고서 내려받기", "下载报告", "Download a report")
        case .format: ("형식", "格式", "Format")
        case .synthetic:
            (
                "기업 데이터는 합성 표본입니다 (실제 기업 아님).", "企业数据为合成样本（非真实企业）。",
                "Company data is a synthetic sample (not real companies)."
            )
        case .notFound: ("찾을 수 없습니다", "未找到", "Not found")
        case .noSuchPage:
            (
                "이 주소에는 페이지가 없습니다. 위 메뉴에서 페이지를 고르세요.", "此地址没有页面，请从上方菜单中选择。",
                "there is no page at this address; choose one from the menu above."
            )
        case .noSuchCompany:
            (
                "이 ID를 가진 기업이 없습니다. 기업 검색에서 찾아보세요.", "没有此 ID 的企业，请在企业搜索中查找。",
                "no company has this id; look for it under Companies."
            )
        case .noSuchImport:
            (
                "이 번호의 가져오기가 없습니다. 데이터 품질 페이지에서 고르세요.", "没有此编号的导入，请在数据质量页中选择。",
                "no import has this number; choose one under Imports and data quality."
            )
        case .error: ("오류", "错误", "Error")
        case .apiLink: ("JSON API (OpenAPI)", "JSON API（OpenAPI）", "JSON API (OpenAPI)")
        case .field: ("항목", "项目", "Field")
        case .before: ("이전", "变更前", "Before")
        case .after: ("이후", "变更后", "After")
        case .registrationNumber: ("등록번호(注册号)", "注册号", "Registration number")
        case .identifiedBy: ("식별 기준", "识别依据", "Identified by")
        case .nameAndRegion:
            (
                "기업명과 지역 (신용코드·등록번호 없음)", "企业名称与所在地区（无统一社会信用代码和注册号）",
                "its name and region (no credit code or registration number)"
            )
        }
    }

    func text(_ language: Language) -> String { language.pick(words.ko, words.zh, words.en) }
}
