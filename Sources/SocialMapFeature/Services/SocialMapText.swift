import VitaalDomain

/// Small text helpers shared by the API and the pages.
enum SocialMapText {
    static func address(_ address: SocialMap.PhysicalAddress) -> String {
        let place = [address.postalCode, address.city].compactMap { $0 }.joined(separator: " ")
        return [address.address1, address.address2, place]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    static func municipalityName(_ code: String) -> String { SocialMap.Municipality.byCode(code)?.name ?? code }

    /// "heel Flevoland" for an offer without municipalities, else their names.
    static func area(_ municipalityCodes: [String]) -> String {
        municipalityCodes.isEmpty ? "heel Flevoland" : municipalityCodes.map(municipalityName).joined(separator: ", ")
    }

    static func statusLabel(_ status: String) -> String {
        switch status {
        case "active": "actief"
        case "inactive": "niet actief"
        case "defunct": "gestopt"
        case "temporarily closed": "tijdelijk gesloten"
        default: status
        }
    }

    /// "35 organisaties" from a network's size (with how many of them are named, when fewer), or the
    /// number of named members.
    static func participants(of network: SocialMap.Network, namedSuffix: String) -> String {
        let named = network.memberships.count
        guard let size = network.size else { return named == 0 ? "niet vastgelegd" : "\(named) \(namedSuffix)" }
        let total = "\(size) \(network.sizeUnit ?? "")".trimmingCharacters(in: .whitespaces)
        return named == 0 || named >= size ? total : "\(total), waarvan \(named) \(namedSuffix)"
    }

}
