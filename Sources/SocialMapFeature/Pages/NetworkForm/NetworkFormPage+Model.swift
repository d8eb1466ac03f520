import AppCore
import VitaalDomain

extension NetworkFormPage {
    /// A participant as the network's edit page lists it.
    struct Member: Sendable, Equatable {
        var id: String
        var name: String
        var role: String
    }

    /// The form of a network (new or existing; fields `naam`, `doel`, `rol-flever`,
    /// `omschrijving-deelnemers`) and, for an existing one, its participants with the form to add
    /// one (`lid`, `rol`) and a button per participant to remove it.
    struct Model: Sendable {
        /// Nil for a new network.
        var networkID: String?
        var storedName: String
        var name = ""
        var goal = ""
        var fleverRole = ""
        var participantsDescription = ""
        var members: [Member] = []
        /// Organisations and offers that are not yet participants (name order).
        var memberOptions: [SelectOption] = []
        var error: VitaalError?
        /// A refused participant form.
        var memberError: VitaalError?

        var fieldErrors: FieldErrors { FieldErrors(error) }
        var isNew: Bool { networkID == nil }

        init() { storedName = "Nieuw netwerk" }

        init(network: SocialMap.Network, register: SocialMap.Register) {
            networkID = network.id
            storedName = network.name
            name = network.name
            goal = network.goal
            fleverRole = network.fleverRole ?? ""
            participantsDescription = network.participantsDescription ?? ""
            members = network.memberships.map {
                Member(id: $0.memberID, name: register.name(of: $0.memberID), role: $0.role ?? "")
            }
            let current = Set(network.memberships.map(\.memberID))
            memberOptions = Self.entries(register).filter { !current.contains($0.value) }
        }

        /// Every organisation and offer of the register, in name order.
        static func entries(_ register: SocialMap.Register) -> [SelectOption] {
            (register.organisations.map { SelectOption(value: $0.id, label: $0.name) }
                + register.services.map { SelectOption(value: $0.id, label: "\($0.name) (aanbod)") })
                .sorted { $0.label.lowercased() < $1.label.lowercased() }
        }

        mutating func read(_ body: [String: String]) {
            name = EntryForm.text(body, "naam")
            goal = EntryForm.text(body, "doel")
            fleverRole = EntryForm.text(body, "rol-flever")
            participantsDescription = EntryForm.text(body, "omschrijving-deelnemers")
            error = EntryForm.error(
                applied(to: SocialMap.Network(id: networkID ?? "nieuw", name: "", goal: "")).fieldProblems)
        }

        func applied(to base: SocialMap.Network) -> SocialMap.Network {
            var network = base
            network.name = name
            network.goal = goal
            network.fleverRole = EntryForm.optional(fleverRole)
            network.participantsDescription = EntryForm.optional(participantsDescription)
            return network
        }
    }

    /// The participant form as posted: the member and its role, checked against the register.
    struct MemberForm: Sendable {
        var memberID: String
        var role: String

        init(body: [String: String]) {
            memberID = EntryForm.text(body, "lid")
            role = EntryForm.text(body, "rol")
        }

        func check(in register: SocialMap.Register, network: SocialMap.Network) -> VitaalError? {
            var problems = ProblemCollector()
            if memberID.isEmpty {
                problems.add("kies een organisatie of aanbod", at: SourceLocation(field: "lid"))
            } else if register.organisation(memberID) == nil && register.service(memberID) == nil {
                problems.add("onbekende deelnemer \"\(memberID.prefix(60))\"", at: SourceLocation(field: "lid"))
            } else if network.memberships.contains(where: { $0.memberID == memberID }) {
                problems.add(
                    "\(register.name(of: memberID)) neemt al deel aan dit netwerk", at: SourceLocation(field: "lid"))
            }
            if role.count > SocialMap.FieldRules.maxTagLength {
                problems.add(
                    "de rol mag hoogstens \(SocialMap.FieldRules.maxTagLength) tekens hebben",
                    at: SourceLocation(field: "rol"))
            }
            guard !problems.isEmpty else { return nil }
            return VitaalError(
                .invalidInput, "Deelnemer niet toegevoegd: \(problems.totalCount) fout(en)",
                problems: problems.problems)
        }
    }
}
