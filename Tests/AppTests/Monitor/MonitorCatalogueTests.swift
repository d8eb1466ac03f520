import App
import Fluent
import VitaalDomain
import XCTVapor
import XCTest

@testable import AppCore
@testable import MonitorFeature
@testable import PlansFeature

/// The indicator catalogue, monitors and themes managed in the browser (#15): a researcher adds an
/// indicator to a new monitor, uploads its values, changes its definition (version history) and
/// retires it; bad input and other organisations write nothing.
final class MonitorCatalogueTests: XCTestCase {
    static let code = "ggd_eenzaamheid_ernstig"

    /// The form of a new indicator (every field), with `changes` applied.
    static func form(_ changes: [String: String] = [:]) -> [String: String] {
        var form = [
            "code": code, "name": "Ernstig eenzaam", "description": "Percentage volwassenen dat ernstig eenzaam is.",
            "unit": "%", "decimals": "1", "polarity": "lowerIsBetter", "level": "outcome",
            "source": "GGD Gezondheidsmonitor Volwassenen", "licence": "CC BY 4.0", "normComparison": "≤",
            "normValue": "10", "normSource": "GGD-ambitie", "rangeMin": "0", "rangeMax": "100",
            "visibility": "public", "owner": "ggd-flevoland", "status": "actief", "replacesCode": ""
        ]
        for (key, value) in changes { form[key] = value }
        return form
    }

    /// The edit form of a stored indicator, as the page fills it.
    static func form(of indicator: Indicator, owner: String, _ changes: [String: String] = [:]) -> [String: String] {
        let draft = IndicatorDraft(
            indicator.definition, status: IndicatorStatus(rawValue: indicator.status) ?? .actief,
            replacesCode: indicator.replacesCode)
        var form = [
            "code": draft.code, "name": draft.name, "description": draft.description, "unit": draft.unit,
            "decimals": draft.decimals, "polarity": draft.polarity, "level": draft.level, "source": draft.source,
            "licence": draft.licence, "normComparison": draft.normComparison, "normValue": draft.normValue,
            "normSource": draft.normSource, "rangeMin": draft.rangeMin, "rangeMax": draft.rangeMax,
            "visibility": draft.visibility, "owner": owner, "status": draft.status,
            "replacesCode": draft.replacesCode
        ]
        if draft.isCount { form["isCount"] = "on" }
        for (key, value) in changes { form[key] = value }
        return form
    }

    static func indicator(_ app: Application, _ code: String = code) async throws -> Indicator? {
        try await Indicator.query(on: app.db).filter(\.$code == code).first()
    }

    static func require(
        _ app: Application, _ code: String = code, file: StaticString = #filePath, line: UInt = #line
    ) async throws -> Indicator {
        let found = try await indicator(app, code)
        return try XCTUnwrap(found, file: file, line: line)
    }

    static func login(_ app: Application, _ role: Role, _ organisation: String = "ggd-flevoland") async throws
        -> Browser
    {
        let (email, password) = try await TestApp.user(
            app, role: role, organisation: organisation, email: "\(role.rawValue)-\(organisation)@test.example")
        let browser = Browser(app)
        try await browser.login(email, password)
        return browser
    }

    func testResearcherAddsIndicatorToNewMonitorUploadsValuesEditsAndRetiresIt() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let admin = try await Self.login(app, .beheerder)

            // A new monitor with a theme.
            let monitor = try await admin.post(
                MonitorURL.structure.path,
                ["slug": "gezondheidsmonitor-ggd", "name": "Gezondheidsmonitor GGD", "summary": "Gezondheid."])
            XCTAssertEqual(monitor.status, .seeOther, monitor.body)
            let theme = try await admin.post(
                MonitorURL.structureThemeNew(.value("gezondheidsmonitor-ggd")).path,
                ["themeCode": "welzijn", "themeName": "Welzijn", "themeSummary": ""])
            XCTAssertEqual(theme.status, .seeOther, theme.body)

