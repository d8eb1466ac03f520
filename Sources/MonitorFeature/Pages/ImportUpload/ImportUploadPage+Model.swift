import AppCore
import Vapor
import VitaalDomain

/// `/monitor/import`: the upload form, with the outcome of the last upload (a summary or the
/// problems of a refused file).
enum ImportUploadPage {
    struct Model: Sendable {
        /// The sentence of a finished import.
        var result: String?
        var error: VitaalError?
        /// The page's status: 200, or what the refusal calls for (422, 409, 413).
        var status: HTTPResponseStatus

        static let empty = Model(result: nil, error: nil, status: .ok)

        static func done(_ message: String) -> Model { Model(result: message, error: nil, status: .ok) }

        static func refused(_ error: VitaalError, status: HTTPResponseStatus? = nil) -> Model {
            Model(result: nil, error: error, status: status ?? error.kind.status)
        }

        /// A refusal of the uploaded form itself, named at the file field.
        static func refused(_ message: String, status: HTTPResponseStatus? = nil) -> Model {
            refused(VitaalError.invalid(message, at: SourceLocation(field: "file")), status: status)
        }
    }
}
