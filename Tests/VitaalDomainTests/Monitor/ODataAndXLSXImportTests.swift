import Foundation
import Testing

@testable import VitaalDomain

/// Fixtures in the shape CBS StatLine's OData v4 API serves (`/Observations`, `/MeasureCodes`,
/// `/PeriodenCodes`), written from its documentation: one object per measure, region and period.
private let population = IndicatorDefinition(
    code: "bevolking", name: "Inwoners", unit: "aantal", polarity: .neutral, source: "CBS", isCount: true,
    validRange: .nonNegative)
private let density = IndicatorDefinition(
    code: "dichtheid", name: "Bevolkingsdichtheid", unit: "inwoners per km²", polarity: .neutral, source: "CBS",
    validRange: .nonNegative)
private let catalog = StaticImportCatalog(
    indicators: [population, density], regions: ["GM0034", "GM0995", "WK003401", "WK003402"])
private let mapping = StatLineMapping(
    measures: ["M000352": "bevolking", "M000100": "dichtheid"], status: .definitief, skip: ["M009999"])

private func observation(
    _ id: Int, _ measure: String, _ region: String, _ period: String, value: String, attribute: String = "None"
) -> String {
    """
        {"Id": \(id), "Measure": "\(measure)", "ValueAttribute": "\(attribute)", "Value": \(value), \
    "WijkenEnBuurten": "\(region)", "Perioden": "\(period)"}
    """
}

private func document(_ observations: [String]) -> Data {
    Data(
        ("{\n  \"@odata.context\": \"https://datasets.cbs.nl/odata/v1/CBS/85984NED/$metadata#Observations\",\n  \"value\": [\n"
            + observations.joined(separator: ",\n") + "\n  ]\n}\n").utf8)
}

private func importOData(
    _ data: Data, codeLists: ODataCodeLists = ODataCodeLists(), mapping: StatLineMapping = mapping
) throws -> [ImportRow] {
    let source = try ODataObservationSource(data: data, fileName: "Observations.json", codeLists: codeLists)
    var rows: [ImportRow] = []
    _ = try ImportPipeline.run(
        session: ImportSession(reader: source, catalog: catalog, options: ImportOptions(mapping: mapping)),
        sink: { rows += $0.rows })
    return rows
}

private func problems(_ body: () throws -> Void) -> [Problem] {
    do {
        try body()
        return []
    } catch let e as VitaalError { return e.problems } catch { return [] }
}

@Suite("Monitor – CBS OData v4 import")
struct ODataImportTests {
    @Test func valuesAndEveryValueAttribute() throws {
        let rows = try importOData(
            document([
                observation(0, "M000352", "GM0034", "2024JJ00", value: "226500"),
                observation(1, "M000100", "GM0034", "2024JJ00", value: "1.8743E3"),
                observation(2, "M000352", "WK003401", "2024JJ00", value: "null", attribute: "Confidential"),
                observation(3, "M000352", "WK003402", "2024JJ00", value: "null", attribute: "Impossible"),
                observation(4, "M000352", "GM0995", "2024JJ00", value: "null", attribute: "None"),
                observation(5, "M000100", "WK003401", "2024JJ00", value: "null", attribute: "NotAvailable"),
                observation(6, "M009999", "GM0034", "2024JJ00", value: "12")
            ]))
        #expect(rows.count == 6, "the skipped measure is not imported")
        #expect(rows[0].observation.value == 226_500 && rows[0].observation.period == .year(2024))
        #expect(rows[1].observation.value == 1874.3, "exponent notation is read as the number it is")
        #expect(rows[2].observation.value == nil && rows[2].observation.missingReason == .confidential)
        #expect(rows[3].observation.value == nil && rows[3].observation.missingReason == .notApplicable)
        #expect(rows[4].observation.value == nil && rows[4].observation.missingReason == .notAvailable, "never a 0")
        #expect(rows[5].observation.missingReason == .notAvailable)
        #expect(rows.allSatisfy { $0.observation.status == .definitief })
        #expect(rows.map(\.line) == [4, 5, 6, 7, 8, 9], "each observation keeps its line in the file")
    }

