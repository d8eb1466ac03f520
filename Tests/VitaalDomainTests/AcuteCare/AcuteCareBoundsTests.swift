import Foundation
import Testing

@testable import VitaalDomain

/// Security review H1/H2/L13: the model's loops and conversions are bounded whatever the numbers.
struct AcuteCareBoundsTests {
    @Test func erlangBStopsAtItsHardBoundInsteadOfLooping() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(
                ErlangB.serversNeeded(load: 1e15, maxBlocking: 0.05) == nil, "answered at once: more than the bound")
            #expect(ErlangB.serversNeeded(load: 1e300, maxBlocking: 0.05) == nil)
            #expect(ErlangB.serversNeeded(load: .infinity, maxBlocking: 0.05) == nil)
            #expect(ErlangB.serversNeeded(load: .nan, maxBlocking: 0.05) == nil)
            #expect(ErlangB.serversNeeded(load: -1, maxBlocking: 0.05) == nil)
            // Just above the bound by the carried-load argument (a·(1−α) > limit).
            #expect(ErlangB.serversNeeded(load: 10_600, maxBlocking: 0.05) == nil)
            // A large load within the bound is still computed exactly.
            let c = ErlangB.serversNeeded(load: 8_000, maxBlocking: 0.05)
            #expect(c != nil && c! <= ErlangB.maxServers && c! >= 7_600)
            #expect(ErlangB.blocking(load: 8_000, servers: c!) <= 0.05)
            #expect(ErlangB.blocking(load: 8_000, servers: c! - 1) > 0.05)
        }
        #expect(elapsed < .seconds(2))
        // A custom smaller limit: nil instead of a search beyond it.
        #expect(ErlangB.serversNeeded(load: 50, maxBlocking: 0.05, limit: 10) == nil)
        #expect(ErlangB.serversNeeded(load: 2, maxBlocking: 0.05, limit: 10) == 5)
        #expect(ErlangB.blocking(load: .nan, servers: 3) == 1)
        #expect(ErlangB.blocking(load: 2, servers: -1) == 1)
    }

    @Test func aPostNeedingMoreThanTheBoundIsAnInputErrorNotAHang() throws {
        let hourly = Array(repeating: 1e12, count: 168)
        do {
            _ = try AmbulanceCapacity.post(id: "p", hourly: hourly, share: 1, settings: CapacitySettings())
            Issue.record("no error")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.message.contains("meer dan 10.000 ambulances"), "\(error.message)")
            #expect(error.problems.first?.location.field == "ridesPerYear")
        }
        let ok = try AmbulanceCapacity.post(
            id: "p", hourly: Array(repeating: 10, count: 168), share: 0.5, settings: CapacitySettings())
        #expect(ok.ambulancesNeeded >= 5)
    }

    @Test func secondsNeverTrapOnHugeOrInvalidNorms() {
        #expect(CoverageSettings(normMinutes: 1e300, dispatchMinutes: .nan).normSeconds == 86_400)
        #expect(CoverageSettings(normMinutes: 1e300, dispatchMinutes: .nan).dispatchSeconds == 0)
        #expect(CoverageSettings(normMinutes: -5).normSeconds == 0)
        #expect(CoverageSettings(normMinutes: 15, dispatchMinutes: 3).normSeconds == 900)
    }

    @Test func growthFactorsOutsideTheBoundsAreRefusedByTheModel() {
        let inputs = AcuteCareDemo.inputs
        for factor in [7.0, 0.001, 1e300, .nan] {
            let s = AcuteCareScenario(
                id: "g", name: "G", growth: PopulationGrowth(baseYear: 2024, targetYear: 2035, defaultFactor: factor))
            #expect(throws: VitaalError.self) { try AcuteCareModel.evaluate(base: inputs, scenario: s) }
        }
        let far = AcuteCareScenario(
            id: "g", name: "G", growth: PopulationGrowth(baseYear: 2024, targetYear: 9999, defaultFactor: 1.1))
        #expect(throws: VitaalError.self) { try AcuteCareModel.evaluate(base: inputs, scenario: far) }
    }

    @Test func osmWithADoctypeIsRefusedNamingTheFileAndLine() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE osm [<!ENTITY a "aaaaaaaaaa">]>
            <osm version="0.6"><node id="1" lat="52.5" lon="5.4"/></osm>
            """
        do {
            _ = try AcuteCareImport.roadGraph(osm: Data(xml.utf8), file: "wegen.osm")
            Issue.record("DOCTYPE accepted")
        } catch let e as VitaalError {
            #expect(e.message.contains("DOCTYPE"), "\(e.message)")
            #expect(e.problems.first?.location.file == "wegen.osm")
            #expect(e.problems.first?.location.line == 2)
        } catch { Issue.record("\(error)") }
        #expect(doctypeLine(Data("<osm>\n<!doctype x>".utf8)) == 2)
        #expect(doctypeLine(Data("<osm version=\"0.6\"></osm>".utf8)) == nil)
    }
}
