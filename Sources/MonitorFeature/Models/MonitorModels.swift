import AppCore
import Fluent
import SQLKit
import Vapor
import VitaalDomain

// Tables of the indicator monitor. Values refer to indicators and regions by their codes (natural
// keys with foreign-key constraints), which keeps the API and import queries free of joins.

/// An indicator definition (see `IndicatorDefinition` in the domain module).
public final class Indicator: Model, Content, @unchecked Sendable {
    public static let schema = "monitor_indicators"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "description") public var summary: String
    @Field(key: "unit") public var unit: String
    @Field(key: "decimals") public var decimals: Int
    /// `Polarity` raw value: higherIsBetter, lowerIsBetter, neutral.
    @Field(key: "polarity") public var polarity: String
    @Field(key: "source") public var source: String
    @Field(key: "licence") public var licence: String
    /// `IndicatorLevel` raw value.
    @Field(key: "level") public var level: String
    /// Count of people/cases: values < 5 are shown as "<5" to the public.
    @Field(key: "is_count") public var isCount: Bool
    @OptionalField(key: "norm_value") public var normValue: Double?
    /// "≥" or "≤".
    @OptionalField(key: "norm_comparison") public var normComparison: String?
    @OptionalField(key: "norm_source") public var normSource: String?
    @OptionalField(key: "range_min") public var rangeMin: Double?
    @OptionalField(key: "range_max") public var rangeMax: Double?
    /// "public" or "internal".
    @Field(key: "visibility") public var visibility: String
    /// The organisation that owns the indicator: only its editors (and beheerders) may import,
    /// replace or undo its values. nil: beheerders only.
    @OptionalParent(key: "owner_organisation_id") public var owner: Organisation?
    /// `IndicatorStatus` raw value (concept, actief, vervallen). A retired (vervallen) indicator keeps
    /// its values and says so on its page.
    @Field(key: "status") public var status: String
    /// The code this indicator replaces ("vervangt"): codes never change once values exist, so a
    /// renamed indicator is a new code pointing to the old one.
    @OptionalField(key: "replaces_code") public var replacesCode: String?
    /// A derived indicator's formula over other indicators of the same region and period
    /// (`DerivedFormula` text, e.g. `ratio(a, b) * 1000`); nil for an indicator with its own values.
    @OptionalField(key: "formula") public var formula: String?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(_ d: IndicatorDefinition) {
        code = d.code
        status = "actief"
        apply(d)
    }

    /// Copies every field of a definition except the code.
    public func apply(_ d: IndicatorDefinition) {
        name = d.name
        summary = d.description
        unit = d.unit
        decimals = d.decimals
        polarity = d.polarity.rawValue
        source = d.source
        licence = d.licence
        level = d.level.rawValue
        isCount = d.isCount
        normValue = d.norm?.value
        normComparison = d.norm?.comparison.rawValue
        normSource = d.norm?.source
        rangeMin = d.validRange?.min
        rangeMax = d.validRange?.max
        visibility = d.visibility.rawValue
    }

    public var isPublic: Bool { visibility == Visibility.public.rawValue }

    /// The domain definition (theme not set: an indicator can be in several monitors).
    public var definition: IndicatorDefinition {
        var norm: Norm?
        if let v = normValue, let c = normComparison.flatMap(Norm.Comparison.init(rawValue:)) {
            norm = Norm(c, v, source: normSource ?? "")
        }
        let range: ValueRange? = (rangeMin == nil && rangeMax == nil) ? nil : ValueRange(min: rangeMin, max: rangeMax)
        return IndicatorDefinition(
            code: code, name: name, description: summary, unit: unit, decimals: decimals,
            polarity: Polarity(rawValue: polarity) ?? .neutral, source: source, licence: licence,
            level: IndicatorLevel(rawValue: level) ?? .outcome, isCount: isCount, norm: norm,
            validRange: range, visibility: Visibility(rawValue: visibility) ?? .internal)
    }
}

