import ChainscopeCore

/// The phrases of the registry sections of a report, in Korean, Chinese and English.
enum ReportPhrase: Hashable, Sendable, Trilingual {
    case registrationsSection
    case chainSection
    case districtsSection
    case qualitySection
    case monthlyChart(chain: String)
    case districtChart(chain: String)
    case companies
    case foundingMonth
    case district
    case layer
    case segment
    case share
    case layersTable(chain: String)
    case segmentsTable(chain: String)
    case yearToDate(months: String, count: String, before: String, beforeCount: String, growth: String?)
    case wholeYear(year: String, count: String, exceededBy: String?)
    case source
    case column
    case countNote(imports: String, taxonomy: String, window: String, synthetic: Bool)
    case importLine(id: Int64, file: String, snapshot: String, stored: String)
    case importsTable
    case importHeaders
    case quarantineTable
    case rows
    case problem
    case examples
    /// Where a quarantined row is: its import, sheet and row.
    case place(importID: Int64, sheet: String?, row: Int)
    /// A quarantined row's place and its value.
    case example(place: String, value: String)
    case listSeparator
    /// Where each quarantined row's reason is: `importID` when one import quarantined rows.
    case quarantineHint(importID: Int64?)
    case noData
    case syntheticBanner
    case foundedBy(String)
    case allFounded
    case noRegistry
    case examplesSection
    case segmentLine(segment: String, count: String, share: String)
    case explainHint
    case noImportBy(String)
    case statusTable(chain: String)
    case active
    case closed
    case otherStatus
    case capital(String)

    func text(in language: Language) -> String { localized(in: language) }

    var korean: String {
        switch self {
        case .registrationsSection: "등기부 신규 등록"
        case .chainSection: "층과 세부 분야"
        case .districtsSection: "구·현별 분포"
        case .qualitySection: "데이터 품질"
        case .monthlyChart(let chain): "\(chain) 월별 신규 등록 기업"
        case .districtChart(let chain): "\(chain) 기업의 구·현별 분포"
        case .companies: "기업 수"
        case .foundingMonth: "설립 월"
        case .district: "구·현"
        case .layer: "층"
        case .segment: "세부 분야"
        case .share: "비중"
        case .layersTable(let chain): "\(chain) 층별 기업"
        case .segmentsTable(let chain): "\(chain) 세부 분야별 기업 (한 기업이 여러 분야에 속할 수 있음)"
        case .yearToDate(let months, let count, let before, let beforeCount, let growth):
            "\(months) 신규 등록 \(count)곳, 전년 같은 기간(\(before)) \(beforeCount)곳"
                + (growth.map { ", 증감 \($0)" } ?? "")
        case .wholeYear(let year, let count, let exceededBy):
            "\(year)년 전체 \(count)곳" + (exceededBy.map { " — \($0)에 이미 넘어섬" } ?? "")
        case .source: "출처"
        case .column: "열"
        case .countNote(let imports, let taxonomy, let window, let synthetic):
            "Chainscope 등기부 집계: \(imports); 분류 체계 \(taxonomy); \(window)" + (synthetic ? "; 합성 샘플 데이터(실제 기업 아님)" : "")
        case .importLine(let id, let file, let snapshot, let stored):
            "가져오기 #\(id) \(file)(기준일 \(snapshot), 기업 \(stored)곳)"
        case .importsTable: "가져온 파일"
        case .importHeaders: "#|파일|기준일|읽은 행|저장|격리|중복"
        case .quarantineTable: "격리된 행과 사유"
        case .rows: "행 수"
        case .problem: "문제"
        case .examples: "예 (위치와 값)"
        case .place(let id, let sheet, let row): "#\(id) " + (sheet.map { "\($0) " } ?? "") + "\(row)행"
        case .example(let place, let value): "\(place): \(value)"
        case .listSeparator: "; "
        case .quarantineHint(let id):
            "행마다의 사유와 고칠 방법: chainscope quarantine list --import \(id.map(String.init) ?? "번호")"
        case .noData: "자료 없음: 이 기간에 해당하는 등기부 기업이 없습니다."
        case .syntheticBanner: "등기부 수치는 합성 샘플 데이터(실제 기업 아님)에서 나온 것입니다."
        case .foundedBy(let date): "\(date)까지 설립된 기업"
        case .allFounded: "저장된 모든 등기부 기업"
        case .noRegistry: "등기부를 아직 가져오지 않았습니다: chainscope import 파일"
        case .examplesSection: "주요 세부 분야와 예시 기업"
        case .segmentLine(let segment, let count, let share): "\(segment): 기업 \(count)곳 (\(share))"
        case .explainHint: "각 기업의 전체 근거: chainscope explain 신용코드"
        case .statusTable(let chain): "\(chain) 기업의 영업 상태와 등록자본"
        case .active: "존속(영업 중)"
        case .closed: "말소·취소·이전"
        case .otherStatus: "기타·미상"
        case .capital(let currency): "등록자본 합계 (\(currency))"
        case .noImportBy(let date): "자료 없음: \(date)까지 작성된 등기부 파일을 가져온 적이 없습니다."
        }
    }

