import VitaalDomain

/// The first message per form field of a refused input.
struct FieldErrors: Sendable, Equatable {
    private var messages: [String: String] = [:]

    init(_ error: VitaalError?) {
        for problem in error?.problems ?? [] {
            guard let field = problem.location.field, messages[field] == nil else { continue }
            messages[field] = problem.message
        }
    }

    subscript(field: String) -> String? { messages[field] }
}