/// One change of an indicator's definition (version history, shown on the indicator page): who,
/// when, and per field the old and new text.
public final class IndicatorRevision: Model, @unchecked Sendable {
    public static let schema = "monitor_indicator_revisions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "indicator_code") public var indicatorCode: String
    @Field(key: "actor") public var actor: String
    @Field(key: "changed_at") public var changedAt: Date
    /// JSON array of `{"field", "old", "new"}` objects (written with `JSONWriter`).
    @Field(key: "changes") public var changes: String

    public init() {}

    public init(indicatorCode: String, actor: String, changedAt: Date, changes: String) {
        self.indicatorCode = indicatorCode
        self.actor = actor
        self.changedAt = changedAt
        self.changes = changes
    }
}

/// A monitor: a named, ordered selection of themes and indicators.
public final class Monitor: Model, Content, @unchecked Sendable {
    public static let schema = "monitor_monitors"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @Field(key: "description") public var summary: String
    @Field(key: "sort_order") public var sortOrder: Int
    /// Set when a beheerder retires the monitor: it leaves the public lists but is kept.
    @OptionalField(key: "retired_at") public var retiredAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
    public init(slug: String, name: String, summary: String, sortOrder: Int) {
        self.slug = slug
        self.name = name
        self.summary = summary
        self.sortOrder = sortOrder
    }
}

/// A theme within one monitor.
public final class MonitorTheme: Model, Content, @unchecked Sendable {
    public static let schema = "monitor_themes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "monitor_id") public var monitor: Monitor
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "description") public var summary: String
    @Field(key: "sort_order") public var sortOrder: Int
    /// Set when a beheerder retires the theme: it and its indicators leave the monitor's pages.
    @OptionalField(key: "retired_at") public var retiredAt: Date?

    public init() {}
    public init(monitorID: UUID, code: String, name: String, summary: String, sortOrder: Int) {
        self.$monitor.id = monitorID
        self.code = code
        self.name = name
        self.summary = summary
        self.sortOrder = sortOrder
    }
}

/// One indicator in a monitor, under a theme, at a position.
public final class MonitorItem: Model, @unchecked Sendable {
    public static let schema = "monitor_items"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "monitor_id") public var monitor: Monitor
    @OptionalParent(key: "theme_id") public var theme: MonitorTheme?
    @Parent(key: "indicator_id") public var indicator: Indicator
    @Field(key: "sort_order") public var sortOrder: Int

    public init() {}
    public init(monitorID: UUID, themeID: UUID?, indicatorID: UUID, sortOrder: Int) {
        self.$monitor.id = monitorID
        self.$theme.id = themeID
        self.$indicator.id = indicatorID
        self.sortOrder = sortOrder
    }
}

/// One value of an indicator for a region and period (or a documented gap). Unique per
/// (indicator_code, region_code, period).
public final class DataValue: Model, @unchecked Sendable {
    public static let schema = "monitor_values"

    @ID(key: .id) public var id: UUID?
    @Field(key: "indicator_code") public var indicatorCode: String
    @Field(key: "region_code") public var regionCode: String
    /// Canonical period: "2024", "2024Q3", "2024-05".
    @Field(key: "period") public var period: String
    /// `Period.sortKey`, for ordering and from/to filters.
    @Field(key: "period_sort") public var periodSort: Int
    @OptionalField(key: "value") public var value: Double?
    /// `MissingReason` raw value when `value` is nil.
    @OptionalField(key: "missing_reason") public var missingReason: String?
    /// `DataStatus` raw value: voorlopig, definitief, voorbeeld.
    @Field(key: "status") public var status: String
    @OptionalField(key: "note") public var note: String?
    @OptionalParent(key: "batch_id") public var batch: DataImport?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
    public init(_ o: Observation, batchID: UUID?, at: Date) {
        indicatorCode = o.indicator
        regionCode = o.region
        period = o.period.canonical
        periodSort = o.period.sortKey
        value = o.value
        missingReason = o.value == nil ? o.missingReason?.rawValue : nil
        status = o.status.rawValue
        note = o.note
        $batch.id = batchID
        updatedAt = at
    }

    public var dataStatus: DataStatus { DataStatus(rawValue: status) ?? .definitief }
    public var reason: MissingReason? { missingReason.flatMap(MissingReason.init(rawValue:)) }
    public var parsedPeriod: Period? { Period(period) }
}

