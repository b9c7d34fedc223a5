import Foundation

/// Paths into the project for tests, found from this file's location.
enum Fixtures {
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = project.appendingPathComponent("Schemas")
    static func file(_ path: String) -> URL { project.appendingPathComponent("Tests/Fixtures/" + path) }
}
