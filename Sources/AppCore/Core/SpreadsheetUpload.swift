import Foundation
import VitaalDomain
import ZIPFoundation

/// Opens an uploaded xlsx workbook for the import pipeline: reads the zip's directory, refuses a
/// workbook that would expand past `maxExpandedBytes` *before* unpacking anything (the sizes the
/// directory declares), and counts the bytes again while unpacking (a zip can lie about them).
public enum SpreadsheetUpload {
    /// Largest total an xlsx may expand to: 200 MB.
    public static let maxExpandedBytes: UInt64 = 200 * 1024 * 1024
    /// Largest xlsx file read (it is read whole; compressed it is smaller than what it expands to).
    public static let maxFileBytes = 200 * 1024 * 1024
    /// Most parts (files) in one workbook.
    public static let maxEntries = 10_000

    /// The sheet named `sheet` (or the first sheet) of the workbook in `data`, as import records.
    public static func sheetSource(
        _ data: Data, fileName: String, sheet: String? = nil, limit: UInt64 = maxExpandedBytes
    ) throws -> XLSXSheetSource {
        let megabytes = limit / 1024 / 1024
        let location = SourceLocation(file: fileName)
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw VitaalError.invalid("geen geldig xlsx-bestand (het is geen zip-archief)", at: location)
        }
        var total: UInt64 = 0
        var count = 0
        for entry in archive {
            count += 1
            total += entry.uncompressedSize
            if count > maxEntries {
                throw VitaalError.invalid("het xlsx-bestand bevat meer dan \(maxEntries) onderdelen", at: location)
            }
            if total > limit {
                throw VitaalError.invalid(
                    "het xlsx-bestand zou uitpakken tot meer dan \(megabytes) MB; het is niet uitgepakt. Splits het bestand of exporteer het als CSV",
                    at: location)
            }
        }
        var budget = limit
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var out = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    guard UInt64(chunk.count) <= budget else { throw ExpansionLimit() }
                    budget -= UInt64(chunk.count)
                    out.append(chunk)
                }
            } catch is ExpansionLimit {
                throw VitaalError.invalid(
                    "het xlsx-bestand pakt verder uit dan het opgeeft (meer dan \(megabytes) MB); het is niet gelezen",
                    at: location)
            } catch {
                throw VitaalError.invalid("onderdeel \(path) van het xlsx-bestand is beschadigd", at: location)
            }
            return out
        }
        guard let workbook = try part("xl/workbook.xml"), let rels = try part("xl/_rels/workbook.xml.rels") else {
            throw VitaalError.invalid(
                "geen geldig xlsx-bestand (xl/workbook.xml ontbreekt); sla het op als Excel-werkmap (.xlsx)",
                at: location)
        }
        let sheets = try XLSXWorkbook.sheets(workbook: workbook, relationships: rels, fileName: fileName)
        let chosen: XLSXWorkbook.Sheet
        if let sheet {
            guard let match = sheets.first(where: { $0.name == sheet }) else {
                throw VitaalError.invalid(
                    "blad \"\(sheet)\" bestaat niet; de werkmap heeft: "
                        + sheets.map { "\"\($0.name)\"" }.joined(separator: ", "),
                    at: location)
            }
            chosen = match
        } else {
            guard let first = sheets.first else {
                throw VitaalError.invalid("de werkmap heeft geen bladen", at: location)
            }
            chosen = first
        }
        guard let sheetData = try part(chosen.path) else {
            throw VitaalError.invalid(
                "blad \"\(chosen.name)\" ontbreekt in het xlsx-bestand (\(chosen.path))", at: location)
        }
        return try XLSXSheetSource(
            sheet: sheetData, sharedStrings: try part("xl/sharedStrings.xml"), fileName: fileName,
            sheetName: chosen.name)
    }

    private struct ExpansionLimit: Error {}
}
