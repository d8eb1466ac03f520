import Vapor
import VitaalDomain
import ZIPFoundation

/// File downloads (CSV, JSON, xlsx) with the right headers; one place for every feature.
public enum Download {
    /// A CSV file (`;`-separated, UTF-8 with BOM so spreadsheet programs read accents correctly).
    public static func csv(_ filename: String, headers: [String], rows: [[String]]) -> Response {
        var writer = CSVWriter(separator: .semicolon, includeBOM: true)
        writer.append(headers)
        for row in rows { writer.append(row) }
        return file(filename, contentType: "text/csv; charset=utf-8", data: writer.data)
    }

    /// Any `Encodable` as pretty-printed JSON with sorted keys.
    public static func json<T: Encodable>(_ filename: String, _ value: T) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return file(filename, contentType: "application/json; charset=utf-8", data: try encoder.encode(value))
    }

    /// An Excel workbook written from `XLSX.parts` and zipped with ZIPFoundation.
    public static func xlsx(_ filename: String, sheets: [XLSX.Sheet]) throws -> Response {
        file(
            filename, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            data: try xlsxData(sheets))
    }

    public static func xlsxData(_ sheets: [XLSX.Sheet]) throws -> Data {
        let parts = try XLSX.parts(sheets)
        let archive = try Archive(accessMode: .create)
        for part in parts {
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(part.data.count),
                compressionMethod: .deflate
            ) { position, size in
                part.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw VitaalError(.internal, "Kon het xlsx-bestand niet samenstellen.") }
        return data
    }

    public static func file(_ filename: String, contentType: String, data: Data) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