    var chinese: String {
        switch self {
        case .registrationsSection: "工商登记新增企业"
        case .chainSection: "产业链层级与细分领域"
        case .districtsSection: "区县分布"
        case .qualitySection: "数据质量"
        case .monthlyChart(let chain): "\(chain)每月新注册企业"
        case .districtChart(let chain): "\(chain)企业的区县分布"
        case .companies: "企业数"
        case .foundingMonth: "成立月份"
        case .district: "区县"
        case .layer: "层级"
        case .segment: "细分领域"
        case .share: "占比"
        case .layersTable(let chain): "\(chain)各层级企业"
        case .segmentsTable(let chain): "\(chain)各细分领域企业（一家企业可属于多个领域）"
        case .yearToDate(let months, let count, let before, let beforeCount, let growth):
            "\(months)新注册\(count)家，上年同期（\(before)）\(beforeCount)家" + (growth.map { "，增长\($0)" } ?? "")
        case .wholeYear(let year, let count, let exceededBy):
            "\(year)年全年\(count)家" + (exceededBy.map { "——\($0)已超过" } ?? "")
        case .source: "来源"
        case .column: "列"
        case .countNote(let imports, let taxonomy, let window, let synthetic):
            "Chainscope 工商数据统计：\(imports)；分类体系 \(taxonomy)；\(window)" + (synthetic ? "；合成样本数据（非真实企业）" : "")
        case .importLine(let id, let file, let snapshot, let stored): "导入 #\(id) \(file)（数据日期 \(snapshot)，企业\(stored)家）"
        case .importsTable: "导入的文件"
        case .importHeaders: "#|文件|数据日期|读取行数|存储|隔离|重复"
        case .quarantineTable: "隔离的行及原因"
        case .rows: "行数"
        case .problem: "问题"
        case .examples: "示例（位置与值）"
        case .place(let id, let sheet, let row): "#\(id) " + (sheet.map { "\($0) " } ?? "") + "第 \(row) 行"
        case .example(let place, let value): "\(place)：\(value)"
        case .listSeparator: "；"
        case .quarantineHint(let id): "每一行的原因及更正方法：chainscope quarantine list --import \(id.map(String.init) ?? "编号")"
        case .noData: "暂无数据：该时段没有工商登记企业。"
        case .syntheticBanner: "工商登记数据来自合成样本数据（非真实企业）。"
        case .foundedBy(let date): "截至\(date)成立的企业"
        case .allFounded: "已存储的全部工商登记企业"
        case .noRegistry: "尚未导入工商数据：chainscope import 文件"
        case .examplesSection: "主要细分领域及示例企业"
        case .segmentLine(let segment, let count, let share): "\(segment)：\(count)家企业（\(share)）"
        case .explainHint: "每家企业的全部依据：chainscope explain 信用代码"
        case .statusTable(let chain): "\(chain)企业的登记状态与注册资本"
        case .active: "存续（在业）"
        case .closed: "注销、吊销、撤销、迁出"
        case .otherStatus: "其他或不详"
        case .capital(let currency): "注册资本合计（\(currency)）"
        case .noImportBy(let date): "暂无数据：没有截至\(date)的工商数据导入。"
        }
    }