/// One import run (CLI or upload): who, which file, how many rows; undo restores what it replaced.
public final class DataImport: Model, Content, @unchecked Sendable {
    public static let schema = "monitor_import_batches"

    @ID(key: .id) public var id: UUID?
    @Field(key: "file_name") public var fileName: String
    /// "long" or "statLine".
    @Field(key: "format") public var format: String
    @OptionalField(key: "user_id") public var userID: UUID?
    /// E-mail of the user, or "cli" / "demo".
    @Field(key: "actor") public var actor: String
    @Field(key: "records") public var records: Int
    @Field(key: "inserted") public var inserted: Int
    @Field(key: "replaced") public var replaced: Int
    @Field(key: "missing") public var missing: Int
    @Field(key: "replace_mode") public var replaceMode: Bool
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "undone_at") public var undoneAt: Date?
    @OptionalField(key: "undone_by") public var undoneBy: String?

    public init() {}
    public init(fileName: String, format: String, userID: UUID?, actor: String, replaceMode: Bool, createdAt: Date) {
        self.fileName = fileName
        self.format = format
        self.userID = userID
        self.actor = actor
        self.records = 0
        self.inserted = 0
        self.replaced = 0
        self.missing = 0
        self.replaceMode = replaceMode
        self.createdAt = createdAt
    }
}

/// The previous version of a value overwritten by an import with replace, so undo can restore it.
public final class ReplacedValue: Model, @unchecked Sendable {
    public static let schema = "monitor_replaced_values"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "batch_id") public var batch: DataImport
    @Field(key: "indicator_code") public var indicatorCode: String
    @Field(key: "region_code") public var regionCode: String
    @Field(key: "period") public var period: String
    @Field(key: "period_sort") public var periodSort: Int
    @OptionalField(key: "value") public var value: Double?
    @OptionalField(key: "missing_reason") public var missingReason: String?
    @Field(key: "status") public var status: String
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "previous_batch_id") public var previousBatchID: UUID?
    @Field(key: "previous_updated_at") public var previousUpdatedAt: Date

    public init() {}
    public init(batchID: UUID, old: DataValue) {
        $batch.id = batchID
        indicatorCode = old.indicatorCode
        regionCode = old.regionCode
        period = old.period
        periodSort = old.periodSort
        value = old.value
        missingReason = old.missingReason
        status = old.status
        note = old.note
        previousBatchID = old.$batch.id
        previousUpdatedAt = old.updatedAt
    }
}

/// Soft data: a story, observation or quote, linked to indicators, regions and optionally a goal.
public final class Story: Model, Content, @unchecked Sendable {
    public static let schema = "monitor_stories"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "text") public var text: String
    @OptionalField(key: "source") public var source: String?
    @OptionalField(key: "date") public var date: Date?
    @OptionalField(key: "quote") public var quote: String?
    @OptionalField(key: "person_role") public var personRole: String?
    /// Reference to a goal in the plans module (e.g. its code or path), for later linking.
    @OptionalField(key: "goal_ref") public var goalRef: String?
    /// Invented example story (shown with the "voorbeelddata" label).
    @Field(key: "is_example") public var isExample: Bool
    @Field(key: "created_at") public var createdAt: Date
    /// Organisation of the editor who wrote it (nil for demo stories); its editors may change it.
    @OptionalField(key: "organisation_id") public var organisationID: UUID?

    public init() {}
    public init(
        title: String, text: String, source: String?, date: Date?, quote: String?, personRole: String?,
        goalRef: String? = nil, isExample: Bool, createdAt: Date
    ) {
        self.title = title
        self.text = text
        self.source = source
        self.date = date
        self.quote = quote
        self.personRole = personRole
        self.goalRef = goalRef
        self.isExample = isExample
        self.createdAt = createdAt
    }
}

public final class StoryIndicator: Model, @unchecked Sendable {
    public static let schema = "monitor_story_indicators"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "story_id") public var story: Story
    @Field(key: "indicator_code") public var indicatorCode: String
    public init() {}
    public init(storyID: UUID, indicatorCode: String) {
        $story.id = storyID
        self.indicatorCode = indicatorCode
    }
}

