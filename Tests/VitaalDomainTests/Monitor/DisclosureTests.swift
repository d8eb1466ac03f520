import Foundation
import Testing

@testable import VitaalDomain

@Suite("Monitor – disclosure control (secondary suppression)")
struct DisclosureTests {
    static let municipalities = ["GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995"]
    static let flevoland = Disclosure.Group(total: "PV24", parts: municipalities)

    /// The province as the exact sum of its municipalities, with Urk (GM0184) below 5.
    static func flevolandValues(urk: Double = 3) -> [String: Double] {
        var v: [String: Double] = ["GM0034": 120, "GM0050": 40, "GM0171": 35, "GM0184": urk, "GM0303": 18, "GM0995": 60]
        v["PV24"] = municipalities.reduce(0) { $0 + v[$1]! }
        return v
    }

    @Test func nothingHiddenWhenAllValuesAreFiveOrMore() {
        let v = Self.flevolandValues(urk: 5)
        #expect(Disclosure.suppress(values: v, groups: [Self.flevoland]).isEmpty)
    }

    @Test func oneSmallMunicipalityHidesTheNextSmallestSibling() {
        let v = Self.flevolandValues(urk: 3)
        let hidden = Disclosure.suppress(values: v, groups: [Self.flevoland])
        // Urk itself (<5) and Dronten (GM0303, 18: the smallest published sibling); the total stays.
        #expect(hidden == ["GM0184": .primary, "GM0303": .secondary])
        // The subtraction PV24 − Σ published now leaves two unknowns: Urk is not solvable.
        #expect(!Disclosure.isSolvable("GM0184", hidden: Set(hidden.keys), values: v, groups: [Self.flevoland]))
        let published = Self.municipalities.filter { hidden[$0] == nil }.reduce(0) { $0 + v[$1]! }
        #expect(v["PV24"]! - published == 21)  // Urk + Dronten together, not Urk
    }

    @Test func withoutSecondarySuppressionTheValueIsSolvable() {
        let v = Self.flevolandValues(urk: 2)
        #expect(Disclosure.isSolvable("GM0184", hidden: ["GM0184"], values: v, groups: [Self.flevoland]))
    }

    @Test func twoSmallMunicipalitiesProtectEachOther() {
        var v = Self.flevolandValues(urk: 1)
        v["GM0303"] = 4
        v["PV24"] = Self.municipalities.reduce(0) { $0 + v[$1]! }
        let hidden = Disclosure.suppress(values: v, groups: [Self.flevoland])
        #expect(hidden == ["GM0184": .primary, "GM0303": .primary])
    }

    @Test func aMissingSiblingCountsAsUnknown() {
        var v = Self.flevolandValues(urk: 3)
        v["GM0050"] = nil  // not available: the attacker does not know it either
        let hidden = Disclosure.suppress(values: v, groups: [Self.flevoland])
        #expect(hidden == ["GM0184": .primary])
    }

    @Test func missingTotalNeedsNoSecondarySuppression() {
        var v = Self.flevolandValues(urk: 3)
        v["PV24"] = nil
        #expect(Disclosure.suppress(values: v, groups: [Self.flevoland]) == ["GM0184": .primary])
    }

    @Test func tiesChooseTheLowestCode() {
        let v: [String: Double] = ["T": 52, "a": 2, "c": 10, "b": 10, "d": 30]
        let hidden = Disclosure.suppress(values: v, groups: [.init(total: "T", parts: ["a", "b", "c", "d"])])
        #expect(hidden == ["a": .primary, "b": .secondary])
    }

