extension StringProtocol {
    /// "regeling" → "Regeling": the first character upper-cased, the rest as written (a label
    /// starting a sentence or a heading, an API name in an identifier).
    public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
