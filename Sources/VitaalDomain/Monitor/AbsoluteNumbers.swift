import Foundation

extension IndicatorDefinition {
    /// An absolute number (inhabitants, dwellings, referrals): a count of people or cases (`isCount`)
    /// or any indicator in the unit "aantal". A municipality's number is part of the province's and
    /// the country's total, so it is never set next to those as "better", "worse" or "different";
    /// rates, shares and averages are.
    public var isAbsoluteNumber: Bool {
        isCount || unit.trimmingCharacters(in: .whitespaces).lowercased() == "aantal"
    }
}
