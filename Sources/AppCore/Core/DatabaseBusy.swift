import SQLiteNIO

/// SQLite has one write lock per database file. A long import holds it in one transaction (so that
/// nothing of it is visible before it commits, and a failure leaves nothing behind); any other
/// write waits up to the busy timeout (5 s) and then fails with SQLITE_BUSY. Reading is not
/// affected (WAL). Such a failure is not a fault of the request: it gets 503 with a Dutch message
/// and `Retry-After`, and bookkeeping writes that can wait (a session's or token's last-seen time)
/// are skipped instead of failing the page. PostgreSQL locks rows, not the database, so it never
/// answers like this.
public enum DatabaseBusy {
    /// Seconds a client is asked to wait before trying again.
    public static let retryAfterSeconds = 30

    public static let message =
        "De database is even bezet, waarschijnlijk door een grote import. Probeer het over een halve minuut opnieuw."

    /// SQLite's "database is locked" in any of its forms.
    public static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        switch error.reason {
        case .busy, .busyTimeout, .busyInSnapshot, .busyInRecovery: return true
        default: return false
        }
    }
}
