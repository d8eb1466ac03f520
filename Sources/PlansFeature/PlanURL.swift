import AppCore

/// Every route of plans and steering, for registration, links, redirects, the OpenAPI document and
/// tests (see `SiteRoute`). Parameters: `plan` is a plan key, `target` a target key, `node` a goal
/// node key, `table`/`line` budget table and line keys, `attachment` an attachment id.
enum PlanURL: SiteRoute {
    case plans
    case dashboard
    case plan(Parameter<String>)
    case target(plan: Parameter<String>, target: Parameter<String>)
    case realisations(plan: Parameter<String>, target: Parameter<String>)
    case targets(plan: Parameter<String>)
    case nodes(plan: Parameter<String>)
    case node(plan: Parameter<String>, node: Parameter<String>)
    case logicModel(plan: Parameter<String>, node: Parameter<String>)
    case indicatorLinks(plan: Parameter<String>, node: Parameter<String>)
    case status(plan: Parameter<String>)
    case copy(plan: Parameter<String>)
    case budget(plan: Parameter<String>)
    case budgetLine(plan: Parameter<String>, table: Parameter<String>, line: Parameter<String>)
    case personnel(plan: Parameter<String>)
    case report(plan: Parameter<String>)
    case reportPDF(plan: Parameter<String>)
    case targetsCSV(plan: Parameter<String>)
    case targetsXLSX(plan: Parameter<String>)
    case budgetCSV(plan: Parameter<String>)
    case budgetXLSX(plan: Parameter<String>)
    case attachment(plan: Parameter<String>, attachment: Parameter<String>)
    case newPlan
    case newNode(plan: Parameter<String>)
    case editNode(plan: Parameter<String>, node: Parameter<String>)
    case nodeOrder(plan: Parameter<String>, node: Parameter<String>)
    case deleteNode(plan: Parameter<String>, node: Parameter<String>)
    case undoTree(plan: Parameter<String>)
    case treeHistory(plan: Parameter<String>)
    case realisation(plan: Parameter<String>, target: Parameter<String>, realisation: Parameter<String>)
    case editTarget(plan: Parameter<String>, target: Parameter<String>)
    case deleteTarget(plan: Parameter<String>, target: Parameter<String>)
    case deleteRealisation(plan: Parameter<String>, target: Parameter<String>, realisation: Parameter<String>)
    case apiPlans
    case apiPlan(Parameter<String>)
    case apiTargets(plan: Parameter<String>)
    case apiBudgets(plan: Parameter<String>)
    // #16 part B: approval, budget structure, P&C calendar, province contributions.
    case approval(plan: Parameter<String>)
    case budgetTables(plan: Parameter<String>)
    case budgetTable(plan: Parameter<String>, table: Parameter<String>)
    case budgetTableRemove(plan: Parameter<String>, table: Parameter<String>)
    case budgetLines(plan: Parameter<String>, table: Parameter<String>)
    case budgetLineRemove(plan: Parameter<String>, table: Parameter<String>, line: Parameter<String>)
    case budgetColumns(plan: Parameter<String>, table: Parameter<String>)
    case budgetColumnRemove(plan: Parameter<String>, table: Parameter<String>, column: Parameter<String>)
    case calendar
    case contributions
    // #16: inspanningsdoelen, archived targets, plan links.
    case assessments(plan: Parameter<String>, target: Parameter<String>)
    case archiveTarget(plan: Parameter<String>, target: Parameter<String>)
    case restoreTarget(plan: Parameter<String>, target: Parameter<String>)
    case planLinks(plan: Parameter<String>, node: Parameter<String>)
    case removePlanLink(plan: Parameter<String>, node: Parameter<String>, link: Parameter<String>)
    // #16: the annual report's authored texts per year; the province's contributions as CSV and JSON.
    case yearReportTexts(plan: Parameter<String>, year: Parameter<String>)
    case contributionsCSV
    case apiContributions

