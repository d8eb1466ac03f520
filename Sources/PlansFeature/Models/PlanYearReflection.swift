import AppCore
import Fluent
import Foundation
import VitaalDomain

/// "Geleerde lessen" and "Evaluatie" of a plan's annual report (jaarverslag) for one year, written by
/// the plan's editors (see `AnnualReflection` for the rules of the texts).
final class PlanYearReflectionRecord: Model, @unchecked Sendable {
    static let schema = "plan_year_reflections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRecord
    @Field(key: "year") var year: Int
    @Field(key: "lessons") var lessons: String
    @Field(key: "evaluation") var evaluation: String
    /// The name of the editor who saved the texts last.
    @Field(key: "updated_by") var updatedBy: String
    /// When, from the app's clock (not a database timestamp, so tests and pages agree).
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// The texts of `plan` for `year`, if written.
    static func find(plan: UUID, year: Int, on db: any Database) async throws -> PlanYearReflectionRecord? {
        try await query(on: db).filter(\.$plan.$id == plan).filter(\.$year == year).first()
    }
}
