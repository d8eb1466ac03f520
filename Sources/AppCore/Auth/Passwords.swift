import Foundation

/// Generating and checking passwords (one-time passwords, the strength rule for chosen ones).
public enum Passwords {
    /// A readable one-time password (no ambiguous characters), ~80 bits.
    public static func generate(length: Int = 16) -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] })
    }
    /// Minimum strength for passwords people choose themselves.
    public static func validate(_ password: String) -> String? {
        if password.count < 12 { return "Het wachtwoord moet minstens 12 tekens hebben." }
        // bcrypt reads only the first 72 bytes: a longer password would silently count for less.
        if password.utf8.count > 72 {
            return "Het wachtwoord mag hoogstens 72 bytes hebben (ongeveer 72 letters of cijfers)."
        }
        return nil
    }
}
