import Foundation

/// Limits on PDF reports (`GET /plannen/<key>/rapport.pdf`), which anyone may request for a
/// published plan and which each start a headless Chromium (about 200 MB, seconds of CPU):
/// at most `gate.limit` renders run at once, a request over the limit waits `maxWait` for a free
/// slot and then gets 503 with a Dutch message; finished PDFs are cached by their exact HTML
/// (plan, data, reader and day), bounded in entries and bytes.
enum PDFReports {
    static let gate = RenderGate(limit: 2)
    static let cache = PDFCache(maxEntries: 32, maxBytes: 64 * 1024 * 1024)
    static let maxWait: Duration = .seconds(10)
    static let busyMessage =
        "Er worden nu al twee PDF-rapporten gemaakt; probeer het over een halve minuut opnieuw, of open de HTML-rapportage en gebruik Afdrukken → Opslaan als PDF."
}

/// A counting semaphore for async code: `acquire` returns true with a slot, or false when none
/// became free within the wait; every successful `acquire` is paired with one `release`.
actor RenderGate {
    nonisolated let limit: Int
    private var running = 0
    private var waiters: [(id: UUID, continuation: CheckedContinuation<Bool, Never>)] = []

    init(limit: Int) { self.limit = max(1, limit) }

    var active: Int { running }
    var waiting: Int { waiters.count }

    func acquire(waiting wait: Duration) async -> Bool {
        if running < limit {
            running += 1
            return true
        }
        let id = UUID()
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            waiters.append((id, continuation))
            Task { [weak self] in
                try? await Task.sleep(for: wait)
                await self?.timeOut(id)
            }
        }
    }

    private func timeOut(_ id: UUID) {
        guard let i = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: i).continuation.resume(returning: false)
    }

    /// Hands the slot to the longest waiter, or frees it.
    func release() {
        if !waiters.isEmpty {
            waiters.removeFirst().continuation.resume(returning: true)
        } else {
            running = max(0, running - 1)
        }
    }
}

/// Finished PDFs by the exact HTML they were made from; least recently used entries go first once
/// there are more than `maxEntries` or more than `maxBytes` of HTML and PDF together.
actor PDFCache {
    let maxEntries: Int
    let maxBytes: Int
    private var entries: [String: Data] = [:]
    private var order: [String] = []
    private var bytes = 0

    init(maxEntries: Int, maxBytes: Int) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    var count: Int { entries.count }
    var totalBytes: Int { bytes }

    func pdf(for html: String) -> Data? {
        guard let data = entries[html] else { return nil }
        order.removeAll { $0 == html }
        order.append(html)
        return data
    }

    func store(_ pdf: Data, for html: String) {
        let size = html.utf8.count + pdf.count
        guard size <= maxBytes else { return }
        if let old = entries[html] {
            bytes -= html.utf8.count + old.count
            order.removeAll { $0 == html }
        }
        entries[html] = pdf
        order.append(html)
        bytes += size
        while entries.count > maxEntries || bytes > maxBytes, let oldest = order.first {
            order.removeFirst()
            if let data = entries.removeValue(forKey: oldest) { bytes -= oldest.utf8.count + data.count }
        }
    }
}
