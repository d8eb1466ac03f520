import Vapor
import Logging
import App
import AppCore
import VitaalDomain

var env = try Environment.detect()
if ProcessInfo.processInfo.environment["VITAAL_LOG_FORMAT"] == "json" {
    let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
} else {
    try LoggingSystem.bootstrap(from: &env)
}
let app = try await Application.make(env)
// CLI commands other than `serve` report their own errors (in Dutch, below); keep the log to errors
// there unless LOG_LEVEL asks for more.
let commandName = CommandLine.arguments.dropFirst().first ?? "serve"
if commandName != "serve" && ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil {
    app.logger.logLevel = .error
}
do {
    try await configure(app)
    try await app.execute()
    try await app.asyncShutdown()
} catch let error as VitaalError {
    FileHandle.standardError.write(Data(("Fout: " + error.description + "\n").utf8))
    try? await app.asyncShutdown()
    exit(1)
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
