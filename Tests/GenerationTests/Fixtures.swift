import Foundation

/// Paths into the project for tests, found from this file's location.
enum Fixtures {
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = project.appendingPathComponent("Schemas")
    static func file(_ path: String) -> URL { project.appendingPathComponent("Tests/Fixtures/" + path) }
}

extension Fixtures {
    static let samples = project.appendingPathComponent("Samples/cases")

    /// Runs `xmllint --noout --schema` on `files`; returns its status and stderr.
    static func xmllint(schema: URL, files: [URL]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", "--schema", schema.path] + files.map(\.path)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
