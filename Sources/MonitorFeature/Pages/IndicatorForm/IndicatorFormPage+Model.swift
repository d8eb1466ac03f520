import AppCore
import Fluent
import Vapor
import VitaalDomain

/// `/monitor/indicatoren/nieuw` and `/monitor/indicatoren/{code}/bewerken`: the definition of one
/// indicator, empty, filled from the catalogue, or as posted with the problems of each field.
enum IndicatorFormPage {
    struct Model: Sendable {
        struct Option: Sendable, Equatable {
            var value: String
            var label: String
        }

        /// The stored code (nil for a new indicator).
        var originalCode: String?
        var draft: IndicatorDraft
        /// The owner organisation's slug ("" for none: beheerders only).
        var owner: String
        var owners: [Option]
        /// Beheerders may leave an indicator without owner.
        var mayHaveNoOwner: Bool
        /// The code cannot change any more: values exist.
        var codeLocked: Bool
        /// Other indicators, for the "vervangt" choice.
        var replaceable: [Option]
        /// The refusal of a posted form (its problems name the fields).
        var error: VitaalError?

        var status: HTTPResponseStatus { error?.kind.status ?? .ok }
        var title: String { originalCode == nil ? "Nieuwe indicator" : "Indicator bewerken" }
        var action: MonitorURL { originalCode.map { .catalogueEdit(.value($0)) } ?? .catalogue }

        /// The first problem of a field, for the message next to it.
        func error(for field: String) -> String? {
            error?.problems.first { $0.location.field == field }?.message
        }

        static func load(
            indicator: Indicator?, draft: IndicatorDraft, owner: String, viewer: PageContext.Viewer,
            error: VitaalError? = nil, on db: any Database
        ) async throws -> Model {
            // A retired organisation gets no new indicators, but an indicator it owns keeps showing it.
            let organisations = try await Organisation.query(on: db).sort(\.$name).all()
                .filter { $0.retiredAt == nil || $0.slug == owner }
                .filter { viewer.role == .beheerder || $0.id == viewer.organisationID }
            let others = try await Indicator.query(on: db).sort(\.$name).sort(\.$code).all()
                .filter { $0.code != indicator?.code }
            var codeLocked = false
            if let indicator {
                codeLocked = try await DataValue.query(on: db).filter(\.$indicatorCode == indicator.code).count() > 0
            }
            return Model(
                originalCode: indicator?.code, draft: draft, owner: owner,
                owners: organisations.map { Option(value: $0.slug, label: $0.name) },
                mayHaveNoOwner: viewer.role == .beheerder, codeLocked: codeLocked,
                replaceable: others.map { Option(value: $0.code, label: "\($0.name) (\($0.code))") }, error: error)
        }
    }
}
