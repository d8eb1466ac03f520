import Vapor
import Logging
import App
import VitaalDomain

var env = try Environment.detect()
try LoggingSystem.bootstrap(from: &env)
let app = try await Application.make(env)
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
