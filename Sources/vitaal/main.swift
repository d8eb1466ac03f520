import App
import AppCore
import Logging
import Vapor
import VitaalDomain

// The environment is read once, through `VitaalConfiguration` (the README's configuration table).
let configuration = VitaalConfiguration.fromEnvironment()
var environment = try Environment.detect()
if configuration.jsonLogs {
    let level = configuration.logLevel ?? .info
    LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
} else {
    try LoggingSystem.bootstrap(from: &environment)
}
let app = try await Application.make(environment)
app.vitaal = configuration
// CLI commands other than `serve` report their own errors (in Dutch, below); keep the log to errors
// there unless LOG_LEVEL asks for more.
let commandName = CommandLine.arguments.dropFirst().first ?? "serve"
if commandName != "serve" && configuration.logLevel == nil {
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
