import Foundation

/// Erlang-B loss formula and the number of ambulances a post needs.
///
/// With rides arriving as a Poisson process at λ per hour and mean task time T hours (drive to the
/// patient, treatment, transport, handover, back to readiness), the offered load is a = λ·T Erlang.
/// With c ambulances the probability that all are busy when a call arrives is Erlang B:
///
///     B(a, c) = (aᶜ / c!) / Σₖ₌₀..c (aᵏ / k!)
///
/// computed with the stable recursion B(a, 0) = 1, B(a, c) = a·B(a, c−1) / (c + a·B(a, c−1)).
/// The post needs the smallest c with B(a, c) ≤ α (the chosen "none free" probability, default 5 %).
/// B decreases in c and increases in a, so more rides never need fewer ambulances.
public enum ErlangB {
    /// Hard upper bound on the ambulances searched for one post and hour. The search takes about
    /// `c` steps, so this bounds the work of one call; a load that needs more is reported, not computed.
    public static let maxServers = 10_000

    /// B(a, c); 1 for c ≤ 0 or an invalid load (never a trap). `c` above `maxServers` is cut to it.
    public static func blocking(load a: Double, servers c: Int) -> Double {
        guard a >= 0, a.isFinite, c > 0 else { return 1 }
        var b = 1.0
        for k in 1...min(c, maxServers) { b = a * b / (Double(k) + a * b) }
        return b
    }

    /// Smallest c ≥ `minimum` with B(a, c) ≤ alpha (0 rides → `minimum`), or nil when that c would
    /// exceed `limit` (or the input is not a finite load). Since the carried load a·(1 − B) can never
    /// exceed c, B ≤ α needs c ≥ a·(1 − α): a load above limit / (1 − α) is answered at once.
    public static func serversNeeded(
        load a: Double, maxBlocking alpha: Double, minimum: Int = 0, limit: Int = maxServers
    ) -> Int? {
        guard alpha > 0 && alpha < 1, a >= 0, a.isFinite, minimum <= limit else { return nil }
        if a == 0 { return max(0, minimum) }
        if a * (1 - alpha) > Double(limit) { return nil }
        var b = 1.0
        var c = 0
        while b > alpha || c < minimum {
            if c >= limit { return nil }
            c += 1
            b = a * b / (Double(c) + a * b)
        }
        return c
    }
}

/// Ride volume of the region: 168 hourly values (Monday 00–01 first) in rides per hour, or a
/// yearly total spread over the week with a profile.
public struct RideVolume: Sendable, Hashable, Codable {
    /// Rides per hour of the week (168 values).
    public var hourly: [Double]
    public var isExample: Bool
    public var note: String?

    public init(hourly: [Double], isExample: Bool = false, note: String? = nil) {
        self.hourly = hourly
        self.isExample = isExample
        self.note = note
    }

    /// Spreads `ridesPerYear` over the 168 hours with `profile` weights (normalised; default
    /// `defaultWeekProfile`). A year has 52.18 weeks.
    public init(ridesPerYear: Double, profile: [Double]? = nil, isExample: Bool = false, note: String? = nil) {
        let w = profile ?? Self.defaultWeekProfile
        let sum = w.reduce(0, +)
        let perWeek = ridesPerYear / Self.weeksPerYear
        hourly = w.map { sum > 0 ? perWeek * $0 / sum : 0 }
        self.isExample = isExample
        self.note = note
    }

    public static let weeksPerYear = 365.25 / 7
    public var ridesPerYear: Double { hourly.reduce(0, +) * Self.weeksPerYear }

    /// Schematic day profile repeated for 7 days: low at night (04–06 lowest), rising in the morning,
    /// peak late morning to early evening. Relative weights per hour 0…23; a documented assumption,
    /// not a measured profile.
    public static let dayProfile: [Double] = [
        0.55, 0.5, 0.45, 0.4, 0.38, 0.4, 0.5, 0.7, 0.95, 1.15, 1.3, 1.35,
        1.35, 1.3, 1.3, 1.3, 1.3, 1.3, 1.25, 1.15, 1.05, 0.9, 0.75, 0.65
    ]
    public static let defaultWeekProfile: [Double] = Array((0..<7).map { _ in dayProfile }.joined())

    func validate(into p: inout ProblemCollector) {
        if hourly.count != 168 {
            p.add(
                "ritvolume moet 168 uurwaarden hebben (is \(hourly.count))",
                at: SourceLocation(field: "rideVolume.hourly"))
        }
        for (i, v) in hourly.enumerated() where !(v >= 0) || !v.isFinite {
            p.add(
                "ritvolume in uur \(i) mag niet negatief zijn (is \(v))",
                at: SourceLocation(field: "rideVolume.hourly[\(i)]"))
        }
    }
}

/// One age band with its share of the population and its ride rate.
public struct AgeBandRate: Sendable, Hashable, Codable {
    public var band: String
    /// Share of the (base) population in this band, 0…1.
    public var populationShare: Double
    /// Ambulance rides per 1,000 residents per year.
    public var ridesPerThousand: Double
    public init(band: String, populationShare: Double, ridesPerThousand: Double) {
        self.band = band
        self.populationShare = populationShare
        self.ridesPerThousand = ridesPerThousand
    }
}

