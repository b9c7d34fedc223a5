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

/// A plain TCP connection to 127.0.0.1, for clients that stall or never speak TLS.
final class RawConnection {
    private let descriptor: Int32

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(descriptor) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Seconds until the server closes the connection (a read returns end of file or a reset),
    /// or nil when it is still open after 15 s.
    func secondsUntilClosed() -> Double? {
        let start = Date()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return nil }
            return Date().timeIntervalSince(start)
        }
    }
}
