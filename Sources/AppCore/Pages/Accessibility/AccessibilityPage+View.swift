import Plot

extension AccessibilityPage {
    static func view(_ model: Model, _ context: PageContext) -> SitePage {
        SitePage(
            "Toegankelijkheidsverklaring", breadcrumbs: Breadcrumbs.home,
            description: "Hoe toegankelijk Vitaal is, hoe dat is onderzocht en waar u problemen meldt.",
            content: [status(model), checked(), limits(), contact(model)])
    }

    static func status(_ model: Model) -> BodyNode {
        .group(
            .p(
                .class("lead"),
                .text(
                    "Vitaal wil voor iedereen bruikbaar zijn en volgt daarvoor de Web Content Accessibility "
                        + "Guidelines (WCAG) 2.1 op niveau AA, zoals de Europese norm EN 301 549 en het "
                        + "Besluit digitale toegankelijkheid overheid vragen.")),
            .h2(.text("Status")),
            .p(
                .strong(.text("C — eerste maatregelen genomen. ")),
                .text(
                    "Alle soorten pagina's worden bij elke wijziging van de software automatisch gecontroleerd "
                        + "en daarbij zijn geen fouten gevonden. Een volledig handmatig onderzoek door een "
                        + "onafhankelijke deskundige (volgens de WCAG-EM-methode) is nog niet gedaan; daarom "
                        + "claimen we nog niet dat Vitaal volledig of gedeeltelijk voldoet.")),
            .p(.text("Deze verklaring is opgesteld op \(model.statementDate).")))
    }

    static func checked() -> BodyNode {
        .group(
            .h2(.text("Wat is onderzocht en hoe")),
            .ul(
                .li(
                    .text(
                        "Pagina's: van elke soort pagina een of meer voorbeelden — openbare pagina's, alle "
                            + "formulieren, de beheerpagina's, foutpagina's en de printversie van rapportages — "
                            + "als bezoeker zonder account en ingelogd als lezer, redacteur en beheerder.")),
                .li(
                    .text(
                        "Automatisch: axe-core 4.12 in de browser Chromium, met alle regels voor WCAG 2.0, 2.1 "
                            + "en 2.2 op niveau A en AA. Elke gevonden fout houdt de wijziging tegen.")),
                .li(
                    .text(
                        "Toetsenbord: met de Tab-toets is elk bedieningselement in logische volgorde bereikbaar, "
                            + "en het element met de focus is zichtbaar gemarkeerd.")),
                .li(
                    .text(
                        "Zonder JavaScript: alle pagina's, grafieken en kaarten werken zonder scripts; "
                            + "grafieken en kaarten zijn tekeningen (SVG) met een tekstalternatief."))))
    }

    static func limits() -> BodyNode {
        .group(
            .h2(.text("Bekende beperkingen")),
            .ul(
                .li(
                    .text(
                        "Automatische controles vinden niet alle problemen, bijvoorbeeld niet of een "
                            + "tekstalternatief ook klopt. Een handmatig onderzoek volgt.")),
                .li(
                    .text(
                        "Vitaal is nog niet getest met schermlezers zoals NVDA, JAWS en VoiceOver.")),
                .li(
                    .text(
                        "Kaarten tonen gegevens als kleuren en posities. De cijfers staan ook in tabellen en "
                            + "lijsten op de pagina's zelf of zijn als CSV te downloaden.")),
                .li(
                    .text(
                        "Rapportages als PDF zijn niet gecontroleerd volgens PDF/UA. Dezelfde rapportage is "
                            + "als webpagina beschikbaar."))))
    }

    static func contact(_ model: Model) -> BodyNode {
        .group(
            .h2(.text("Problemen melden")),
            .p(
                .text(
                    "Loopt u tegen een toegankelijkheidsprobleem aan, of wilt u informatie in een andere "
                        + "vorm? "),
                .if(
                    model.contactEmail != nil,
                    .group(
                        .text("Mail naar "),
                        .a(
                            .href("mailto:" + attr(model.contactEmail ?? "")),
                            .text(model.contactEmail ?? "")),
                        .text(". Noem de pagina (het adres) en wat er misgaat.")),
                    else: .text(
                        "Meld het bij de organisatie die deze installatie van Vitaal beheert. Noem de "
                            + "pagina (het adres) en wat er misgaat."))),
            .p(
                .text(
                    "Bent u niet tevreden met de afhandeling van uw melding, dan kunt u zich wenden tot de "
                        + "ombudsman van die organisatie of tot de Nationale ombudsman.")))
    }
}