/// Age-specific ride rates, used to scale ride volume with growth per age band.
///
/// Defaults (schematic, `isSchematic`): 0–19 years 22 % of residents, 40 rides/1,000/yr; 20–64 61 %,
/// 70; 65–79 13 %, 180; 80+ 4 %, 420. Rates rise steeply with age, so ageing raises the ride volume
/// faster than the headcount.
public struct AgeRideRates: Sendable, Hashable, Codable {
    public var bands: [AgeBandRate]
    public var isSchematic: Bool
    public var note: String?
    public init(bands: [AgeBandRate], isSchematic: Bool = false, note: String? = nil) {
        self.bands = bands
        self.isSchematic = isSchematic
        self.note = note
    }
    public static let `default` = AgeRideRates(
        bands: [
            AgeBandRate(band: "0-19", populationShare: 0.22, ridesPerThousand: 40),
            AgeBandRate(band: "20-64", populationShare: 0.61, ridesPerThousand: 70),
            AgeBandRate(band: "65-79", populationShare: 0.13, ridesPerThousand: 180),
            AgeBandRate(band: "80+", populationShare: 0.04, ridesPerThousand: 420)
        ], isSchematic: true, note: "Schematische ritfrequenties per leeftijdsgroep; geen gemeten cijfers.")

    /// Population multiplier: Σ share·f_band, with `bandFactors` missing bands at 1.
    public func populationMultiplier(bandFactors: [String: Double]) -> Double {
        let s = bands.reduce(0) { $0 + $1.populationShare }
        guard s > 0 else { return 1 }
        return bands.reduce(0) { $0 + $1.populationShare * (bandFactors[$1.band] ?? 1) } / s
    }

    /// Ride multiplier: Σ share·f_band·rate / Σ share·rate.
    public func rideMultiplier(bandFactors: [String: Double]) -> Double {
        let base = bands.reduce(0) { $0 + $1.populationShare * $1.ridesPerThousand }
        guard base > 0 else { return populationMultiplier(bandFactors: bandFactors) }
        return bands.reduce(0) { $0 + $1.populationShare * (bandFactors[$1.band] ?? 1) * $1.ridesPerThousand } / base
    }
}

/// Settings for the capacity engine.
public struct CapacitySettings: Sendable, Hashable, Codable {
    /// Mean task time per ride in minutes (default 60: drive out, on scene, transport, handover,
    /// back to readiness; schematic assumption).
    public var meanTaskMinutes: Double = 60
    /// Highest accepted probability that no ambulance of the post is free (default 0.05).
    public var maxBusyProbability: Double = 0.05
    /// Every post keeps at least this many ambulances (default 1).
    public var minimumPerPost: Int = 1
    public init(meanTaskMinutes: Double = 60, maxBusyProbability: Double = 0.05, minimumPerPost: Int = 1) {
        self.meanTaskMinutes = meanTaskMinutes
        self.maxBusyProbability = maxBusyProbability
        self.minimumPerPost = minimumPerPost
    }

    func validate(into p: inout ProblemCollector) {
        if !(meanTaskMinutes > 0) || !meanTaskMinutes.isFinite {
            p.add(
                "gemiddelde taaktijd moet groter zijn dan 0 minuten (is \(meanTaskMinutes))",
                at: SourceLocation(field: "capacity.meanTaskMinutes"))
        }
        if !(maxBusyProbability > 0 && maxBusyProbability < 1) {
            p.add(
                "kans dat geen ambulance vrij is moet tussen 0 en 1 liggen (is \(maxBusyProbability))",
                at: SourceLocation(field: "capacity.maxBusyProbability"))
        }
        if minimumPerPost < 0 {
            p.add(
                "minimum aantal ambulances per post mag niet negatief zijn",
                at: SourceLocation(field: "capacity.minimumPerPost"))
        }
    }
}

/// Ambulances needed at one post.
public struct PostCapacity: Sendable, Hashable, Codable {
    public var postId: String
    public var ridesPerYear: Double
    /// Rides per hour in the busiest hour of the week.
    public var peakRidesPerHour: Double
    /// Offered load in the busiest hour, Erlang (λ·T).
    public var peakLoadErlang: Double
    /// Ambulances needed in the busiest hour.
    public var ambulancesNeeded: Int
    /// Erlang-B probability that all are busy with `ambulancesNeeded` in the busiest hour.
    public var busyProbability: Double
    /// Ambulances needed per hour of the week (168 values; a roster outline).
    public var ambulancesByHour: [Int]
}

public enum AmbulanceCapacity {
    /// Capacity of one post carrying `share` of the region's rides (hourly volume × share).
    /// Throws (invalid input) when a post would need more than `ErlangB.maxServers` ambulances in
    /// one hour: the model does not compute such a scenario.
    public static func post(id: String, hourly: [Double], share: Double, settings: CapacitySettings) throws(VitaalError)
        -> PostCapacity
    {
        let t = settings.meanTaskMinutes / 60
        let rates = hourly.map { $0 * share }
        func need(_ rate: Double) throws(VitaalError) -> Int {
            guard
                let c = ErlangB.serversNeeded(
                    load: rate * t, maxBlocking: settings.maxBusyProbability, minimum: settings.minimumPerPost)
            else {
                throw VitaalError.invalid(
                    "post \(id) zou meer dan \(DutchNumberFormat.format(Double(ErlangB.maxServers))) ambulances tegelijk nodig hebben; zo'n scenario rekent het model niet door (verlaag het aantal ritten of inwoners)",
                    at: SourceLocation(field: "ridesPerYear", element: "post \(id)"))
            }
            return c
        }
        var byHour: [Int] = []
        byHour.reserveCapacity(rates.count)
        for r in rates { byHour.append(try need(r)) }
        let peak = rates.max() ?? 0
        let needed = try need(peak)
        return PostCapacity(
            postId: id, ridesPerYear: rates.reduce(0, +) * RideVolume.weeksPerYear, peakRidesPerHour: peak,
            peakLoadErlang: peak * t, ambulancesNeeded: needed,
            busyProbability: ErlangB.blocking(load: peak * t, servers: needed), ambulancesByHour: byHour)
    }
}
