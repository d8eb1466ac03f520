// bench-monitor: generates a long CSV of N values (default 1,000,000 = 400 regions × 50 indicators
// × 50 periods) plus its catalog, and times the pure parse + validate import pipeline (no DB).
// Usage: bench-monitor [N] [--keep]
import Foundation
import VitaalDomain

func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kb / 1024
    }
    return -1
}

let args = CommandLine.arguments.dropFirst()
let n = args.first.flatMap { Int($0) } ?? 1_000_000
let regionCount = 400, indicatorCount = 50
let periodCount = max(1, (n + regionCount * indicatorCount - 1) / (regionCount * indicatorCount))

let indicators = (0..<indicatorCount).map { i in
    IndicatorDefinition(code: "ind_\(i)", name: "Indicator \(i)", unit: "%", decimals: 1,
                        polarity: i % 3 == 0 ? .lowerIsBetter : .higherIsBetter, source: "bench",
                        isCount: i % 10 == 0, validRange: .percentage)
}
let regions = (0..<regionCount).map { String(format: "GM%04d", $0) }
let catalog = StaticImportCatalog(indicators: indicators, regions: regions)

let url = FileManager.default.temporaryDirectory.appendingPathComponent("bench-monitor-\(n).csv")
_ = FileManager.default.createFile(atPath: url.path, contents: nil)
let handle = try FileHandle(forWritingTo: url)
var rng = MonitorRNG(seed: 42)
var buffer = "indicator;regio;periode;waarde;status;opmerking\n"
var written = 0
let genStart = Date()
outer: for p in 0..<periodCount {
    let period = Period.month(2000 + p / 12, p % 12 + 1)!.description
    for ind in indicators {
        for region in regions {
            if written == n { break outer }
            let value = ValueFormatter.number(Double(rng.next() % 1000) / 10, decimals: 1)
            buffer += "\(ind.code);\(region);\(period);\(value);voorbeeld;\(written % 97 == 0 ? "\"met ; en \"\"quote\"\"\"" : "")\n"
            written += 1
            if buffer.utf8.count > 1 << 20 { handle.write(Data(buffer.utf8)); buffer = "" }
        }
    }
}
handle.write(Data(buffer.utf8))
try handle.close()
let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
let mb = Double(size) / 1_000_000
print(String(format: "generated %d values, %.1f MB in %.1f s (peak RSS so far %.0f MiB)", written, mb, Date().timeIntervalSince(genStart), peakRSSMiB()))

// --pipeline-only: skip the reader-alone timings (for a profiler).
let readersToo = !args.contains("--pipeline-only")
let csvStart = Date()
let reader = try CSVReader(url: url)
var fieldCount = 0
while readersToo, let record = try reader.next() { fieldCount += record.count }
let csvSeconds = Date().timeIntervalSince(csvStart)
print(String(format: "CSVReader alone: %d fields in %.2f s = %.1f MB/s", fieldCount, csvSeconds, mb / csvSeconds))

let rawStart = Date()
let rawReader = try CSVReader(url: url)
var raw = CSVRawRecord()
var rawFields = 0
while readersToo, try rawReader.next(into: &raw) { rawFields += raw.count }
let rawSeconds = Date().timeIntervalSince(rawStart)
print(String(format: "CSVReader.next(into:) (bytes, no String per field): %d fields in %.2f s = %.1f MB/s", rawFields, rawSeconds, mb / rawSeconds))

let start = Date()
var emitted = 0
let summary = try ImportPipeline.run(url: url, catalog: catalog, options: ImportOptions(batchSize: 5000),
                                     sink: { emitted += $0.rows.count })
let seconds = Date().timeIntervalSince(start)
print(String(format: "parse+validate: %d values in %.2f s = %.1f MB/s, %.0f values/s; peak RSS %.0f MiB",
             emitted, seconds, mb / seconds, Double(emitted) / seconds, peakRSSMiB()))
print("summary: \(summary.records) records, \(summary.batches) batches, \(summary.indicatorCodes.count) indicators, \(summary.regionCount) regions, \(summary.firstPeriod!)…\(summary.lastPeriod!)")
if !args.contains("--keep") { try? FileManager.default.removeItem(at: url) }
