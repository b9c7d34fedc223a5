internal import CMicroHTTPD
import Foundation

/// An HTTPS server on GNU libmicrohttpd 0.9.75 with GnuTLS; owns its `MHD_Daemon`.
///
/// It starts listening in `init` and serves until ``stop()`` (or until released). Requests
/// are read whole, within ``HTTPLimits``, then handed to the handler on one of
/// ``HTTPLimits/threads`` pool threads (`MHD_USE_INTERNAL_POLLING_THREAD` with
/// `MHD_OPTION_THREAD_POOL_SIZE`): each thread polls many connections with epoll, so a slow
/// client costs a socket and a little memory, not a thread.
///
/// Not `Sendable`: start and stop it from one place. The handler, not the server, runs
/// concurrently. See <https://www.gnu.org/software/libmicrohttpd/manual/libmicrohttpd.html>.
public final class HTTPSServer {
    /// Where the server listens, with the port the kernel chose when asked for port 0.
    public let endpoint: HTTPServerConfiguration.Endpoint
    private let daemon: OpaquePointer
    /// Kept alive for the daemon's callbacks, which receive them unretained.
    private let context: RequestContext
    private let log: ServerLog
    private let deadlines: RequestDeadlines
    private var running = true

    /// Starts listening and serving.
    /// - Throws: ``HTTPServiceError/unreadable(file:)`` for a missing PEM file,
    ///   ``HTTPServiceError/cannotListen(_:reason:)`` when the address is taken,
    ///   ``HTTPServiceError/cannotStart(_:messages:)`` when libmicrohttpd refuses the TLS files.
    public init(configuration: HTTPServerConfiguration, handler: @escaping HTTPHandler) throws(HTTPServiceError) {
        let limits = configuration.limits
        try Self.check(limits)
        let log = ServerLog(forwardingTo: configuration.log)
        let deadlines = RequestDeadlines(seconds: limits.requestDeadlineSeconds)
        let context = RequestContext(handler: handler, maxBodyBytes: limits.maxBodyBytes,
                                     verifiesClients: configuration.clientCA != nil, deadlines: deadlines)
        let tls = try TLSFiles(configuration)
        let listener = try Listener(configuration.endpoint)

        let completed: MHD_RequestCompletedCallback = { watch, connection, state, _ in
            RequestContext.release(state)
            if let watch, let connection { Unmanaged<RequestDeadlines>.fromOpaque(watch).takeUnretainedValue().completed(connection) }
        }
        let common = [
            MHD_OptionItem(option: MHD_OPTION.CONNECTION_MEMORY_LIMIT, value: limits.maxHeaderBytes, ptr_value: nil),
            MHD_OptionItem(option: MHD_OPTION.CONNECTION_TIMEOUT, value: Int(limits.idleTimeoutSeconds), ptr_value: nil),
            MHD_OptionItem(option: MHD_OPTION.PER_IP_CONNECTION_LIMIT, value: limits.connectionsPerAddress, ptr_value: nil),
            MHD_OptionItem(option: MHD_OPTION.CONNECTION_LIMIT, value: limits.maxConnections, ptr_value: nil),
            MHD_OptionItem(option: MHD_OPTION.THREAD_POOL_SIZE, value: limits.threads, ptr_value: nil),
        ]
        let flags = MHD_USE_TLS.rawValue | MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            | MHD_USE_ERROR_LOG.rawValue
        let started = listener.withOptions { socket in
            tls.withOptions { files in
                var options = socket + files + common + [MHD_OptionItem(option: MHD_OPTION.END, value: 0, ptr_value: nil)]
                return options.withUnsafeMutableBufferPointer { items in
                    inclusio_MHD_start_daemon(flags, RequestContext.access, Unmanaged.passUnretained(context).toOpaque(),
                                              completed, ServerLog.write, Unmanaged.passUnretained(log).toOpaque(),
                                              RequestDeadlines.notify, Unmanaged.passUnretained(deadlines).toOpaque(),
                                              items.baseAddress)
                }
            }
        }
        let messages = log.endStart()
        guard let started else {
            deadlines.stop()
            listener.abandon()
            // "Failed to bind to port 0: Address already in use" (the port libmicrohttpd names is
            // its own argument, unused here): keep the system's reason.
            if let bind = messages.first(where: { $0.hasPrefix("Failed to bind") }) {
                throw .cannotListen(configuration.endpoint.description, reason: String(bind.split(separator: ": ").last ?? ""))
            }
            throw .cannotStart(configuration.endpoint.description, messages: messages)
        }
        daemon = started
        self.log = log
        self.context = context
        self.deadlines = deadlines
        endpoint = listener.endpoint(boundPort: inclusio_MHD_bound_port(started))
    }

    /// Stops accepting, waits for the pool threads to finish the requests they are running,
    /// closes every connection and removes the Unix socket file. Idempotent.
    public func stop() {
        guard running else { return }
        running = false
        MHD_stop_daemon(daemon)
        deadlines.stop()
        if case let .unixSocket(path) = endpoint { unlink(path) }
    }

    deinit { stop() }

    private static func check(_ limits: HTTPLimits) throws(HTTPServiceError) {
        let ranges: [(String, Int, ClosedRange<Int>)] = [
            ("maxBodyBytes", limits.maxBodyBytes, 1...Int.max),
            ("maxHeaderBytes", limits.maxHeaderBytes, 1024...(1 << 26)),
            ("idleTimeoutSeconds", Int(limits.idleTimeoutSeconds), 1...86_400),
            ("requestDeadlineSeconds", Int(limits.requestDeadlineSeconds), 1...86_400),
            ("connectionsPerAddress", limits.connectionsPerAddress, 1...65_535),
            ("maxConnections", limits.maxConnections, 1...65_535),
            ("threads", limits.threads, 1...1024),
        ]
        if let (name, _, _) = ranges.first(where: { !$0.2.contains($0.1) }) { throw .invalidLimit(name) }
    }
}

@available(*, unavailable) extension HTTPSServer: Sendable {}
