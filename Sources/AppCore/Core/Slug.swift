import Foundation

/// The short codes in URLs and on the command line: "Provincie Flevoland" → "provincie-flevoland".
public enum Slug {
    /// Lower-case ASCII letters and digits, every other run of characters one hyphen; at most 80.
    public static func make(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for character in folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        return String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(80))
    }

    /// Lower-case letters, digits and single hyphens, not at either end; at most 80 characters.
    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 80 && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
            && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
