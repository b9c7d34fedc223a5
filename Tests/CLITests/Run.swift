import Foundation

/// Runs programs as a user would and captures what they print.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String

    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `inclusio` binary built beside this test bundle.
    static var inclusio: URL {
        Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("inclusio")
    }

    /// Runs `inclusio` with `arguments` in the project folder.
    static func inclusio(_ arguments: [String]) throws -> Run {
        try program(inclusio.path, arguments)
    }

    /// Runs `path` (a program on `PATH` when not absolute) in the project folder.
    static func program(_ path: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        if path.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [path] + arguments
        }
        process.currentDirectoryURL = project
        // Files rather than pipes: a program that fills one pipe while we read the other would block.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A new empty folder under the system temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inclusio-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The files in `folder`, hidden ones included, sorted.
    static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}
