import AppCore
import Fluent
import VitaalDomain

/// One SMART target (`/plannen/<key>/doelstellingen/<target>`): its facts, how its status rolls up,
/// the realisations with evidence and attachments, and for editors the realisation form.
enum TargetPage {
    struct Model {
        struct ChainRow {
            var level: String
            var title: String
            var link: String?
            var rollUp: StatusRollUp
        }

        struct Attachment {
            var filename: String
            var size: String
            var link: String
        }

        struct Realisation {
            var date: String
            var period: String
            var value: String
            /// nil: hidden from anonymous visitors.
            var evidence: String?
            var evidenceLink: String?
            var attachments: [Attachment]
            var isExample: Bool
            /// The correction page (editors; stored realisations of a plan that is not afgesloten).
            var editLink: String? = nil
        }

        var planKey: String
        var planTitle: String
        var measure: String
        var isExample: Bool
        var status: SmartTarget.Status
        var node: String
        var baseline: String
        var goal: String
        var current: String
        var source: String
        var responsible: String?
        var sourceText: String?
        var chain: [ChainRow]
        var showsEvidence: Bool
        var realisations: [Realisation]
        var notice: String?
        /// The target's edit page (editors, concept plans).
        var editLink: String? = nil
        /// The realisation form (editors of the owning organisation only; SMART targets).
        var form: RealisationForm?
        /// False for an inspanningsdoel: assessed qualitatively, no computed status (#16).
        var isSmart = true
        /// The status as shown: the computed label, or the latest judgement of an inspanningsdoel.
        var statusText = ""
        var assessments: [TargetPage.Assessment] = []
        /// The assessment form (editors of the owning organisation, inspanningsdoelen, not afgesloten).
        var assessmentForm: AssessmentForm?
    }

    /// One qualitative assessment of an inspanningsdoel.
    struct Assessment {
        var date: String
        var period: String
        var judgement: QualitativeAssessment.Judgement
        var explanation: String
        var assessedBy: String
        var isExample: Bool
    }

    /// The form for a new assessment: its action, the judgements to choose from, the plan period.
    struct AssessmentForm {
        var action: String
        var judgements: [(value: String, label: String)]
        var period: String
        var form = PlanForm()
    }

    /// The realisation form: counting or measured, the plan period, the attachment limit.
    struct RealisationForm {
        var action: String
        var counts: Bool
        var period: String
        var attachmentLimit: String
        var form = PlanForm()
    }
}