    @Test func anUnmappedMeasureIsRefusedWithItsLineAndNothingIsImported() {
        let found = problems {
            _ = try importOData(
                document([
                    observation(0, "M000352", "GM0034", "2024JJ00", value: "226500"),
                    observation(1, "M004711", "GM0034", "2024JJ00", value: "3")
                ]))
        }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("Measure \"M004711\" staat niet in de mapping") == true)
        #expect(found.first?.location.file == "Observations.json" && found.first?.location.line == 5)
        #expect(found.first?.location.field == "Measure")
    }

    @Test func codesTheTablesCodeListsDoNotHaveAreRefused() {
        let lists = ODataCodeLists(measures: ["M000352", "M000100"], periods: ["2023JJ00", "2024JJ00"])
        let found = problems {
            _ = try importOData(
                document([
                    observation(0, "M000352", "GM0034", "2025JJ00", value: "230000"),
                    observation(1, "M000352", "GM0034", "2024XX00", value: "226500")
                ]), codeLists: lists)
        }
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.message.contains("komt niet voor in de PeriodenCodes van deze CBS-tabel") })
        #expect(found.map(\.location.line) == [4, 5])
        #expect(found.first?.location.field == "Perioden")
    }

    @Test func badValuesAttributesAndRegionsNameTheirPlace() {
        let found = problems {
            _ = try importOData(
                document([
                    observation(0, "M000352", "GM9999", "2024JJ00", value: "1"),
                    observation(1, "M000352", "GM0034", "2024JJ00", value: "\"veel\""),
                    observation(2, "M000352", "GM0995", "2024JJ00", value: "3", attribute: "Secret"),
                    observation(3, "M000100", "GM0034", "2024JJ00", value: "-5")
                ]))
        }
        #expect(found.map(\.location.line) == [4, 5, 6, 7])
        #expect(found[0].message == "onbekende regio \"GM9999\"")
        #expect(found[1].message == "\"veel\" is geen getal" && found[1].location.field == "Value")
        #expect(found[2].message.hasPrefix("onbekend ValueAttribute \"Secret\""))
        #expect(found[3].message.contains("buiten het toegestane bereik"))
    }

    @Test func theDocumentMustBeAnObservationsList() {
        let found = problems {
            _ = try ODataObservationSource(data: Data("[1, 2]".utf8), fileName: "Observations.json")
        }
        #expect(found.first?.message.contains("\"value\": [...]") == true)
        let lists = problems { _ = try ODataCodeLists.identifiers(Data("{\"value\": [{}]}".utf8), fileName: "M.json") }
        #expect(lists.first?.message == "codelijst-item 1 heeft geen \"Identifier\"")
    }

    @Test func codeListsReadTheirIdentifiers() throws {
        let data = Data(
            #"{"value": [{"Identifier": "2023JJ00", "Title": "2023"}, {"Identifier": "2024JJ00", "Title": "2024"}]}"#
                .utf8)
        #expect(try ODataCodeLists.identifiers(data, fileName: "PeriodenCodes.json") == ["2023JJ00", "2024JJ00"])
    }
}

// MARK: xlsx

/// A sheet's XML as Excel writes it: shared strings for text (`t="s"`), plain `<v>` for numbers.
private func sheetXML(
    _ rows: [[String]], formulas: [String: String] = [:], merged: [String] = [], errors: [String: String] = [:]
)
    -> (sheet: Data, strings: Data)
{
    var strings: [String] = []
    var xml =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    for (r, row) in rows.enumerated() {
        xml += "<row r=\"\(r + 1)\">"
        for (c, text) in row.enumerated()
        where !text.isEmpty || formulas[XLSXSheetSource.reference(column: c, row: r + 1)] != nil {
            let ref = XLSXSheetSource.reference(column: c, row: r + 1)
            if let f = formulas[ref] {
                xml += "<c r=\"\(ref)\"><f>\(f)</f><v>\(text)</v></c>"
            } else if let e = errors[ref] {
                xml += "<c r=\"\(ref)\" t=\"e\"><v>\(e)</v></c>"
            } else if Double(text) != nil {
                xml += "<c r=\"\(ref)\"><v>\(text)</v></c>"
            } else {
                strings.append(text)
                xml += "<c r=\"\(ref)\" t=\"s\"><v>\(strings.count - 1)</v></c>"
            }
        }
        xml += "</row>"
    }
    xml += "</sheetData>"
    if !merged.isEmpty {
        xml +=
            "<mergeCells count=\"\(merged.count)\">" + merged.map { "<mergeCell ref=\"\($0)\"/>" }.joined()
            + "</mergeCells>"
    }
    xml += "</worksheet>"
    let sst =
        #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + strings.map { "<si><t>\($0.replacingOccurrences(of: "&", with: "&amp;"))</t></si>" }.joined() + "</sst>"
    return (Data(xml.utf8), Data(sst.utf8))
}

private func importSheet(
    _ rows: [[String]], formulas: [String: String] = [:], merged: [String] = [], errors: [String: String] = [:],
    options: ImportOptions = ImportOptions()
) throws -> [ImportRow] {
    let xml = sheetXML(rows, formulas: formulas, merged: merged, errors: errors)
    let source = try XLSXSheetSource(
        sheet: xml.sheet, sharedStrings: xml.strings, fileName: "cijfers.xlsx", sheetName: "Data")
    var out: [ImportRow] = []
    _ = try ImportPipeline.run(
        session: ImportSession(reader: source, catalog: catalog, options: options), sink: { out += $0.rows })
    return out
}

