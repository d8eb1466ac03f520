import Vapor
import VitaalDomain

extension Request {
    /// The session's CSRF token, created on first use.
    public var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey], !token.isEmpty { return token }
        let token = [UInt8].random(count: 32).base64.replacingOccurrences(of: "/", with: "_").replacingOccurrences(
            of: "+", with: "-")
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }

    /// The logged-in user, if any.
    public var user: User? { auth.get(User.self) }

    /// Is this an API request (JSON answers)?
    public var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// Throws 401 when nobody is logged in, 403 when the role is too low.
    @discardableResult
    public func requireRole(_ minimum: Role) throws -> User {
        guard let user else { throw VitaalError(.unauthorized, "Inloggen vereist.") }
        guard user.role >= minimum else {
            throw VitaalError(
                .forbidden,
                "Uw rol (\(user.role.label.lowercased())) mag dit niet; nodig: \(minimum.label.lowercased()).")
        }
        return user
    }

    /// Write access to data owned by `organisationID`: beheerder always, redacteur only for the own organisation.
    @discardableResult
    public func requireWrite(organisationID: UUID?) throws -> User {
        let user = try requireRole(.redacteur)
        guard user.mayWrite(organisationID: organisationID) else {
            throw VitaalError(.forbidden, "U mag alleen gegevens van uw eigen organisatie wijzigen.")
        }
        return user
    }
}