    /// `count` (as printed, with group separators) and "company" or "companies", with `adjective` between.
    private static func companies(_ count: String, _ adjective: String = "") -> String {
        "\(count) \(adjective)compan\(count == "1" ? "y" : "ies")"
    }

    var english: String {
        switch self {
        case .registrationsSection: "New registrations in the registry"
        case .chainSection: "Layers and segments"
        case .districtsSection: "Districts"
        case .qualitySection: "Data quality"
        case .monthlyChart(let chain): "New \(chain) companies registered per month"
        case .districtChart(let chain): "\(chain) companies by district"
        case .companies: "Companies"
        case .foundingMonth: "founding month"
        case .district: "district"
        case .layer: "Layer"
        case .segment: "Segment"
        case .share: "Share"
        case .layersTable(let chain): "\(chain) companies by layer"
        case .segmentsTable(let chain): "\(chain) companies by segment (a company can be in several)"
        case .yearToDate(let months, let count, let before, let beforeCount, let growth):
            "\(months): \(Self.companies(count, "new ")); the same months a year before (\(before)): \(beforeCount)"
                + (growth.map { ", a change of \($0)" } ?? "")
        case .wholeYear(let year, let count, let exceededBy):
            "All of \(year): \(Self.companies(count, "new "))"
                + (exceededBy.map { " — \($0) already exceeds it" } ?? "")
        case .source: "Source"
        case .column: "Column"
        case .countNote(let imports, let taxonomy, let window, let synthetic):
            "Chainscope count over the registry: \(imports); taxonomy \(taxonomy); \(window)"
                + (synthetic ? "; synthetic sample data, not real companies" : "")
        case .importLine(let id, let file, let snapshot, let stored):
            "import #\(id) \(file) (snapshot \(snapshot), \(Self.companies(stored)))"
        case .importsTable: "Imported files"
        case .importHeaders: "#|File|Snapshot|Rows read|Stored|Quarantined|Duplicates"
        case .quarantineTable: "Quarantined rows and why"
        case .rows: "Rows"
        case .problem: "Problem"
        case .examples: "Examples (where, and the value)"
        case .place(let id, let sheet, let row): "#\(id) " + (sheet.map { "\($0) " } ?? "") + "row \(row)"
        case .example(let place, let value): "\(place): \(value)"
        case .listSeparator: "; "
        case .quarantineHint(let id):
            "Each row's reason and how to fix it: chainscope quarantine list --import \(id.map(String.init) ?? "NUMBER")"
        case .noData: "No data: no registry companies fall in this window."
        case .syntheticBanner: "Registry figures come from synthetic sample data (not real companies)."
        case .foundedBy(let date): "companies founded by \(date)"
        case .allFounded: "all stored registry companies"
        case .noRegistry: "No registry imported yet: chainscope import FILE"
        case .examplesSection: "Top segments and example companies"
        case .segmentLine(let segment, let count, let share): "\(segment): \(Self.companies(count)) (\(share))"
        case .explainHint: "Every company's full evidence: chainscope explain CREDIT_CODE"
        case .statusTable(let chain): "\(chain) companies by status, and their registered capital"
        case .active: "In business (存续)"
        case .closed: "Deregistered, revoked, cancelled or moved out"
        case .otherStatus: "Other or not given"
        case .capital(let currency): "Registered capital, total (\(currency))"
        case .noImportBy(let date): "No data: no registry export taken by \(date) was imported."
        }
    }
}
