import AppCore
import Foundation
import VitaalDomain

extension StoryFormPage {
    /// The story form as typed: the text fields and the checked indicator and region codes. Built from
    /// a stored story (edit) or from a posted form (and then shown again with its errors).
    struct Form: Sendable, Equatable {
        static let maxTitle = 200, maxText = 5_000, maxShort = 500

        var title = ""
        var text = ""
        var quote = ""
        var personRole = ""
        var source = ""
        /// `jjjj-mm-dd` as typed.
        var date = ""
        var indicators: Set<String> = []
        var regions: Set<String> = []

        init() {}

        init(_ story: Story, indicators: Set<String>, regions: Set<String>) {
            title = story.title
            text = story.text
            quote = story.quote ?? ""
            personRole = story.personRole ?? ""
            source = story.source ?? ""
            date = story.date.map(Self.isoDate) ?? ""
            self.indicators = indicators
            self.regions = regions
        }

        /// A posted form: `field` gives a field's trimmed text ("" when absent); a box is checked when
        /// its field (`ind_CODE`, `reg_CODE`) is "on".
        init(field: (String) -> String, indicatorCodes: [String], regionCodes: [String]) {
            title = field("title")
            text = field("text")
            quote = field("quote")
            personRole = field("personRole")
            source = field("source")
            date = field("date")
            indicators = Set(indicatorCodes.filter { field("ind_\($0)") == "on" })
            regions = Set(regionCodes.filter { field("reg_\($0)") == "on" })
        }

        /// What is stored: the checked fields, or the problems of each field (nothing is written then).
        struct Input: Sendable {
            var title: String, text: String, source: String?, date: Date?, quote: String?, personRole: String?
            var indicators: [String], regions: [String]
        }

        func validated() throws -> Input {
            var problems = ProblemCollector()
            if title.isEmpty { problems.add("de titel ontbreekt", at: SourceLocation(field: "title")) }
            if title.count > Self.maxTitle {
                problems.add("de titel is langer dan \(Self.maxTitle) tekens", at: SourceLocation(field: "title"))
            }
            if text.isEmpty { problems.add("het verhaal ontbreekt", at: SourceLocation(field: "text")) }
            if text.count > Self.maxText {
                problems.add(
                    "het verhaal is langer dan \(Self.maxText) tekens (nu \(text.count))",
                    at: SourceLocation(field: "text"))
            }
            for (name, value) in [("quote", quote), ("personRole", personRole), ("source", source)]
            where value.count > Self.maxShort {
                problems.add("ten hoogste \(Self.maxShort) tekens", at: SourceLocation(field: name))
            }
            let parsedDate = date.isEmpty ? nil : Self.parseDate(date)
            if !date.isEmpty && parsedDate == nil {
                problems.add("\"\(date)\" is geen datum (jjjj-mm-dd)", at: SourceLocation(field: "date"))
            }
            if indicators.isEmpty && regions.isEmpty {
                problems.add(
                    "koppel het verhaal aan ten minste één indicator of regio, anders staat het nergens",
                    at: SourceLocation(field: "indicators"))
            }
            try problems.throwIfAny("Verhaal niet opgeslagen")
            func optional(_ value: String) -> String? { value.isEmpty ? nil : value }
            return Input(
                title: title, text: text, source: optional(source), date: parsedDate, quote: optional(quote),
                personRole: optional(personRole), indicators: indicators.sorted(), regions: regions.sorted())
        }

        static var calendar: Calendar {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
            return calendar
        }

        /// "2025-03-14" → noon of that day in Amsterdam (so the day never shifts with the time zone).
        static func parseDate(_ raw: String) -> Date? {
            let parts = raw.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, (1900...2100).contains(parts[0]), (1...12).contains(parts[1]),
                (1...31).contains(parts[2])
            else { return nil }
            let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)
            guard let date = calendar.date(from: components), calendar.component(.day, from: date) == parts[2] else {
                return nil
            }
            return date
        }

        static func isoDate(_ date: Date) -> String {
            let components = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0)
        }
    }
}