extension TargetPage.Model {
    static func load(
        _ loaded: LoadedPlan, targetKey: String, viewer: PageContext.Viewer?, csrfToken: String?,
        attachmentLimit: Int, notice code: String?, on db: any Database
    ) async throws -> Self {
        let plan = loaded.plan
        guard let target = plan.targets.first(where: { $0.key == targetKey }) else {
            throw VitaalError(.notFound, "Onbekende doelstelling \"\(targetKey)\".")
        }
        let showsEvidence = PlanAccess.showsEvidence(viewer)
        let rows = loaded.realisations[target.key] ?? []
        let attachments =
            showsEvidence
            ? try await PlanAttachments.list(realisationIDs: rows.compactMap(\.id), on: db) : [:]
        let chain = Self.chain(plan, from: target.nodeKey)
        let unit = target.unit
        var model = Self(
            planKey: plan.key, planTitle: plan.title, measure: target.measure, isExample: target.isExample,
            status: target.status(),
            node: chain.first.map { "\(plan.levelName(of: $0)): \($0.title)" } ?? target.nodeKey,
            baseline: "\(PlanViews.number(target.baseline.value)) \(unit) op \(target.baseline.date.dutch)",
            goal: "\(target.direction.label) \(PlanViews.number(target.targetValue)) \(unit)"
                + (target.targetDate.map { " op \($0.dutch)" } ?? ""),
            current: target.currentValue().map { "\(PlanViews.number($0.value)) \(unit) (\($0.date.dutch))" }
                ?? "nog geen realisatie",
            source: target.indicatorCode.map { "monitorindicator \($0)" } ?? "handmatige invoer",
            responsible: target.responsible, sourceText: target.sourceText,
            chain: chain.map { node in
                ChainRow(
                    level: plan.levelName(of: node), title: node.title,
                    link: PlanURL.nodeAnchor(plan: plan.key, node: node.key), rollUp: plan.rollUp(node.key))
            } + [ChainRow(level: "Plan", title: plan.title, link: nil, rollUp: plan.rollUp())],
            showsEvidence: showsEvidence,
            realisations: rows.map {
                Self.realisation(
                    $0, planKey: plan.key, showsEvidence: showsEvidence,
                    attachments: $0.id.flatMap { attachments[$0] } ?? [])
            },
            notice: PlanNotice(code: code)?.text())
        if PlanAccess.mayEdit(loaded, viewer) && plan.status == .concept {
            model.editLink = PlanURL.editTarget(plan: .value(plan.key), target: .value(target.key)).path
        }
        if PlanAccess.mayEdit(loaded, viewer) && plan.status != .afgesloten {
            for (i, row) in rows.enumerated() {
                guard let id = row.id else { continue }
                model.realisations[i].editLink =
                    PlanURL.realisation(
                        plan: .value(plan.key), target: .value(target.key), realisation: .value(id.uuidString)
                    ).path
            }
        }
        model.isSmart = target.isSmart
        model.statusText = target.statusLabel()
        model.assessments = target.assessments.reversed().map {
            TargetPage.Assessment(
                date: $0.date.dutch, period: $0.period ?? "–", judgement: $0.judgement, explanation: $0.explanation,
                assessedBy: viewer == nil ? "" : $0.assessedBy, isExample: $0.isExample)
        }
        if !target.isSmart {
            model.goal = "inspanningsdoel (niet-SMART): geen streefwaarde, kwalitatief beoordeeld"
            model.baseline = "– (geen nulmeting: inspanningsdoel)"
            model.current =
                target.latestAssessment().map { "\($0.judgement.label) (peildatum \($0.date.dutch))" }
                ?? "nog niet beoordeeld"
            model.isExample = model.isExample || target.assessments.contains { $0.isExample }
            if PlanAccess.mayEdit(loaded, viewer) && plan.status != .afgesloten {
                model.assessmentForm = TargetPage.AssessmentForm(
                    action: PlanURL.assessments(plan: .value(plan.key), target: .value(target.key)).path,
                    judgements: QualitativeAssessment.Judgement.allCases.map { (value: $0.rawValue, label: $0.label) },
                    period: plan.period.description)
            }
            return model
        }
        if PlanAccess.mayEdit(loaded, viewer) {
            model.form = TargetPage.RealisationForm(
                action: PlanURL.realisations(plan: .value(plan.key), target: .value(target.key))
                    .path(query: [("csrf", csrfToken)]),
                counts: target.direction == .count, period: plan.period.description,
                attachmentLimit: PlanAttachments.sizeText(attachmentLimit))
        }
        return model
    }

    /// The target's node and every ancestor (each once).
    static func chain(_ plan: Plan, from nodeKey: String) -> [GoalNode] {
        var chain: [GoalNode] = []
        var current = plan.node(nodeKey)
        var seen: Set<String> = []
        while let node = current, seen.insert(node.key).inserted {
            chain.append(node)
            current = node.parentKey.flatMap { plan.node($0) }
        }
        return chain
    }

    static func realisation(
        _ row: RealisationRecord, planKey: String, showsEvidence: Bool,
        attachments: [PlanAttachmentRecord]
    ) -> Realisation {
        Realisation(
            date: (try? PlanDate.parse(row.date))?.dutch ?? row.date, period: row.period ?? "–",
            value: PlanViews.number(row.value), evidence: showsEvidence ? row.evidence ?? "" : nil,
            evidenceLink: showsEvidence ? row.evidenceLink.flatMap(FormInput.evidenceLink) : nil,
            attachments: attachments.compactMap { attachment in
                attachment.id.map {
                    Attachment(
                        filename: attachment.filename, size: PlanAttachments.sizeText(attachment.size),
                        link: PlanURL.attachment(plan: .value(planKey), attachment: .value($0.uuidString)).path)
                }
            },
            isExample: row.isExample)
    }
}
