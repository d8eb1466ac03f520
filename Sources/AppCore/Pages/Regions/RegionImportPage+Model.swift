import Vapor
import VitaalDomain

/// `/beheer/regios/import`: uploading region boundaries (GeoJSON), with the result or the refusal.
enum RegionImportPage {
    struct Model: Sendable {
        /// The importer's summary after a good file.
        var result: String?
        /// Why a file was refused, with every problem's place.
        var error: VitaalError?
        /// The year field as sent: boundaries valid from that year (a new boundary version), or empty.
        var yearText = ""
        /// "Volledig": the file holds every region of its kinds for that year; missing codes end the year before.
        var complete = false
        /// A message next to the year or volledig field (form input, checked before the file is read).
        var fieldErrors: [String: String] = [:]

        var status: HTTPResponseStatus { error?.kind.status ?? .ok }

        /// The year and "volledig" of the form, checked as the command line checks `--jaar` and `--volledig`.
        static func options(yearText: String, complete: Bool) -> (year: Int?, errors: [String: String]) {
            let text = yearText.trimmingCharacters(in: .whitespaces)
            var errors: [String: String] = [:]
            var year: Int?
            if !text.isEmpty {
                if let y = Int(text), RegionImporter.years.contains(y) {
                    year = y
                } else {
                    errors["jaar"] =
                        "Jaar moet een jaartal van \(RegionImporter.years.lowerBound) tot en met "
                        + "\(RegionImporter.years.upperBound) zijn, gevonden \"\(text.prefix(20))\""
                }
            }
            if complete, text.isEmpty {
                errors["volledig"] =
                    "‘Volledig’ kan alleen met een jaar: de codes die ontbreken, eindigen het jaar ervoor"
            }
            return (year, errors)
        }
    }
}
