import Vapor

extension Request {
    /// A posted form field, trimmed; "" when absent.
    public func formText(_ name: String) -> String {
        ((try? content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A posted form field, trimmed; nil when absent or empty.
    public func optionalFormText(_ name: String) -> String? {
        let text = formText(name)
        return text.isEmpty ? nil : text
    }
}
