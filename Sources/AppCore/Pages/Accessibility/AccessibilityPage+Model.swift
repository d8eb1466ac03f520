/// The accessibility statement (toegankelijkheidsverklaring), in the format of the Dutch model
/// statement: status, what was checked and how, when, known limits and whom to contact.
enum AccessibilityPage {
    struct Model: Equatable {
        /// `VITAAL_CONTACT_EMAIL`; nil points visitors to the organisation running the installation.
        var contactEmail: String?
        /// The day this statement was drawn up. The automated checks it describes run on every change
        /// (`.ci/run`), so their results are as recent as the software, not as this date.
        var statementDate = "5 december 2026"
    }
}
