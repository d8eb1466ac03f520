import Metrics
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// Prometheus metrics. swift-metrics can be bootstrapped once per process, so the registry is
/// process-wide; Vapor's own request counters and timers flow into it.
public enum VitaalMetrics {
    private static let bootstrapped = NIOLockedValueBox<PrometheusCollectorRegistry?>(nil)

    public static var registry: PrometheusCollectorRegistry {
        bootstrapped.withLockedValue { current in
            if let current { return current }
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            current = registry
            return registry
        }
    }

    /// Prometheus text exposition format.
    public static func exposition() -> String {
        var buffer = [UInt8]()
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
