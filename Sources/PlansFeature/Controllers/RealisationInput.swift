import AppCore
import Fluent
import Vapor
import VitaalDomain

/// A realisation as the form sends it (value, date, evidence text and link, an optional file), checked
/// as a whole: every problem is collected and refused together (422), nothing is written.
struct RealisationInput {
    var realisation: Realisation
    var upload: AttachmentUpload?

    /// The target of the request's `target` parameter: its row and its domain value; 404 when unknown.
    static func target(_ loaded: LoadedPlan, _ req: Request) throws -> (TargetRecord, SmartTarget) {
        let key = req.parameters.get("target") ?? ""
        guard let record = loaded.target(key), let target = loaded.plan.targets.first(where: { $0.key == key }) else {
            throw VitaalError(.notFound, "Onbekende doelstelling \"\(key)\".")
        }
        return (record, target)
    }

    init(_ req: Request, target: SmartTarget, plan: Plan) throws {
        var problems = ProblemCollector()
        let value = try Self.value(req, &problems)
        let date = try Self.date(req, target: target, plan: plan, &problems)
        let link = Self.evidenceLink(req, &problems)
        if let value, value < 0, target.direction == .count {
            problems.add(
                "een aantal kan niet negatief zijn (\(PlanViews.number(value)))", at: SourceLocation(field: "value"))
        }
        upload = PlanAttachments.read(req, into: &problems)
        try problems.throwIfAny("Realisatie niet opgeslagen")
        realisation = Realisation(
            period: FormInput.optionalText(req, "period"), value: value!, date: date!,
            evidence: FormInput.optionalText(req, "evidence"), evidenceLink: link)
    }

    static func value(_ req: Request, _ problems: inout ProblemCollector) throws -> Double? {
        do { return try FormInput.number(FormInput.text(req, "value"), field: "value", label: "Waarde") } catch let e
            as VitaalError
        { problems.add(e.problems) }
        return nil
    }

    /// The date, which must lie within the plan's period.
    static func date(
        _ req: Request, target: SmartTarget, plan: Plan, _ problems: inout ProblemCollector
    ) throws -> PlanDate? {
        let date: PlanDate
        do { date = try FormInput.date(FormInput.text(req, "date"), field: "date", label: "Datum") } catch let e
            as VitaalError
        {
            problems.add(e.problems)
            return nil
        }
        if !plan.period.contains(date) {
            problems.add(
                "de datum \(date.dutch) valt buiten de planperiode \(plan.period)",
                at: SourceLocation(field: "date", element: "doelstelling \"\(target.key)\""))
        }
        return date
    }

    static func evidenceLink(_ req: Request, _ problems: inout ProblemCollector) -> String? {
        let linkText = FormInput.optionalText(req, "evidenceLink")
        let link = linkText.flatMap(FormInput.evidenceLink)
        if linkText != nil && link == nil {
            problems.add(
                "de link naar het bewijsstuk moet een volledig webadres zijn dat met http:// of https:// begint, "
                    + "zonder aanhalingstekens of spaties",
                at: SourceLocation(field: "evidenceLink"))
        }
        return link
    }

    /// Stores the realisation and its file in one transaction, with an audit entry.
    func save(to record: TargetRecord, of target: SmartTarget, in loaded: LoadedPlan, by user: User, _ req: Request)
        async throws
    {
        try await req.db.transaction { db in
            let row = PlanStore.makeRealisation(
                realisation, targetID: record.id!, isExample: false, createdBy: user.email)
            try await row.create(on: db)
            if let upload { try await Self.attachment(upload, to: row, by: user).create(on: db) }
            let withFile =
                upload.map { " met bijlage \"\($0.filename)\" (\(PlanAttachments.sizeText($0.data.count)))" } ?? ""
            try await req.audit(
                on: db, "aangemaakt", entity: "realisatie", id: "\(loaded.key)/\(target.key)",
                summary: "Realisatie \(PlanViews.number(realisation.value)) op \(realisation.date.dutch) bij "
                    + "\"\(target.measure)\" (\(loaded.plan.title))\(withFile)")
        }
    }

    static func attachment(_ upload: AttachmentUpload, to row: RealisationRecord, by user: User) throws
        -> PlanAttachmentRecord
    {
        let attachment = PlanAttachmentRecord()
        attachment.$realisation.id = try row.requireID()
        attachment.filename = upload.filename
        attachment.contentType = upload.contentType
        attachment.size = upload.data.count
        attachment.data = upload.data
        attachment.createdBy = user.email
        return attachment
    }
}
