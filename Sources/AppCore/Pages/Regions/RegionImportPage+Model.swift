import Vapor
import VitaalDomain

/// `/beheer/regios/import`: uploading region boundaries (GeoJSON), with the result or the refusal.
enum RegionImportPage {
    struct Model: Sendable {
        /// The importer's summary after a good file.
        var result: String?
        /// Why a file was refused, with every problem's place.
        var error: VitaalError?

        var status: HTTPResponseStatus { error?.kind.status ?? .ok }
    }
}