            // The researcher (GGD editor) creates the indicator and puts it in the theme.
            let researcher = try await Self.login(app, .redacteur)
            let newForm = try await researcher.get(MonitorURL.catalogueNew.path)
            XCTAssertEqual(newForm.status, .ok)
            XCTAssertTrue(newForm.body.contains("name=\"decimals\""))
            XCTAssertTrue(
                newForm.body.contains("<option value selected=\"selected\">geen norm</option>"),
                "an empty choice posts \"\"")
            let created = try await researcher.post(MonitorURL.catalogue.path, Self.form())
            XCTAssertEqual(created.status, .seeOther, created.body)
            let indicator = try await Self.require(app)
            XCTAssertEqual(indicator.status, "actief")
            XCTAssertEqual(indicator.normValue, 10)
            let ggd = try await Organisation.query(on: app.db).filter(\.$slug == "ggd-flevoland").first()
            XCTAssertEqual(indicator.$owner.id, ggd?.id)
            let firstRevisions = try await IndicatorRevision.query(on: app.db).filter(\.$indicatorCode == Self.code)
                .count()
            XCTAssertEqual(firstRevisions, 1)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "indicator").count()
            XCTAssertEqual(audit, 1)

            let structure = try await researcher.get(MonitorURL.structureMonitor(.value("gezondheidsmonitor-ggd")).path)
            XCTAssertEqual(structure.status, .ok, structure.body)
            let stored = try await MonitorTheme.query(on: app.db).filter(\.$code == "welzijn").first()
            let themeID = try XCTUnwrap(stored?.id).uuidString
            let added = try await researcher.post(
                MonitorURL.structureItemNew(.value("gezondheidsmonitor-ggd")).path,
                ["indicator": Self.code, "theme": themeID])
            XCTAssertEqual(added.status, .seeOther, added.body)

            // Values uploaded through the import page.
            let upload = try await researcher.get(MonitorURL.importUpload.path)
            XCTAssertEqual(upload.status, .ok)
            let csrf = try XCTUnwrap(researcher.csrf)
            let csv = "indicator;regio;periode;waarde\n\(Self.code);GM0034;2024;12,5\n\(Self.code);PV24;2024;11,0\n"
            let boundary = "----vitaalgrens"
            let type = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
            let imported = try await researcher.request(
                .POST, MonitorURL.importUpload.path(query: [("csrf", csrf)]),
                body: MonitorTestSupport.multipart(boundary: boundary, files: [("file", "ggd.csv", Data(csv.utf8))]),
                contentType: type)
            XCTAssertEqual(imported.status, .ok, imported.body)
            XCTAssertTrue(imported.body.contains("2 waarden opgeslagen"), imported.body)

            // Page, monitor, overview and API show them to the public.
            let anonymous = Browser(app)
            let page = try await anonymous.get(MonitorURL.indicator(.value(Self.code)).path(region: "GM0034"))
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Ernstig eenzaam"))
            XCTAssertTrue(page.body.contains("12,5"), "the value on the page")
            XCTAssertTrue(page.body.contains("<svg"), "chart and map")
            let monitorPage = try await anonymous.get(MonitorURL.monitor(.value("gezondheidsmonitor-ggd")).path)
            XCTAssertTrue(monitorPage.body.contains("Welzijn"))
            XCTAssertTrue(monitorPage.body.contains("Ernstig eenzaam"))
            let overview = try await anonymous.get(MonitorURL.overview.path)
            XCTAssertTrue(overview.body.contains("Gezondheidsmonitor GGD"))
            let api = try await anonymous.get(MonitorURL.apiData.path(query: [("indicator", Self.code)]))
            XCTAssertEqual(api.status, .ok)
            XCTAssertTrue(api.body.contains("12.5"), api.body)

            // The code is immutable now; the definition changes, with history.
            let edit = try await researcher.get(MonitorURL.catalogueEdit(.value(Self.code)).path)
            XCTAssertEqual(edit.status, .ok)
            XCTAssertTrue(edit.body.contains("De code verandert niet meer"), edit.body)
            let stored2 = try await Self.require(app)
            let renamed = try await researcher.post(
                MonitorURL.catalogueEdit(.value(Self.code)).path,
                Self.form(of: stored2, owner: "ggd-flevoland", ["code": "ggd_eenzaam"]))
            XCTAssertEqual(renamed.status, .unprocessableEntity)
            XCTAssertTrue(renamed.body.contains("veld \"code\": de code kan niet meer veranderen"), renamed.body)
            XCTAssertTrue(renamed.body.contains("de code kan niet meer veranderen"), renamed.body)
            let changed = try await researcher.post(
                MonitorURL.catalogueEdit(.value(Self.code)).path,
                Self.form(of: stored2, owner: "ggd-flevoland", ["name": "Ernstig eenzaam (18+)", "decimals": "0"]))
            XCTAssertEqual(changed.status, .seeOther, changed.body)
            let revisions = try await IndicatorRevision.query(on: app.db).filter(\.$indicatorCode == Self.code)
                .sort(\.$changedAt).all()
            XCTAssertEqual(revisions.count, 2)
            let changes = IndicatorChange.parse(json: try XCTUnwrap(revisions.last).changes)
            XCTAssertEqual(
                changes,
                [
                    IndicatorChange(field: "name", old: "Ernstig eenzaam", new: "Ernstig eenzaam (18+)"),
                    IndicatorChange(field: "decimals", old: "1", new: "0")
                ])
            let history = try await researcher.get(MonitorURL.indicator(.value(Self.code)).path)
            XCTAssertTrue(history.body.contains("Versiegeschiedenis"))
            XCTAssertTrue(history.body.contains("Ernstig eenzaam (18+)"))
            XCTAssertTrue(history.body.contains("redacteur-ggd-flevoland@test.example"), "who, for readers")

            // Retired: the values stay and the page says so.
            let stored3 = try await Self.require(app)
            let retired = try await researcher.post(
                MonitorURL.catalogueEdit(.value(Self.code)).path,
                Self.form(of: stored3, owner: "ggd-flevoland", ["status": "vervallen"]))
            XCTAssertEqual(retired.status, .seeOther, retired.body)
            let retiredPage = try await anonymous.get(MonitorURL.indicator(.value(Self.code)).path(region: "GM0034"))
            XCTAssertEqual(retiredPage.status, .ok)
            XCTAssertTrue(retiredPage.body.contains("Deze indicator is vervallen"))
            XCTAssertTrue(retiredPage.body.contains("13"), "the value, now with 0 decimals")
            let valueCount = try await DataValue.query(on: app.db).filter(\.$indicatorCode == Self.code).count()
            XCTAssertEqual(valueCount, 2)
            let list = try await anonymous.get(MonitorURL.catalogue.path(query: [("status", "vervallen")]))
            XCTAssertTrue(list.body.contains("Ernstig eenzaam (18+)"))

            // Its successor links back ("vervangt" / "vervangen door").
            let successor = try await researcher.post(
                MonitorURL.catalogue.path,
                Self.form([
                    "code": "ggd_eenzaamheid_ernstig_v2", "name": "Ernstig eenzaam v2", "replacesCode": Self.code
                ]))
            XCTAssertEqual(successor.status, .seeOther, successor.body)
            let old = try await anonymous.get(MonitorURL.indicator(.value(Self.code)).path)
            XCTAssertTrue(old.body.contains("Vervangen door"))
            XCTAssertTrue(old.body.contains("/monitor/indicator/ggd_eenzaamheid_ernstig_v2"))
            let new = try await anonymous.get(MonitorURL.indicator(.value("ggd_eenzaamheid_ernstig_v2")).path)
            XCTAssertTrue(new.body.contains("Vervangt"))
        }
    }

    func testBadInputNamesTheFieldAndWritesNothing() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedIndicators(app)
            let admin = try await Self.login(app, .beheerder)
            let before = try await Indicator.query(on: app.db).count()
            let cases: [([String: String], String, String)] = [
                (["code": "bw_ervaren_gezondheid"], "code", "bestaat al"),
                (["code": "Eenzaam!"], "code", "moet 2 tot 64 tekens"),
                (["unit": ""], "unit", "de eenheid ontbreekt"),
                (["polarity": "omhoog"], "polarity", "onbekende richting"),
                (["level": "impactvol"], "level", "onbekend niveau"),
                (["decimals": "7"], "decimals", "moet tussen 0 en 6 liggen"),
                (["normValue": "120"], "normValue", "ligt buiten het geldige bereik"),
                (["rangeMin": "50", "rangeMax": "10", "normValue": "20"], "rangeMin", "groter dan de bovengrens"),
                (["replacesCode": "bestaat_niet"], "replacesCode", "onbekende indicator"),
                (["owner": "onbekend"], "owner", "onbekende organisatie")
            ]
            for (changes, field, message) in cases {
                let result = try await admin.post(MonitorURL.catalogue.path, Self.form(changes))
                XCTAssertEqual(result.status, .unprocessableEntity, "\(changes)")
                XCTAssertTrue(result.body.contains(message), "\(changes): \(result.body)")
                XCTAssertTrue(result.body.contains("veld \"\(field)\": "), "\(changes) names \(field)")
                XCTAssertTrue(result.body.contains("name=\"csrf\""), "the form comes back")
            }
            let after = try await Indicator.query(on: app.db).count()
            XCTAssertEqual(after, before)
            let revisions = try await IndicatorRevision.query(on: app.db).count()
            XCTAssertEqual(revisions, 0)

            let monitor = try await admin.post(
                MonitorURL.structure.path, ["slug": "indicatoren", "name": "Gereserveerd", "summary": ""])
            XCTAssertEqual(monitor.status, .unprocessableEntity)
            XCTAssertTrue(monitor.body.contains("gereserveerd"), monitor.body)
            let monitors = try await Monitor.query(on: app.db).count()
            XCTAssertEqual(monitors, 0)
        }
    }

    func testRetiringAnIndicatorAPlanTargetUsesIsRefusedNamingThePlan() async throws {
        try await TestApp.with { app in
            try await DemoData.load(app: app, features: vitaalFeatures) { _ in }
            // A target of a demo plan reads its realisations from a monitor indicator.
            let code = "tz_ervaren_gezondheid"
            let found = try await TargetRecord.query(on: app.db).with(\.$plan).sort(\.$sortOrder).first()
            let target = try XCTUnwrap(found)
            target.indicatorCode = code
            try await target.save(on: app.db)
            let indicator = try await Self.require(app, code)
            let owner = try await indicator.$owner.get(on: app.db)?.slug ?? ""
            let admin = try await Self.login(app, .beheerder, "flever")
            let result = try await admin.post(
                MonitorURL.catalogueEdit(.value(code)).path,
                Self.form(of: indicator, owner: owner, ["status": "vervallen"]))
            XCTAssertEqual(result.status, .unprocessableEntity, result.body)
            XCTAssertTrue(result.body.contains("de indicator kan niet vervallen"), result.body)
            XCTAssertTrue(result.body.contains("Plan ‘\(target.plan.title)’"), result.body)
            XCTAssertTrue(result.body.contains("veld \"status\": de indicator kan niet vervallen"))
            let after = try await Self.require(app, code)
            XCTAssertEqual(after.status, "actief")
            let revisions = try await IndicatorRevision.query(on: app.db).count()
            XCTAssertEqual(revisions, 0)
        }
    }

    func testAnonymousSeesPublicNonConceptIndicatorsAndFiltersWork() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let admin = try await Self.login(app, .beheerder)
            let concept = try await admin.post(
                MonitorURL.catalogue.path, Self.form(["status": "concept", "name": "Conceptindicator"]))
            XCTAssertEqual(concept.status, .seeOther, concept.body)
            let anonymous = Browser(app)
            let list = try await anonymous.get(MonitorURL.catalogue.path)
            XCTAssertEqual(list.status, .ok)
            XCTAssertFalse(list.body.contains("Conceptindicator"))
            XCTAssertFalse(list.body.contains("Nieuwe indicator"), "no write links for the public")
            let internalCount = MonitorDemoData.indicators.filter { $0.visibility == .internal }.count
            XCTAssertGreaterThan(internalCount, 0)
            for internalIndicator in MonitorDemoData.indicators where internalIndicator.visibility == .internal {
                XCTAssertFalse(list.body.contains(">\(internalIndicator.code)<"), internalIndicator.code)
            }
            let page = try await anonymous.get(MonitorURL.indicator(.value(Self.code)).path)
            XCTAssertEqual(page.status, .notFound, "a concept is not public")

            let reader = try await Self.login(app, .lezer)
            let readerList = try await reader.get(MonitorURL.catalogue.path)
            XCTAssertTrue(readerList.body.contains("Conceptindicator"))
            XCTAssertFalse(readerList.body.contains("Bewerken"), "a reader changes nothing")

            let level = try XCTUnwrap(
                MonitorDemoData.indicators.first { $0.level != .outcome && $0.visibility == .public }?.level)
            let filtered = try await anonymous.get(
                MonitorURL.catalogue.path(query: [("niveau", level.rawValue), ("zoek", "")]))
            for definition in MonitorDemoData.indicators where definition.visibility == .public {
                XCTAssertEqual(
                    filtered.body.contains(">\(definition.code)<"), definition.level == level, definition.code)
            }
            let search = try await anonymous.get(MonitorURL.catalogue.path(query: [("zoek", "bw_ervaren")]))
            XCTAssertTrue(search.body.contains(">bw_ervaren_gezondheid<"))
            XCTAssertTrue(search.body.contains("1 van "), search.body)
        }
    }

    /// Every new write route: anonymous visitors, readers and editors of another organisation are
    /// refused, and nothing is written.
    func testRoleAndOrganisationMatrixForEveryWriteRoute() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let admin = try await Self.login(app, .beheerder)
            _ = try await admin.post(MonitorURL.structure.path, ["slug": "ggd", "name": "GGD", "summary": ""])
            _ = try await admin.post(
                MonitorURL.structureThemeNew(.value("ggd")).path, ["themeCode": "aa", "themeName": "A"])
            _ = try await admin.post(MonitorURL.catalogue.path, Self.form())
            _ = try await Self.require(app)
            let storedTheme = try await MonitorTheme.query(on: app.db).filter(\.$code == "aa").first()
            let themeID = try XCTUnwrap(storedTheme?.id).uuidString
            let added = try await admin.post(
                MonitorURL.structureItemNew(.value("ggd")).path, ["indicator": Self.code, "theme": themeID])
            XCTAssertEqual(added.status, .seeOther, added.body)
            let storedItem = try await MonitorItem.query(on: app.db).filter(\.$theme.$id == storedTheme?.id).first()
            let itemID = try XCTUnwrap(storedItem?.id).uuidString
            let indicator = try await Self.require(app)

            let routes: [(String, [String: String], editorOfOwnerMay: Bool)] = [
                (MonitorURL.catalogue.path, Self.form(["code": "nieuw_ggd"]), true),
                (
                    MonitorURL.catalogueEdit(.value(Self.code)).path,
                    Self.form(of: indicator, owner: "ggd-flevoland", ["name": "Anders"]), true
                ),
                (MonitorURL.structure.path, ["slug": "nieuw", "name": "Nieuw"], false),
                (MonitorURL.structureMonitor(.value("ggd")).path, ["name": "Anders"], false),
                (MonitorURL.structureMonitorMove(.value("ggd")).path, ["richting": "omhoog"], false),
                (MonitorURL.structureMonitorRetire(.value("ggd")).path, ["actie": "vervallen"], false),
                (MonitorURL.structureThemeNew(.value("ggd")).path, ["themeCode": "bb", "themeName": "B"], false),
                (MonitorURL.structureTheme(.value(themeID)).path, ["themeName": "Anders"], false),
                (MonitorURL.structureThemeMove(.value(themeID)).path, ["richting": "omlaag"], false),
                (MonitorURL.structureThemeRetire(.value(themeID)).path, ["actie": "vervallen"], false),
                (MonitorURL.structureItemNew(.value("ggd")).path, ["indicator": Self.code, "theme": ""], true),
                (MonitorURL.structureItemMove(.value(itemID)).path, ["richting": "omlaag"], true),
                (MonitorURL.structureItemDelete(.value(itemID)).path, [:], true)
            ]
            func snapshot() async throws -> [Int] {
                [
                    try await Indicator.query(on: app.db).count(),
                    try await IndicatorRevision.query(on: app.db).count(),
                    try await Monitor.query(on: app.db).count(), try await MonitorTheme.query(on: app.db).count(),
                    try await MonitorItem.query(on: app.db).count(), try await AuditEntry.query(on: app.db).count()
                ]
            }
            let before = try await snapshot()
            let anonymous = Browser(app)
            let reader = try await Self.login(app, .lezer)
            let otherEditor = try await Self.login(app, .redacteur, "flever")
            let ownEditor = try await Self.login(app, .redacteur)
            let afterLogins = try await snapshot()
            for (path, form, editorOfOwnerMay) in routes {
                let anon = try await anonymous.post(path, form)
                XCTAssertTrue(
                    [.unauthorized, .forbidden, .seeOther].contains(anon.status), "anonymous \(path): \(anon.status)")
                if anon.status == .seeOther {
                    XCTAssertTrue(anon.location?.hasPrefix(SiteURL.login.path) == true, "\(path) → login")
                }
                let read = try await reader.post(path, form)
                XCTAssertEqual(read.status, .forbidden, "lezer \(path)")
                let other = try await otherEditor.post(path, form)
                XCTAssertEqual(other.status, .forbidden, "redacteur of another organisation \(path): \(other.body)")
                if !editorOfOwnerMay {
                    let own = try await ownEditor.post(path, form)
                    XCTAssertEqual(own.status, .forbidden, "redacteur \(path) (beheerder only)")
                }
            }
            let after = try await snapshot()
            XCTAssertEqual(after, afterLogins, "nothing written")
            XCTAssertEqual(Array(after.prefix(5)), Array(before.prefix(5)))

            // The editor of the owner organisation may: new indicator, item moved and removed.
            let own = try await ownEditor.post(MonitorURL.catalogue.path, Self.form(["code": "nieuw_ggd"]))
            XCTAssertEqual(own.status, .seeOther, own.body)
            let removed = try await ownEditor.post(MonitorURL.structureItemDelete(.value(itemID)).path)
            XCTAssertEqual(removed.status, .seeOther, removed.body)
            let editorOwner = try await ownEditor.post(
                MonitorURL.catalogue.path, Self.form(["code": "voor_flever", "owner": "flever"]))
            XCTAssertEqual(editorOwner.status, .forbidden, "an editor cannot give it to another organisation")
            let noOwner = try await ownEditor.post(
                MonitorURL.catalogue.path, Self.form(["code": "zonder_eigenaar", "owner": ""]))
            XCTAssertEqual(noOwner.status, .forbidden, "an indicator without owner is for beheerders")
        }
    }

    func testMonitorAndThemeOrderAndRetirement() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let admin = try await Self.login(app, .beheerder)
            let monitors = try await Monitor.query(on: app.db).sort(\.$sortOrder).all()
            XCTAssertGreaterThan(monitors.count, 1)
            let second = monitors[1]
            let moved = try await admin.post(
                MonitorURL.structureMonitorMove(.value(second.slug)).path, ["richting": "omhoog"])
            XCTAssertEqual(moved.status, .seeOther)
            let order = try await Monitor.query(on: app.db).sort(\.$sortOrder).all().map(\.slug)
            XCTAssertEqual(order.first, second.slug)

            let retired = try await admin.post(
                MonitorURL.structureMonitorRetire(.value(second.slug)).path, ["actie": "vervallen"])
            XCTAssertEqual(retired.status, .seeOther)
            let anonymous = Browser(app)
            let overview = try await anonymous.get(MonitorURL.overview.path)
            XCTAssertFalse(overview.body.contains(MonitorURL.monitor(.value(second.slug)).path + "\""))
            let api = try await anonymous.get(MonitorURL.apiMonitors.path)
            XCTAssertFalse(api.body.contains("\"\(second.slug)\""), api.body)
            let kept = try await Monitor.query(on: app.db).filter(\.$slug == second.slug).first()
            XCTAssertNotNil(kept?.retiredAt)
            let structure = try await admin.get(MonitorURL.structure.path)
            XCTAssertTrue(structure.body.contains("Herstellen"))
            let restored = try await admin.post(
                MonitorURL.structureMonitorRetire(.value(second.slug)).path, ["actie": "herstellen"])
            XCTAssertEqual(restored.status, .seeOther)
            let back = try await anonymous.get(MonitorURL.overview.path)
            XCTAssertTrue(back.body.contains(MonitorURL.monitor(.value(second.slug)).path))

            // A retired theme leaves the monitor page, with its indicators.
            let first = monitors[0]
            let themes = try await MonitorTheme.query(on: app.db).filter(\.$monitor.$id == first.id!).sort(\.$sortOrder)
                .all()
            let theme = try XCTUnwrap(themes.first)
            let page = try await anonymous.get(MonitorURL.monitor(.value(first.slug)).path)
            XCTAssertTrue(page.body.contains(theme.name))
            let retireTheme = try await admin.post(
                MonitorURL.structureThemeRetire(.value(theme.id!.uuidString)).path, ["actie": "vervallen"])
            XCTAssertEqual(retireTheme.status, .seeOther)
            let without = try await anonymous.get(MonitorURL.monitor(.value(first.slug)).path)
            XCTAssertFalse(without.body.contains(">\(theme.name)<"), "retired theme hidden")
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entity ~~ ["monitor", "thema"]).all()
            XCTAssertEqual(
                entries.map(\.action).filter { $0 != "demo" }.sorted(),
                ["hersteld", "vervallen", "vervallen", "volgorde"])
        }
    }

    func testCatalogueListSnapshot() async throws {
        try await TestApp.with { app in
            try await MonitorTestSupport.seedDemo(app)
            let model = try await CataloguePage.Model.load(
                filters: CataloguePage.Filters(), notice: nil, viewer: nil, on: app.db)
            let context = Fixtures.context(path: MonitorURL.catalogue.path)
            assertSnapshot(
                Layout.document(page: CataloguePage.view(model, context), context: context),
                named: "Monitor/catalogue")
        }
    }
}
