import Foundation
import Testing

@testable import VitaalDomain

@Suite struct RunningImportTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func running(read: Int, of total: Int?, updated: TimeInterval = 0) -> RunningImport {
        RunningImport(
            fileName: "waarden.csv", actor: "redacteur@flever.example", startedAt: start, bytesRead: read,
            totalBytes: total, records: 2000, values: 2000, updatedAt: start.addingTimeInterval(updated),
            processID: 4242)
    }

    @Test func percentIsRoundedDownAndNeverAboveOneHundred() {
        #expect(running(read: 65_536, of: 175_000).percentRead == 37)
        #expect(running(read: 174_999, of: 175_000).percentRead == 99)
        #expect(running(read: 175_000, of: 175_000).percentRead == 100)
        // The reader counts whole chunks: it may have read past a size taken earlier.
        #expect(running(read: 200_000, of: 175_000).fractionRead == 1)
        #expect(running(read: 10, of: nil).percentRead == nil)
        #expect(running(read: 0, of: 0).fractionRead == nil)
    }

    @Test func stalledOnlyAfterFiveMinutesWithoutProgress() {
        let progress = running(read: 1, of: 2, updated: 60)
        #expect(!progress.isStalled(at: start.addingTimeInterval(60 + 300)))
        #expect(progress.isStalled(at: start.addingTimeInterval(60 + 301)))
    }

    @Test func survivesTheJSONFileItIsPublishedIn() throws {
        let progress = running(read: 65_536, of: nil)
        let data = try JSONEncoder().encode(progress)
        #expect(try JSONDecoder().decode(RunningImport.self, from: data) == progress)
    }
}