    @Test func aSingleChildHidesTheTotal() {
        let v: [String: Double] = ["T": 30, "a": 3]
        #expect(
            Disclosure.suppress(values: v, groups: [.init(total: "T", parts: ["a"])]) == [
                "a": .primary, "T": .secondary
            ])
    }

    @Test func overlappingGroupingsAreSolvedTogether() {
        // Flevoland T = a + b + c + d and a region group G = a + b, both published. Hiding a and b
        // leaves one equation a + b = 22 (both groupings say the same), so neither can be solved.
        let v: [String: Double] = ["T": 100, "a": 2, "b": 20, "c": 30, "d": 48, "G": 22]
        let groups = [Disclosure.Group(total: "T", parts: ["a", "b", "c", "d"]), .init(total: "G", parts: ["a", "b"])]
        let hidden = Disclosure.suppress(values: v, groups: groups)
        #expect(hidden == ["a": .primary, "b": .secondary])
        #expect(Disclosure.solvableCells(hidden: Set(hidden.keys), values: v, groups: groups).isEmpty)
        // Hiding c instead of b would not do: G − b gives a.
        #expect(Disclosure.isSolvable("a", hidden: ["a", "c"], values: v, groups: groups))
    }

    @Test func nestedHierarchyIsProtectedAtEveryLevel() {
        // Province P = m1 + m2; municipality m1 = w1 + w2 + w3 (districts). w1 is small.
        let v: [String: Double] = ["P": 200, "m1": 90, "m2": 110, "w1": 1, "w2": 39, "w3": 50]
        let groups = [Disclosure.Group(total: "P", parts: ["m1", "m2"]), .init(total: "m1", parts: ["w1", "w2", "w3"])]
        let hidden = Disclosure.suppress(values: v, groups: groups)
        #expect(hidden == ["w1": .primary, "w2": .secondary])
        for cell in hidden.keys {
            #expect(!Disclosure.isSolvable(cell, hidden: Set(hidden.keys), values: v, groups: groups), "\(cell)")
        }
    }

    @Test func randomisedNoSuppressedCellIsEverSolvable() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var v: [String: Double] = [:]
            for m in Self.municipalities { v[m] = Double(Int.random(in: 0...40, using: &rng)) }
            if Bool.random(using: &rng) { v[Self.municipalities.randomElement(using: &rng)!] = nil }
            v["PV24"] = Self.municipalities.compactMap { v[$0] }.reduce(0, +)
            let group2 = Disclosure.Group(total: "GR01", parts: Array(Self.municipalities.prefix(3)))
            v["GR01"] = group2.parts.compactMap { v[$0] }.reduce(0, +)
            let groups = [Self.flevoland, group2]
            let hidden = Disclosure.suppress(values: v, groups: groups)
            for (code, value) in v where value < 5 { #expect(hidden[code] == .primary) }
            #expect(
                Disclosure.solvableCells(hidden: Set(hidden.keys), values: v, groups: groups).isEmpty, "\(v) \(hidden)")
        }
    }
}

@Suite("Monitor – hardening of the import reader")
struct MonitorImportHardeningTests {
    @Test func hugeValuesAreRefusedNotStoredAsInfinity() throws {
        let huge = "1" + String(repeating: "0", count: 400)
        let csv =
            "indicator;regio;periode;waarde\nbw_woz_waarde;GM0034;2024;\(huge)\nbw_woz_waarde;GM0995;2024;999999999999999\n"
        var problems: [String] = []
        do {
            _ = try ImportPipeline.run(
                data: Data(csv.utf8), fileName: "groot.csv", catalog: MonitorDemoData.catalog, options: ImportOptions()
            ) { _ in }
        } catch let e as VitaalError {
            problems = e.problems.map(\.description)
        }
        #expect(problems.count == 1)
        #expect(problems.first?.contains("regel 2") == true)
        #expect(problems.first?.contains("te groot") == true)
    }

    @Test func aHugeFirstLineIsReadInLinearTime() throws {
        // 8 MB header line read in 1 KiB chunks: copying the buffer per chunk (the old O(n²)) took minutes.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vitaal-lange-regel-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let field = String(repeating: "a", count: 8 << 20)
        try Data("b;\(field)\n1;2\n".utf8).write(to: url)
        let start = Date()
        let reader = try CSVReader(url: url, chunkSize: 1024)
        let header = try #require(try reader.next())
        #expect(header.fields.count == 2)
        #expect(header.fields[1].count == 8 << 20)
        #expect(reader.separator == .semicolon)
        #expect(try reader.next()?.fields == ["1", "2"])
        #expect(Date().timeIntervalSince(start) < 60)
    }
}
