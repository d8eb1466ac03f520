import Testing

@testable import VitaalDomain

/// The format table (`WorkforceScenarioFormat`) that the "Over dit model" page shows is the one the
/// parser checks: every bound in it is enforced, and every field the parser reads is in it.
@Suite("Workforce scenario format table")
struct WorkforceScenarioFormatTests {
    typealias Kind = WorkforceScenarioCodec.Kind
    typealias P = WorkforceParameter

    /// Puts a number into the first element at a field of the base scenario.
    static let setters: [String: @Sendable (inout WorkforceScenario, Double) -> Void] = {
        var out: [String: @Sendable (inout WorkforceScenario, Double) -> Void] = [
            "baseYear": { $0.baseYear = Int($1) },
            "horizon": { $0.horizon = Int($1) },
            "levels[].graduates": { $0.levels[0].graduates = P($1) },
            "ageBands[].fromAge": { $0.ageBands[0].fromAge = Int($1) },
            "ageBands[].toAge": { $0.ageBands[0].toAge = Int($1) },
            "ageBands[].outflowRate": { $0.ageBands[0].outflowRate = P($1) },
            "ageBands[].lateralEntryShare": { $0.ageBands[0].lateralEntryShare = P($1) },
            "regions[].population[]": { $0.regions[0].population[0] = P($1) },
            "regions[].populationGrowth[]": { $0.regions[0].populationGrowth[0] = P($1) },
            "regions[].populationByYear[][]": { $0.regions[0].populationByYear[0][0] = $1 },
            "sectors[].fteFactor": { $0.sectors[0].fteFactor = P($1) },
            "sectors[].vacancyRate": { $0.sectors[0].vacancyRate = P($1) },
            "sectors[].outflowFactor": { $0.sectors[0].outflowFactor = P($1) },
            "sectors[].graduateShare": { $0.sectors[0].graduateShare = P($1) },
            "sectors[].sideEntrants": { $0.sectors[0].sideEntrants = P($1) },
            "sectors[].returners": { $0.sectors[0].returners = P($1) },
            "sectors[].levelShares[]": { $0.sectors[0].levelShares[0] = P($1) },
            "sectors[].ageShares[]": { $0.sectors[0].ageShares[0] = P($1) },
            "sectors[].careUse[]": { $0.sectors[0].careUse[0] = P($1) },
            "stock[].persons": { $0.stock[0].persons = P($1) },
            "sectorMoves[].rate": { $0.sectorMoves[0].rate = P($1) },
            "levelMoves[].rate": { $0.levelMoves[0].rate = P($1) },
            "extraDemandGrowth": { $0.extraDemandGrowth = P($1) },
            "fteTrend": { $0.fteTrend = P($1) },
            "taskShiftAbsorption": { $0.taskShiftAbsorption = P($1) },
            "monteCarlo.runs": { $0.monteCarloRuns = Int($1) },
            "monteCarlo.seed": { $0.seed = UInt64($1) }
        ]
        for id in WorkforceLevers.ids { out["levers.\(id)"] = { $0.levers[id] = P($1) } }
        return out
    }()

    /// The problems of the base scenario with `value` at `field`, those at the field's first element.
    func problems(_ field: WorkforceScenarioField, _ value: Double) throws -> [Problem] {
        var s = WorkforceScenario.flevolandBase
        let set = try #require(Self.setters[field.path])
        set(&s, value)
        let element = "$." + field.path.replacingOccurrences(of: "[]", with: "[0]")
        do {
            _ = try WorkforceScenarioCodec.decode(WorkforceScenarioCodec.encode(s))
            return []
        } catch let error as VitaalError {
            return error.problems.filter { $0.location.element == element }
        }
    }

    @Test func everyNumberFieldOfTheTableIsEnforcedByTheParser() throws {
        var checked = 0
        for field in WorkforceScenarioFormat.fields {
            switch field.rule {
            case .number(let kind):
                let rule = kind.rule
                let outside: [Double]
                switch kind {
                case .rate: outside = [-0.01, 1.01]
                case .positiveRate: outside = [0, 1.01]
                case .nonNegative: outside = [-1]
                case .growth: outside = [-1, 1.01]
                case .lever(let d): outside = [d.min - 0.001, d.max + 0.001]
                }
                for v in outside {
                    let found = try problems(field, v)
                    #expect(found.contains { $0.message.contains(rule.text) }, "\(field.path) = \(v): \(found)")
                }
                for v in [rule.allowed.lowerBound, min(rule.allowed.upperBound, 1)] {
                    let found = try problems(field, v)
                    #expect(!found.contains { $0.message.contains(rule.text) }, "\(field.path) = \(v): \(found)")
                }
                checked += 1
            case .integer(let lo, let hi):
                let found = try problems(field, Double(hi) + 1)
                #expect(found.contains { $0.message.contains("moet tussen \(lo) en \(hi) liggen") }, "\(field.path)")
                if lo > 0 {
                    let below = try problems(field, Double(lo) - 1)
                    #expect(below.contains { $0.message.contains("moet tussen \(lo) en \(hi) liggen") })
                }
                checked += 1
            default: continue
            }
        }
        #expect(checked == Self.setters.count, "every number field of the table is tested, and only those")
    }

    @Test func theTableNamesTheParsersKeysOnce() {
        let paths = WorkforceScenarioFormat.fields.map(\.path)
        #expect(Set(paths).count == paths.count)
        let topLevel = WorkforceScenarioFormat.fields.filter { !$0.path.contains(".") && !$0.path.contains("[") }
        #expect(Set(topLevel.filter(\.required).map(\.path)) == Set(WorkforceScenarioCodec.requiredKeys))
        #expect(Set(topLevel.filter { !$0.required }.map(\.path)) == Set(WorkforceScenarioCodec.optionalKeys))
        let sectorRequired = WorkforceScenarioFormat.fields.filter { $0.path.hasPrefix("sectors[].") && $0.required }
            .map { String($0.path.dropFirst("sectors[].".count).prefix { $0 != "[" }) }
        #expect(Set(sectorRequired) == Set(WorkforceScenarioCodec.Reader.sectorKeys))
        let levers = WorkforceScenarioFormat.fields.filter { $0.path.hasPrefix("levers.") }
        #expect(levers.map(\.path) == WorkforceLevers.ids.map { "levers.\($0)" })
        #expect(levers.first?.bounds == "0 t/m 0.05")
        #expect(WorkforceScenarioFormat.fields.allSatisfy { !$0.meaning.isEmpty && !$0.bounds.isEmpty })
    }
}
