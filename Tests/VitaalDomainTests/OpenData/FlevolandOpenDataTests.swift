import Foundation
import Testing

@testable import VitaalDomain

@Suite struct FlevolandOpenDataTests {
    /// The published files in the repository (Sources/VitaalDomain/Resources/flevoland/).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/VitaalDomain/Resources/flevoland")

    @Test func compiledInFilesEqualThePublishedFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".geojson") }.sorted()
        #expect(names == FlevolandOpenData.files.keys.sorted(), "run scripts/embed-open-data")
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(FlevolandOpenData.files[name].map { $0 + "\n" } == text, "\(name): run scripts/embed-open-data")
        }
    }

    @Test func everyBoundaryFileParsesAsPublished() throws {
        // The provincial roads are lines, read by the acute-care model (`ProvincialRoads`), not regions.
        for name in FlevolandOpenData.files.keys where name.hasSuffix(".geojson") && name != ProvincialRoads.file {
            let text = try #require(FlevolandOpenData.files[name])
            #expect(try !GeoJSONRegions.parse(text, file: name).isEmpty, "\(name)")
        }
        #expect(FlevolandOpenData.province?.code == "PV24")
        #expect(Set(FlevolandOpenData.municipalities.map(\.code)) == Set(FlevolandOpenData.allMunicipalities))
        let wijken = FlevolandOpenData.wijken
        #expect(wijken.count == 103)
        #expect(wijken.filter { $0.properties["gemeentecode"] == "GM0034" }.count == 71)
        // ZK21 has a hole.
        let zk21 = try #require(FlevolandOpenData.serviceRegions.first { $0.code == "ZK21" })
        #expect(FlevolandOpenData.boundary(of: zk21)?.geometry.polygons.contains { !$0.holes.isEmpty } == true)
        for grouping in FlevolandOpenData.serviceRegions {
            #expect(FlevolandOpenData.boundary(of: grouping) != nil, "\(grouping.code)")
        }
    }

    @Test func figuresAsPublished() {
        #expect(FlevolandOpenData.population2024("GM0034")?.value == 226_500)
        #expect(FlevolandOpenData.population2024("PV24")?.value == 450_920)
        #expect(FlevolandOpenData.population2024("GM0034")?.citation.contains("85984NED") == true)
        #expect(FlevolandOpenData.figures(FlevolandOpenData.kwbWijkenFile).count == 811)
        #expect(FlevolandOpenData.figures(FlevolandOpenData.kwbMunicipalitiesFile).count == 48)
        #expect(FlevolandOpenData.figures(FlevolandOpenData.healthFile).count == 18)
        #expect(FlevolandOpenData.figures(FlevolandOpenData.populationSeriesFile).count == 26)
        // The six KWB totals add up to 450,826; 70072ned says 450,920 (both kept, as the README says).
        let sum = FlevolandOpenData.allMunicipalities.compactMap { FlevolandOpenData.population2024($0)?.value }
            .reduce(0, +)
        #expect(sum == 450_826)
    }

    @Test func serviceRegionsHaveTheirRealMembers() throws {
        let byCode = Dictionary(uniqueKeysWithValues: FlevolandOpenData.serviceRegions.map { ($0.code, $0) })
        #expect(byCode["ZK07"]?.contains("GM0034") == false)
        #expect(byCode["ZK21"]?.contains("GM0034") == true)
        #expect(byCode["AM11"]?.contains("GM0050") == false)
        #expect(byCode["AM06"]?.contains("GM0050") == true)
        #expect(byCode["GG2209"]?.members.count == 6)
        // Almere's centre lies in ZK21's outline, not in ZK07's.
        let almere = try #require(FlevolandOpenData.municipalities.first { $0.code == "GM0034" }).geometry.labelPoint
        let zk07 = try #require(FlevolandOpenData.boundary(of: byCode["ZK07"]!))
        let zk21 = try #require(FlevolandOpenData.boundary(of: byCode["ZK21"]!))
        #expect(!zk07.geometry.contains(almere))
        #expect(zk21.geometry.contains(almere))
    }

    @Test func aGroupingIsNeverSummedFromMembersNotAllInIt() {
        let values = Dictionary(
            uniqueKeysWithValues: FlevolandOpenData.allMunicipalities.compactMap { code in
                FlevolandOpenData.population2024(code).map { (code, $0.value) }
            })
        let byCode = Dictionary(uniqueKeysWithValues: FlevolandOpenData.serviceRegions.map { ($0.code, $0) })
        #expect(byCode["GG2209"]?.total(from: values) == 450_826)
        #expect(byCode["ZK07"]?.total(from: values) == Double(450_826 - 226_500))
        // ZK21 reaches into Noord-Holland: Almere alone is not its population.
        #expect(byCode["ZK21"]?.total(from: values) == nil)
        #expect(byCode["AM06"]?.total(from: values) == nil)
        // A member without a value: no total.
        #expect(byCode["AM11"]?.total(from: values.filter { $0.key != "GM0184" }) == nil)
    }

    @Test func everyWijkLiesWithinItsMunicipality() throws {
        let municipalities = Dictionary(
            uniqueKeysWithValues: FlevolandOpenData.municipalities.map { ($0.code, $0.geometry) })
        var reaches: [String: Double] = [:]
        for wijk in FlevolandOpenData.wijken {
            let municipality = try #require(municipalities[wijk.properties["gemeentecode"] ?? ""])
            reaches[wijk.code] = Geo.distanceOutsideKm(wijk.geometry, municipality)
            // Every wijk's interior point lies in its municipality.
            #expect(municipality.contains(wijk.geometry.labelPoint), "\(wijk.code)")
            if case .outside = Geo.containment(wijk.geometry, in: municipality) { Issue.record("\(wijk.code)") }
        }
        // The layers were generalised separately: most wijken stay within 200 m of their
        // municipality's outline; seven reach further (outer areas and water, up to 2.3 km for
        // Dronten's Buitengebied). The importer warns about those and imports them.
        #expect(reaches.values.filter { $0 > 0.2 }.count == 7)
        #expect((reaches["WK030305"] ?? 0) > 2 && (reaches["WK030305"] ?? 0) < 2.5)
        // A wijk of Almere lies far outside Urk.
        let urk = try #require(municipalities["GM0184"])
        let almereWijk = try #require(FlevolandOpenData.wijken.first { $0.code == "WK003401" })
        #expect(Geo.distanceOutsideKm(almereWijk.geometry, urk) > 10)
        if case .outside = Geo.containment(almereWijk.geometry, in: urk) {} else { Issue.record("not outside") }
        let dronten = try #require(municipalities["GM0303"])
        let buitengebied = try #require(FlevolandOpenData.wijken.first { $0.code == "WK030305" })
        if case .reachesOut = Geo.containment(buitengebied.geometry, in: dronten) {
        } else {
            Issue.record("not reachesOut")
        }
    }
}
