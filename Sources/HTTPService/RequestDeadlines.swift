internal import CMicroHTTPD
import Foundation
import Synchronization

/// Closes connections whose client takes longer than ``HTTPLimits/requestDeadlineSeconds`` to
/// send a request (TLS handshake, line, headers and body), however it trickles them.
///
/// libmicrohttpd 0.9.75's `MHD_OPTION_CONNECTION_TIMEOUT` counts only silence: "after how many
/// seconds of inactivity should a connection automatically be timed out", so a client sending a
/// byte a second holds its connection for ever. The clock starts when a connection is accepted
/// (`MHD_CONNECTION_NOTIFY_STARTED`) and again when a request on it completes (the next one is
/// awaited); it stops while a received request is being answered. A watch thread `shutdown`s the
/// socket of a connection past its deadline: the pool thread serving it reads end of file and
/// closes it as a client's close, with no answer (0.9.75 cannot queue one before the headers).
///
/// Thread-safe: the table is under a mutex, and an entry is removed (`MHD_CONNECTION_NOTIFY_CLOSED`,
/// which libmicrohttpd calls before closing the socket) under the same mutex the watch thread
/// shuts sockets down with, so it never touches a descriptor already closed and reused.
final class RequestDeadlines: Sendable {
    private struct Watched {
        let descriptor: Int32
        /// When the client started sending the awaited request; nil while one is answered.
        var since: ContinuousClock.Instant?
    }

    private let deadline: Duration
    private let connections = Mutex<[UInt: Watched]>([:])
    private let stopped = Atomic<Bool>(false)

    init(seconds: UInt32) {
        deadline = .seconds(Int(seconds))
        let watcher = Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: 0.25)
                sweep()
            }
        }
        watcher.name = "inclusio-request-deadlines"
        watcher.start()
    }

    /// Ends the watch thread within a quarter of a second.
    func stop() { stopped.store(true, ordering: .relaxed) }

    private func sweep() {
        let now = ContinuousClock.now
        connections.withLock { table in
            for (key, watched) in table {
                guard let since = watched.since, now - since > deadline else { continue }
                shutdown(watched.descriptor, Int32(SHUT_RDWR))
                table[key]?.since = nil
            }
        }
    }

    private static func key(_ connection: OpaquePointer) -> UInt { UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection))) }

    /// The request on `connection` is in whole: its answer is not timed.
    func received(_ connection: OpaquePointer) {
        connections.withLock { $0[Self.key(connection)]?.since = nil }
    }

    /// The request on `connection` was answered (or cut): the next one is awaited from now.
    func completed(_ connection: OpaquePointer) {
        connections.withLock { $0[Self.key(connection)]?.since = .now }
    }

    /// The `MHD_NotifyConnectionCallback`; `context` is an unretained `RequestDeadlines`.
    static let notify: MHD_NotifyConnectionCallback = { context, connection, _, event in
        guard let context, let connection else { return }
        let deadlines = Unmanaged<RequestDeadlines>.fromOpaque(context).takeUnretainedValue()
        let key = key(connection)
        if event.rawValue == 0 {  // MHD_CONNECTION_NOTIFY_STARTED (imported without names); 1 is _CLOSED
            let descriptor = inclusio_MHD_connection_fd(connection)
            guard descriptor >= 0 else { return }
            deadlines.connections.withLock { $0[key] = Watched(descriptor: descriptor, since: .now) }
        } else {
            deadlines.connections.withLock { _ = $0.removeValue(forKey: key) }
        }
    }
}
