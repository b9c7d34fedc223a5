import Foundation
import Generation

/// Paths into the project for tests, found from this file's location.
enum Fixtures {
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = project.appendingPathComponent("Schemas")
    static func file(_ path: String) -> URL { project.appendingPathComponent("Tests/Fixtures/" + path) }
}

extension Fixtures {
    static let samples = project.appendingPathComponent("Samples/cases")

    /// Every sample case file, in path order; the samples are named after their format.
    static func sampleCases() throws -> [CaseFile] {
        let files = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.compactMap { url in
            try CaseFormat(rawValue: url.pathExtension).map { CaseFile(name: String(url.standardizedFileURL.path.dropFirst(samples.standardizedFileURL.path.count + 1)), data: try Data(contentsOf: url), format: $0) }
        }.sorted { $0.name < $1.name }
    }

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
