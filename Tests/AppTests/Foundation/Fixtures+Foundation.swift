import Foundation
import Vapor
import VitaalDomain

@testable import AppCore

/// Page models of AppCore's pages for snapshot tests: fixed ids, the fixed clock, no database.
extension Fixtures {
    enum Foundation {
        static let almere = RegionPage.Model.Link(code: "GM0034", name: "Almere")
        static let flevoland = RegionPage.Model.Link(code: "PV24", name: "Flevoland")

        static var home: HomePage.Model {
            HomePage.Model(
                capabilities: HomePage.Model.parts.map { part in
                    let path = Fixtures.navigation.first { $0.title == part.title }?.path ?? ""
                    return .init(title: part.title, path: path, text: part.text, available: part.title != "Modellen")
                },
                municipalities: DemoData.municipalities.map { .init(code: $0.0, name: $0.1) },
                map: "<svg role=\"img\" aria-label=\"Kaart\"></svg>")
        }

        static var login: LoginPage.Model {
            LoginPage.Model(
                email: "lezer@flevoland.example", error: "Onjuist e-mailadres of wachtwoord.",
                back: "/monitor", status: .unauthorized)
        }

        static var adminUsers: AdminUsersPage.Model {
            AdminUsersPage.Model(
                accounts: [
                    .init(
                        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000B1")!,
                        email: "beheerder@vitaal.example",
                        name: "Demo Beheerder", role: .beheerder, organisation: "Provincie Flevoland",
                        lastLogin: Fixtures.now),
                    .init(
                        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000B2")!,
                        email: "lezer@flevoland.example",
                        name: "Demo Lezer", role: .lezer, organisation: "Provincie Flevoland", lastLogin: nil)
                ],
                organisations: [
                    .init(value: "flever", label: "Flever"),
                    .init(value: "provincie-flevoland", label: "Provincie Flevoland")
                ],
                form: .init(email: "nieuw", name: "", role: "lezer", organisation: "flever"),
                errors: ["email": "Vul een geldig e-mailadres in.", "name": "Vul een naam in."],
                status: .unprocessableEntity)
        }

        static var region: RegionPage.Model {
            RegionPage.Model(
                code: "GM0995", name: "Lelystad", kind: .gemeente, kindLabel: "Gemeente", parent: flevoland,
                children: [], members: [],
                population: .init(
                    text: "84.080 (1 januari 2024)",
                    source: "Bron: CBS, tabel 85984NED (Kerncijfers wijken en buurten 2024), CC BY 4.0"),
                map: nil, schematic: true,
                featureLinks: [.init(title: "Regioprofiel in de monitor", path: "/monitor/regio/GM0995")])
        }

        static var regionGroup: RegionPage.Model {
            RegionPage.Model(
                code: "PV24", name: "Flevoland", kind: .provincie, kindLabel: "Provincie", parent: nil,
                children: [almere], members: [], population: nil,
                map: nil, schematic: false, featureLinks: [])
        }

        static var notFound: ErrorPage.Model {
            ErrorPage.Model(status: .notFound, message: "Niet gevonden.", problems: [], requestID: "verzoek-123")
        }
    }
}