@Suite("Monitor – xlsx import")
struct XLSXImportTests {
    @Test func longLayoutWithNumbersAndText() throws {
        let rows = try importSheet([
            ["indicator", "regio", "periode", "waarde", "reden"],
            ["bevolking", "GM0034", "2024", "226500", ""],
            ["dichtheid", "GM0034", "2024", "1874.3", ""],
            ["bevolking", "WK003401", "2024", "", "geheim"]
        ])
        #expect(rows.map(\.observation.value) == [226_500, 1874.3, nil])
        #expect(rows[2].observation.missingReason == .confidential)
        #expect(rows.map(\.line) == [2, 3, 4], "the line is the sheet's row")
    }

    @Test func wideStatLineLayoutWithAMapping() throws {
        let wide = StatLineMapping(measures: ["Inwoners": "bevolking", "Dichtheid": "dichtheid"])
        let rows = try importSheet(
            [["RegioS", "Perioden", "Inwoners", "Dichtheid"], ["GM0034", "2024JJ00", "226500", "1874"]],
            options: ImportOptions(mapping: wide))
        #expect(Set(rows.map(\.observation.indicator)) == ["bevolking", "dichtheid"])
    }

    @Test func aBadCellIsNamedByItsReference() {
        let found = problems {
            _ = try importSheet([
                ["indicator", "regio", "periode", "waarde"],
                ["bevolking", "GM0034", "2024", "226500"],
                ["bevolking", "GM0995", "2024", "veel"]
            ])
        }
        #expect(found.count == 1)
        #expect(found[0].message == "\"veel\" is geen getal")
        #expect(
            found[0].location == SourceLocation(file: "cijfers.xlsx", field: "waarde", element: "blad \"Data\", cel D3")
        )
        #expect(found[0].location.description == "cijfers.xlsx, blad \"Data\", cel D3 (veld \"waarde\")")
    }

    @Test func formulasAreRefusedNamingTheCell() {
        let found = problems {
            _ = try importSheet(
                [["indicator", "regio", "periode", "waarde"], ["bevolking", "GM0034", "2024", "226500"]],
                formulas: ["D2": "SUM(E2:E9)"])
        }
        #expect(found.count == 1 && found[0].message.hasPrefix("cel bevat een formule (=SUM(E2:E9))"))
        #expect(found[0].location.element == "blad \"Data\", cel D2")
    }

    @Test func mergedHeaderCellsAreRefused() {
        let found = problems {
            _ = try importSheet(
                [["indicator", "", "periode", "waarde"], ["bevolking", "GM0034", "2024", "226500"]], merged: ["A1:B1"])
        }
        #expect(found.first?.message.hasPrefix("samengevoegde cellen A1:B1") == true)
    }

    @Test func aSecondHeaderRowIsRefused() {
        let found = problems {
            _ = try importSheet([
                ["indicator", "regio", "periode", "waarde"],
                ["code", "CBS-code", "jaar", "aantal"],
                ["bevolking", "GM0034", "2024", "226500"]
            ])
        }
        #expect(found.count == 1 && found[0].message.hasPrefix("rij 2 lijkt een tweede kopregel"))
        #expect(found[0].location.element == "blad \"Data\", cel A2")
    }

    @Test func errorCellsAndCellsRightOfTheHeaderAreRefused() {
        let errorCell = problems {
            _ = try importSheet(
                [["indicator", "regio", "periode", "waarde"], ["bevolking", "GM0034", "2024", "#N/A"]],
                errors: ["D2": "#N/A"])
        }
        #expect(errorCell.first?.message == "cel bevat een foutwaarde (#N/A)")
        let beyond = problems {
            _ = try importSheet([
                ["indicator", "regio", "periode", "waarde"], ["bevolking", "GM0034", "2024", "226500", "extra"]
            ])
        }
        #expect(beyond.first?.location.element == "blad \"Data\", cel E2")
    }

    @Test func cellReferencesRoundTrip() {
        for (column, row, text) in [(0, 1, "A1"), (1, 17, "B17"), (25, 3, "Z3"), (26, 4, "AA4"), (701, 9, "ZZ9")] {
            #expect(XLSXSheetSource.reference(column: column, row: row) == text)
            #expect(XLSXSheetSource.parseReference(text).map { [$0.column, $0.row] } == [column, row])
        }
        #expect(XLSXSheetSource.parseReference("1A") == nil)
    }

    @Test func workbookNamesItsSheetsInOrder() throws {
        let workbook = Data(
            #"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Toelichting" sheetId="1" r:id="rId2"/><sheet name="Data" sheetId="2" r:id="rId1"/></sheets></workbook>"#
                .utf8)
        let rels = Data(
            #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet2.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet1.xml"/></Relationships>"#
                .utf8)
        let sheets = try XLSXWorkbook.sheets(workbook: workbook, relationships: rels, fileName: "c.xlsx")
        #expect(sheets.map(\.name) == ["Toelichting", "Data"])
        #expect(sheets.map(\.path) == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
    }
}
