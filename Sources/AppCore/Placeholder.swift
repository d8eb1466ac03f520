import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import Plot
import Prometheus
import ZIPFoundation
public func configurePlaceholder(_ app: Application) {}
