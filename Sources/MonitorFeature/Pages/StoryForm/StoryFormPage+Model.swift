import AppCore
import Fluent
import Vapor
import VitaalDomain

/// `/monitor/verhalen/nieuw` and `/monitor/verhalen/{id}`: the story form, empty, filled from a
/// stored story, or as posted with the problems of each field.
enum StoryFormPage {
    struct Model: Sendable {
        struct Choice: Sendable, Equatable {
            /// The checkbox's field name: `ind_CODE` or `reg_CODE`.
            var field: String
            var label: String
            var checked: Bool
        }

        /// nil for a new story.
        var storyID: String?
        var isExample: Bool
        var form: Form
        var indicators: [Choice]
        var regions: [Choice]
        /// The refusal of a posted form (its problems name the fields).
        var error: VitaalError?

        var status: HTTPResponseStatus { error?.kind.status ?? .ok }
        var title: String { storyID == nil ? "Nieuw verhaal" : "Verhaal bewerken" }
        var action: MonitorURL { storyID.map { .story(.value($0)) } ?? .stories }

        /// The first problem of a field, for the message next to it.
        func error(for field: String) -> String? {
            error?.problems.first { $0.location.field == field }?.message
        }

        static func load(
            story: Story?, form: Form, error: VitaalError? = nil,
            on db: any Database
        ) async throws -> Model {
            let indicators = try await Indicator.query(on: db).sort(\.$name).sort(\.$code).all()
            let regions = try await Region.query(on: db).all()
                .filter {
                    $0.code == RegionSet.nationalCode || $0.code == RegionSet.provinceCode || $0.code.hasPrefix("GM")
                }
                .sorted { ($0.code.hasPrefix("GM") ? 1 : 0, $0.name) < ($1.code.hasPrefix("GM") ? 1 : 0, $1.name) }
            // Two indicators of the same name are told apart by their codes.
            let duplicateNames = Set(Dictionary(grouping: indicators, by: \.name).filter { $0.value.count > 1 }.keys)
            return Model(
                storyID: story?.id?.uuidString, isExample: story?.isExample ?? false, form: form,
                indicators: indicators.map { indicator in
                    Choice(
                        field: "ind_\(indicator.code)",
                        label: duplicateNames.contains(indicator.name)
                            ? "\(indicator.name) (\(indicator.code))"
                            : indicator.name,
                        checked: form.indicators.contains(indicator.code))
                },
                regions: regions.map {
                    Choice(field: "reg_\($0.code)", label: $0.name, checked: form.regions.contains($0.code))
                },
                error: error)
        }
    }
}