public final class StoryRegion: Model, @unchecked Sendable {
    public static let schema = "monitor_story_regions"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "story_id") public var story: Story
    @Field(key: "region_code") public var regionCode: String
    public init() {}
    public init(storyID: UUID, regionCode: String) {
        $story.id = storyID
        self.regionCode = regionCode
    }
}

/// One row: a counter bumped by every change of monitor data (import, undo, demo data). The API
/// derives its ETag from it and Last-Modified from `changedAt`, without reading any values.
/// `publicVersion`/`publicChangedAt` move only when public data changes: the public ETag and
/// Last-Modified use them, so they do not reveal changes of internal indicators.
public final class DataVersion: Model, @unchecked Sendable {
    public static let schema = "monitor_data_version"
    @ID(custom: "id", generatedBy: .user) public var id: Int?
    @Field(key: "version") public var version: Int
    @Field(key: "changed_at") public var changedAt: Date
    @OptionalField(key: "public_version") public var publicVersion: Int?
    @OptionalField(key: "public_changed_at") public var publicChangedAt: Date?
    public init() {}
    public init(version: Int, changedAt: Date) {
        self.id = 1
        self.version = version
        self.changedAt = changedAt
        self.publicVersion = version
        self.publicChangedAt = changedAt
    }

    /// Bumps the version inside the caller's transaction with one `UPDATE … SET version = version + 1`
    /// (no read-modify-write, so two concurrent changes never end on the same version).
    /// `publicData`: whether public indicators changed (then the public version moves too).
    public static func bump(on db: any Database, publicData: Bool = true, at now: Date) async throws {
        guard let sql = db as? any SQLDatabase else {
            throw VitaalError(.internal, "De monitor vraagt een SQL-database.")
        }
        try await sql.raw(
            "INSERT INTO monitor_data_version (id, version, changed_at, public_version, public_changed_at) VALUES (1, 0, \(bind: now), 0, \(bind: now)) ON CONFLICT (id) DO NOTHING"
        ).run()
        if publicData {
            try await sql.raw(
                "UPDATE monitor_data_version SET version = version + 1, changed_at = \(bind: now), public_version = COALESCE(public_version, 0) + 1, public_changed_at = \(bind: now) WHERE id = 1"
            ).run()
        } else {
            try await sql.raw(
                "UPDATE monitor_data_version SET version = version + 1, changed_at = \(bind: now) WHERE id = 1"
            ).run()
        }
    }

    public struct Current: Sendable {
        public var version: Int
        public var changedAt: Date
        public var publicVersion: Int
        public var publicChangedAt: Date
    }

    public static func current(on db: any Database) async throws -> Current {
        let row = try await DataVersion.find(1, on: db)
        let epoch = Date(timeIntervalSince1970: 0)
        return Current(
            version: row?.version ?? 0, changedAt: row?.changedAt ?? epoch,
            publicVersion: row?.publicVersion ?? row?.version ?? 0,
            publicChangedAt: row?.publicChangedAt ?? row?.changedAt ?? epoch)
    }
}

/// The lock that lets one monitor import (or undo) run at a time, shared by all app instances through
/// the database: one row with a unique key, inserted at the start and deleted at the end.
public final class ImportLock: Model, @unchecked Sendable {
    public static let schema = "monitor_import_locks"
    @ID(key: .id) public var id: UUID?
    @Field(key: "lock_key") public var lockKey: String
    @Field(key: "actor") public var actor: String
    @Field(key: "started_at") public var startedAt: Date
    // Progress of the running import on PostgreSQL (`ImportProgressBoard`), written from the pool
    // while the import's own transaction is open; nil until the first batch is read.
    @OptionalField(key: "progress_file_name") public var progressFileName: String?
    @OptionalField(key: "progress_bytes_read") public var progressBytesRead: Int?
    @OptionalField(key: "progress_total_bytes") public var progressTotalBytes: Int?
    @OptionalField(key: "progress_records") public var progressRecords: Int?
    @OptionalField(key: "progress_values") public var progressValues: Int?
    @OptionalField(key: "progress_at") public var progressAt: Date?
    public init() {}
    public init(actor: String, startedAt: Date) {
        self.lockKey = "import"
        self.actor = actor
        self.startedAt = startedAt
    }
}
