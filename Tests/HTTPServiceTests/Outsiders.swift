import Foundation
import TestSupport

/// `curl` and `openssl s_client` as outsiders judge the server, and a raw TCP client for
/// what no well-behaved client does.
enum Outsiders {
    /// `curl` with `arguments`, stdin from /dev/null; stdout ends with a line holding the status
    /// code (`-w`), 000 when there was no answer.
    static func curl(_ arguments: [String]) throws -> (exit: Int32, status: Int, body: String) {
        let run = try Run.program("curl", ["-sS", "--max-time", "20", "-w", "\n%{http_code}"] + arguments)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return (run.status, Int(lines.last ?? "") ?? -1, lines.dropLast().joined(separator: "\n"))
    }

    /// `openssl s_client` against `port`, its stdin empty so that it closes after the handshake.
    static func sClient(port: UInt16, _ arguments: [String]) throws -> Run {
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        return try Run.program("sh", ["-c", "openssl s_client -connect 127.0.0.1:\(port) \(quoted) </dev/null"])
    }
}