    var segments: [URLSegment] {
        switch self {
        case .plans: [.constant("plannen")]
        case .dashboard: [.constant("plannen"), .constant("dashboard")]
        case .plan(let plan): Self.planPath(plan)
        case .target(let plan, let target):
            Self.planPath(plan, "doelstellingen") + [.parameter("target", target)]
        case .realisations(let plan, let target):
            Self.planPath(plan, "doelstellingen") + [.parameter("target", target), .constant("realisaties")]
        case .targets(let plan): Self.planPath(plan, "doelstellingen")
        case .nodes(let plan): Self.planPath(plan, "doelen")
        case .node(let plan, let node): Self.planPath(plan, "doelen") + [.parameter("node", node)]
        case .logicModel(let plan, let node):
            Self.planPath(plan, "doelen") + [.parameter("node", node), .constant("logisch-model")]
        case .indicatorLinks(let plan, let node):
            Self.planPath(plan, "doelen") + [.parameter("node", node), .constant("indicatoren")]
        case .status(let plan): Self.planPath(plan, "status")
        case .copy(let plan): Self.planPath(plan, "kopie")
        case .budget(let plan): Self.planPath(plan, "begroting")
        case .budgetLine(let plan, let table, let line):
            Self.planPath(plan, "begroting") + [.parameter("table", table), .parameter("line", line)]
        case .personnel(let plan): Self.planPath(plan, "personeel")
        case .report(let plan): Self.planPath(plan, "rapport")
        case .reportPDF(let plan): Self.planPath(plan, "rapport.pdf")
        case .targetsCSV(let plan): Self.planPath(plan, "doelstellingen.csv")
        case .targetsXLSX(let plan): Self.planPath(plan, "doelstellingen.xlsx")
        case .budgetCSV(let plan): Self.planPath(plan, "begroting.csv")
        case .budgetXLSX(let plan): Self.planPath(plan, "begroting.xlsx")
        case .attachment(let plan, let attachment):
            Self.planPath(plan, "bijlagen") + [.parameter("attachment", attachment)]
        case .newPlan: [.constant("plannen"), .constant("nieuw")]
        case .newNode(let plan): Self.planPath(plan, "nieuw-doel")
        case .editNode(let plan, let node):
            Self.planPath(plan, "doelen") + [.parameter("node", node), .constant("bewerken")]
        case .nodeOrder(let plan, let node):
            Self.planPath(plan, "doelen") + [.parameter("node", node), .constant("volgorde")]
        case .deleteNode(let plan, let node):
            Self.planPath(plan, "doelen") + [.parameter("node", node), .constant("verwijderen")]
        case .undoTree(let plan): Self.planPath(plan, "ongedaan-maken")
        case .treeHistory(let plan): Self.planPath(plan, "versies")
        case .editTarget(let plan, let target):
            Self.planPath(plan, "doelstellingen") + [.parameter("target", target), .constant("bewerken")]
        case .deleteTarget(let plan, let target):
            Self.planPath(plan, "doelstellingen") + [.parameter("target", target), .constant("verwijderen")]
        case .realisation(let plan, let target, let realisation):
            Self.planPath(plan, "doelstellingen")
                + [.parameter("target", target), .constant("realisaties"), .parameter("realisation", realisation)]
        case .deleteRealisation(let plan, let target, let realisation):
            Self.planPath(plan, "doelstellingen")
                + [
                    .parameter("target", target), .constant("realisaties"), .parameter("realisation", realisation),
                    .constant("verwijderen")
                ]
        case .apiPlans: Self.api
        case .apiPlan(let plan): Self.api + [.parameter("plan", plan)]
        case .apiTargets(let plan): Self.api + [.parameter("plan", plan), .constant("targets")]
        case .apiBudgets(let plan): Self.api + [.parameter("plan", plan), .constant("budgets")]
        case .approval(let plan): Self.planPath(plan, "vaststelling")
        case .budgetTables(let plan): Self.planPath(plan, "begrotingstabellen")
        case .budgetTable(let plan, let table): Self.planPath(plan, "begrotingstabellen") + [.parameter("table", table)]
        case .budgetTableRemove(let plan, let table):
            Self.planPath(plan, "begrotingstabellen") + [.parameter("table", table), .constant("verwijderen")]
        case .budgetLines(let plan, let table):
            Self.planPath(plan, "begrotingstabellen") + [.parameter("table", table), .constant("regels")]
        case .budgetLineRemove(let plan, let table, let line):
            Self.planPath(plan, "begrotingstabellen")
                + [.parameter("table", table), .constant("regels"), .parameter("line", line), .constant("verwijderen")]
        case .budgetColumns(let plan, let table):
            Self.planPath(plan, "begrotingstabellen") + [.parameter("table", table), .constant("kolommen")]
        case .budgetColumnRemove(let plan, let table, let column):
            Self.planPath(plan, "begrotingstabellen")
                + [
                    .parameter("table", table), .constant("kolommen"), .parameter("column", column),
                    .constant("verwijderen")
                ]
        case .calendar: [.constant("plannen"), .constant("kalender")]
        case .contributions: [.constant("plannen"), .constant("bijdragen")]
        case .assessments(let plan, let target):
            Self.planPath(plan, "doelstellingen") + [.parameter("target", target), .constant("beoordelingen")]
        case .archiveTarget(let plan, let target):
            Self.planPath(plan, "doelstellingen") + [.parameter("target", target), .constant("archiveren")]
        case .restoreTarget(let plan, let target):
            Self.planPath(plan, "doelstellingen") + [.parameter("target", target), .constant("herstellen")]
        case .planLinks(let plan, let node):
            Self.planPath(plan, "doelen") + [.parameter("node", node), .constant("bijdragen")]
        case .removePlanLink(let plan, let node, let link):
            Self.planPath(plan, "doelen")
                + [.parameter("node", node), .constant("bijdragen"), .parameter("link", link), .constant("verwijderen")]
        case .yearReportTexts(let plan, let year): Self.planPath(plan, "jaarverslag") + [.parameter("year", year)]
        case .contributionsCSV: [.constant("plannen"), .constant("bijdragen.csv")]
        case .apiContributions: Self.api + [.constant("contributions")]
        }
    }

    private static let api: [URLSegment] = [.constant("api"), .constant("v1"), .constant("plans")]

    private static func planPath(_ plan: Parameter<String>, _ rest: String...) -> [URLSegment] {
        [.constant("plannen"), .parameter("plan", plan)] + rest.map { .constant($0) }
    }
}

extension PlanURL {
    /// The goal tree's anchor of a node on the plan page (`#doel-<slug>`).
    static func nodeAnchor(plan key: String, node: String) -> String {
        PlanURL.plan(.value(key)).path + "#" + GoalTreeView.anchor(node)
    }
}
