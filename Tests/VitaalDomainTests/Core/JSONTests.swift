import Foundation
import Testing

@testable import VitaalDomain

/// The one JSON parser and writer (Core/JSON).
@Suite("JSON parser and writer")
struct JSONTests {
    /// Parses `text`, expects a `VitaalError` and returns its one problem.
    func failure(_ text: String, file: String? = "t.json", limits: JSONParser.Limits = .default) -> Problem? {
        do {
            _ = try JSONParser.parse(text, file: file, limits: limits)
            Issue.record("expected an error for \(text.prefix(40))")
            return nil
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.problems.count == 1)
            #expect(error.message.contains("ongeldige JSON: "))
            return error.problems.first
        }
    }

    // MARK: Parser: positions

    @Test func nodesAndKeysKnowTheirLineAndColumn() throws {
        let root = try JSONParser.parse("{\n  \"a\": [1,\n    \"x\"],\n\t\"b\": {\"c\": true}\n}")
        #expect(root.position == JSONPosition(offset: 0, line: 1, column: 1))
        let members = try #require(root.members)
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyPosition?.line == 2 && members[0].keyPosition?.column == 3)
        #expect(root["a"]?.position?.column == 8)
        #expect(root["a"]?[1]?.position?.line == 3 && root["a"]?[1]?.position?.column == 5)
        #expect(members[1].keyPosition?.line == 4 && members[1].keyPosition?.column == 2)
        #expect(root["b"]?["c"]?.position?.column == 13)
        #expect(
            root["b"]?["c"]?.location(file: "t.json", field: "c")
                == SourceLocation(file: "t.json", line: 4, column: 13, field: "c"))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "é" and "😀" take 2 and 4 bytes; the column of `1` is counted in characters.
        let root = try JSONParser.parse("[\"é😀\", 1]")
        #expect(root[1]?.position?.column == 8)
        #expect(root[1]?.position?.offset == 11)
        let problem = failure("[\"é😀\" 1]")
        #expect(problem?.location == SourceLocation(file: "t.json", line: 1, column: 7))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let root = try JSONParser.parse(Data([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)))
        #expect(root["a"]?.int == 1)
        #expect(root.position?.column == 1)
    }

    @Test func everyErrorNamesLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("{\"a\": 1\n \"b\": 2}", 2, 2, "',' of '}' verwacht, gevonden '\"'"),
            ("[1, 2", 1, 6, "',' of ']' verwacht, maar het bestand houdt op"),
            ("{\"a\" 1}", 1, 6, "':' verwacht na \"a\""),
            ("{a: 1}", 1, 2, "naam tussen aanhalingstekens verwacht, gevonden 'a'"),
            ("[1,\n  tru]", 2, 3, "bedoeld true?"),
            ("[01]", 1, 2, "geen voorloopnullen"),
            ("[1.]", 1, 4, "cijfer verwacht na de punt"),
            ("[1e+]", 1, 5, "cijfer verwacht in de exponent"),
            ("[-x]", 1, 3, "cijfer verwacht na '-'"),
            ("[\"abc", 1, 2, "tekst niet afgesloten"),
            ("[\"a\nb\"]", 1, 4, "regeleinde of besturingsteken"),
            ("[\"a\\x\"]", 1, 4, "onbekende escape '\\x'"),
            ("[\"\\u12G4\"]", 1, 7, "4 hexadecimale cijfers"),
            ("{} x", 1, 4, "onverwachte tekst na het einde van de JSON"),
            ("   ", 1, 4, "het bestand is leeg"),
            ("[é]", 1, 2, "waarde verwacht, gevonden 'é'")
        ]
        for (text, line, column, message) in cases {
            let problem = failure(text)
            #expect(problem?.location == SourceLocation(file: "t.json", line: line, column: column), "\(text)")
            #expect(problem?.message.contains(message) == true, "\(text): \(problem?.message ?? "")")
        }
    }

    // MARK: Parser: limits

    @Test func depthLimit() throws {
        let limits = JSONParser.Limits(maxDepth: 3)
        #expect(try JSONParser.parse("[[[1]]]", limits: limits)[0]?[0]?[0]?.int == 1)
        let problem = failure("[[[[1]]]]", limits: limits)
        #expect(problem?.location.column == 4)
        #expect(problem?.message == "ongeldige JSON: te diep genest (meer dan 3 niveaus)")
        // The default limit (100) keeps a hostile file from exhausting the stack.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(failure(deep)?.message.contains("meer dan 100 niveaus") == true)
    }

    @Test func sizeLimit() throws {
        let limits = JSONParser.Limits(maxBytes: 2048)
        let text = "[" + Array(repeating: "1", count: 4000).joined(separator: ",") + "]"
        let problem = failure(text, limits: limits)
        #expect(problem?.location == SourceLocation(file: "t.json"))
        #expect(problem?.message == "ongeldige JSON: het bestand is te groot (7 kB; hoogstens 2 kB)")
        #expect(try JSONParser.parse(text)[1499]?.int == 1)
    }

    // MARK: Parser: values

    @Test func stringEscapesIncludingSurrogatePairs() throws {
        let root = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "é😀"]"#)
        #expect(root[0]?.string == "\"\\/\u{8}\u{c}\n\r\t")
        #expect(root[1]?.string == "é€")
        #expect(root[2]?.string == "😀")
        #expect(root[3]?.string == "é😀")
        #expect(failure(#"["\ud83d"]"#)?.message.contains("laag surrogaat") == true)
        #expect(failure(#"["\ud83d\u0041"]"#)?.location.column == 3)
        #expect(failure(#"["\ude00"]"#)?.message.contains("zonder hoog surrogaat") == true)
        #expect(failure("[\"\u{1}\"]")?.message.contains("besturingsteken") == true)
        let invalidUTF8 = Data([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D])
        do {
            _ = try JSONParser.parse(invalidUTF8)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("geen geldige UTF-8"))
        }
    }

    @Test func numbersKeepTheirText() throws {
        let root = try JSONParser.parse("[52.50, 12345678901234567890, -0, 1E+3, 1e400, 0.1]")
        #expect(
            root.array?.map { $0.numberText ?? "" } == ["52.50", "12345678901234567890", "-0", "1E+3", "1e400", "0.1"])
        #expect(JSONWriter.text(root) == "[52.50,12345678901234567890,-0,1E+3,1e400,0.1]")
        #expect(root[0]?.double == 52.5 && root[0]?.int == nil)
        #expect(root[3]?.double == 1000)
        #expect(root[4]?.double == .infinity)  // callers check isFinite
        #expect(root[1]?.int == nil)  // beyond Int
        // Equal numbers with different texts are equal values.
        #expect(root[0] == .number(52.5))
        #expect(JSONNode.number("1.0") == 1)
        #expect(
            JSONParser.isNumber("-0.5e3") && !JSONParser.isNumber("+1") && !JSONParser.isNumber(".5")
                && !JSONParser.isNumber("01") && !JSONParser.isNumber("NaN") && !JSONParser.isNumber("1 "))
    }

    @Test func duplicateKeysAreRefusedAtTheSecondKey() {
        let problem = failure("{\"a\": 1,\n \"a\": 2}")
        #expect(problem?.location == SourceLocation(file: "t.json", line: 2, column: 2, field: "a"))
        #expect(problem?.message == "ongeldige JSON: veld \"a\" komt twee keer voor in hetzelfde object")
        // Nested objects have their own keys.
        #expect((try? JSONParser.parse("{\"a\": {\"a\": 1}}")) != nil)
    }

    @Test func objectsKeepDocumentOrder() throws {
        let root = try JSONParser.parse("{\"z\": 1, \"a\": 2, \"m\": 3}")
        #expect(root.members?.map(\.key) == ["z", "a", "m"])
        #expect(root.jsonText() == "{\"z\":1,\"a\":2,\"m\":3}")
        #expect(root.jsonText(sortedKeys: true) == "{\"a\":2,\"m\":3,\"z\":1}")
    }

    // MARK: Writer

    @Test func escapesControlCharactersLikeJSONEncoder() throws {
        let tricky = "q\"b\\s/ <\u{8}\u{c}\n\r\t\u{1}\u{1f}\u{7f} é😀"
        #expect(JSONWriter.quoted(tricky) == #""q\"b\\s/ <\b\f\n\r\t\u0001\u001f"# + "\u{7f} é😀\"")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        #expect(JSONWriter.quoted(tricky) == String(decoding: try encoder.encode(tricky), as: UTF8.self))
        #expect(try JSONParser.parse(JSONWriter.quoted(tricky)).string == tricky)
    }

    @Test func scriptEndTagIsNotEscaped() {
        // No old writer escaped "/" or "<"; JSON from Vitaal is never put inside <script>.
        #expect(JSONWriter.quoted("</script>") == "\"</script>\"")
    }

    @Test func numbersFromDoublesAsJSONEncoder() throws {
        for v in [0.1, 12.0, -0.0, 1e-7, 123_456_789_012_345_680, 2.5, 1e21, 0.3333333333333333, 1e15, -1.25] {
            let encoded = String(decoding: try JSONEncoder().encode(v), as: UTF8.self)
            #expect(JSONWriter.numberText(v) == encoded, "\(v)")
        }
        #expect(JSONNode.number(.nan) == .null && JSONNode.number(.infinity).isNull)
        #expect(JSONWriter.numberText(2020) == "2020")
    }

    @Test func prettyStyles() {
        let node: JSONNode = ["b": [1, 2], "a": ["x": "y"], "e": [], "o": [:], "l": [["k": true]]]
        #expect(
            JSONWriter.text(node, style: .pretty) == """
                {
                  "b": [
                    1,
                    2
                  ],
                  "a": {
                    "x": "y"
                  },
                  "e": [],
                  "o": {},
                  "l": [
                    {
                      "k": true
                    }
                  ]
                }
                """)
        let sorted = JSONWriter.Style(pretty: true, sortedKeys: true, inlineNumberLists: true)
        #expect(
            JSONWriter.text(["b": [0.6, 0.4], "a": nil], style: sorted) == "{\n  \"a\": null,\n  \"b\": [0.6, 0.4]\n}")
    }

    @Test func roundTripParseWriteParse() throws {
        let text =
            #"{"type":"FeatureCollection","n":-12.50e-3,"t":"a\"b\n\u0001é😀","l":[true,false,null,[],{}],"#
            + #""z":{"y":[1,2.0]}}"#
        let node = try JSONParser.parse(text)
        #expect(JSONWriter.text(node) == text)
        let pretty = JSONWriter.text(node, style: .pretty)
        let again = try JSONParser.parse(pretty)
        #expect(again == node)
        #expect(JSONWriter.text(again) == text)
    }

    // MARK: Literals and Codable

    @Test func literalsBuildDocuments() throws {
        let doc: JSONNode = ["openapi": "3.0.3", "n": 3, "f": 1.5, "ok": true, "none": nil, "list": ["a", 1]]
        #expect(doc.members?.map(\.key) == ["openapi", "n", "f", "ok", "none", "list"])
        #expect(doc["openapi"]?.string == "3.0.3" && doc["n"]?.int == 3 && doc["f"]?.double == 1.5)
        #expect(doc["ok"]?.bool == true && doc["none"]?.isNull == true && doc["list"]?[1]?.int == 1)
        #expect(doc["list"]?.text == "[\"a\",1]" && doc["missing"] == nil && doc["n"]?.kindName == "een getal")
        let fromDictionary = JSONNode.object(["b": 1, "a": 2])
        #expect(fromDictionary.members?.map(\.key) == ["a", "b"])
    }

    @Test func codableThroughJSONEncoderAndDecoder() throws {
        let doc: JSONNode = ["n": 3, "f": 0.25, "s": "x", "b": false, "z": nil, "l": [1, "2"], "o": ["k": [:]]]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(doc)
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"b":false,"f":0.25,"l":[1,"2"],"n":3,"o":{"k":{}},"s":"x","z":null}"#)
        let back = try JSONDecoder().decode(JSONNode.self, from: data)
        #expect(
            back
                == JSONNode.object(["b": false, "f": 0.25, "l": [1, "2"], "n": 3, "o": ["k": [:]], "s": "x", "z": nil]))
    }
}
