import VitaalDomain

/// When an entry was last checked and whether that is too long ago (computed in page models from
/// the day of the request, so views only read it).
struct CheckStatus: Sendable, Equatable {
    var lastChecked: SocialMap.Day?
    var isStale: Bool

    init(_ item: some SocialMap.Checkable, today: SocialMap.Day) {
        lastChecked = item.lastChecked
        isStale = item.isStale(asOf: today)
    }

    /// The badge text of a stale entry.
    var badge: String? {
        guard isStale else { return nil }
        return lastChecked == nil ? "nooit gecontroleerd" : "ouder dan een jaar"
    }

    var lastCheckedText: String? { lastChecked.map(SocialMapDates.dutch) }
}
