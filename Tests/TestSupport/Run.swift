import Foundation

/// Runs programs as a user would and captures what they print; shared by the test targets.
public struct Run: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `inclusio` binary built beside this test bundle.
    public static var inclusio: URL {
        Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("inclusio")
    }

    /// Runs `inclusio` with `arguments` in the project folder.
    public static func inclusio(_ arguments: [String]) throws -> Run {
        try program(inclusio.path, arguments)
    }

    /// Runs `path` (a program on `PATH` when not absolute) in the project folder, or in `directory`.
    public static func program(_ path: String, _ arguments: [String], in directory: URL? = nil) throws -> Run {
        let process = Process()
        if path.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [path] + arguments
        }
        process.currentDirectoryURL = directory ?? project
        // Files rather than pipes: a program that fills one pipe while we read the other would block.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Starts `inclusio` with `arguments` in the project folder (a service that runs until stopped),
    /// its stdout written to `output`; returns the process and the first `https://` address it
    /// prints, waiting up to 10 seconds for it (`nil` when none came).
    public static func startService(_ arguments: [String], output: URL) throws -> (process: Process, url: String?) {
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = inclusio
        process.arguments = arguments
        process.currentDirectoryURL = project
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            Thread.sleep(forTimeInterval: 0.1)
            let printed = String(decoding: try Data(contentsOf: output), as: UTF8.self)
            if let url = printed.split(whereSeparator: { $0 == " " || $0 == "\n" }).first(where: { $0.hasPrefix("https://") }) {
                return (process, String(url))
            }
        }
        return (process, nil)
    }

    /// A new empty folder under the system temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inclusio-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The files in `folder`, hidden ones included, sorted.
    public static func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}
