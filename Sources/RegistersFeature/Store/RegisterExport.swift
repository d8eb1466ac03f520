import AppCore
import Foundation
import VitaalDomain

/// The rows of a register's download (CSV and xlsx share them): the fields the viewer may see,
/// with dates as `yyyy-mm-dd` and amounts as whole euros so that the file can be read back.
enum RegisterExport {
    struct Cell: Sendable {
        var text: String
        var cell: XLSX.Cell
    }

    struct Table: Sendable {
        var headers: [String]
        var rows: [[Cell]]
    }

    static func table(_ kind: RegisterKind, rows: [RegisterStore.Stored], fields: [RegisterField]) -> Table {
        let hasStatus = kind.definition.statusPath != nil
        var headers = ["Sleutel"]
        if hasStatus { headers.append("Status") }
        let importedKey = kind.definition.importedDateKey
        for field in fields {
            headers.append(field.label)
            if field.key == importedKey { headers.append(originHeader(field)) }
        }
        headers += ["Organisatie", "Versie", "Laatst gewijzigd", "Voorbeelddata"]
        let formatter = ISO8601DateFormatter()
        return Table(
            headers: headers,
            rows: rows.map { row in
                var cells = [text(row.entry.key)]
                if hasStatus { cells.append(text(row.entry.status ?? "")) }
                for field in fields {
                    cells.append(cell(row.entry.values[field.key], field))
                    if field.key == importedKey {
                        cells.append(text(row.entry.values[field.key] == nil ? "" : origin(row.importedDate)))
                    }
                }
                cells += [
                    text(row.organisationName ?? ""),
                    Cell(text: String(row.version), cell: .number(Double(row.version))),
                    text(formatter.string(from: row.updatedAt)), text(row.entry.isExample ? "ja" : "nee")
                ]
                return cells
            })
    }

    /// "Laatste import volgens": the column that says where a source's last import comes from.
    static func originHeader(_ field: RegisterField) -> String { "\(field.label) volgens" }

    /// "importgeschiedenis" (the monitor's) or "ingevoerd".
    static func origin(_ imported: Bool) -> String { imported ? "importgeschiedenis" : "ingevoerd" }

    static func text(_ value: String) -> Cell { Cell(text: value, cell: value.isEmpty ? .empty : .text(value)) }

    static func cell(_ value: String?, _ field: RegisterField) -> Cell {
        guard let value, !value.isEmpty else { return Cell(text: "", cell: .empty) }
        switch field.kind {
        case .amount: return Cell(text: value, cell: Double(value).map { .amount($0) } ?? .text(value))
        case .year: return Cell(text: value, cell: Double(value).map { .number($0) } ?? .text(value))
        default: return text(value)
        }
    }
}
