import HTTPService

/// What one client may cost `inclusio serve`: the options that set ``HTTPLimits``, defaults as there.
enum ServeLimits {
    static let maxRequest = Option(["--max-request-bytes"], value: "bytes", type: .integer(4096...(1 << 30)),
                                   help: "Largest request, input files included (base64: a third larger), in bytes (default 33554432); larger ones are answered 413.")
    static let maxHeader = Option(["--max-header-bytes"], value: "bytes", type: .integer(4096...(1 << 20)),
                                  help: "Memory for one request's line and headers, in bytes (default 32768); larger ones are answered 431 or 414.")
    static let idleTimeout = Option(["--idle-timeout"], value: "seconds", type: .integer(1...3600),
                                    help: "Seconds a connection may stay silent, in the TLS handshake or a request, before it is closed (default 30).")
    static let requestDeadline = Option(["--request-deadline"], value: "seconds", type: .integer(1...86_400),
                                        help: "Seconds a client has to send a whole request (TLS handshake, headers, body), however it trickles them (default 120); then it is cut.")
    static let perAddress = Option(["--connections-per-address"], value: "count", type: .integer(1...65_535),
                                   help: "Connections open at once from one IP address (default 32); more are refused.")

    static let options = [maxRequest, maxHeader, idleTimeout, requestDeadline, perAddress]

    /// The limits the command line sets, the others at their defaults.
    static func limits(_ arguments: ParsedArguments) -> HTTPLimits {
        let defaults = HTTPLimits()
        return HTTPLimits(maxBodyBytes: arguments.integer(maxRequest) ?? 32 << 20,
                          maxHeaderBytes: arguments.integer(maxHeader) ?? defaults.maxHeaderBytes,
                          idleTimeoutSeconds: arguments.integer(idleTimeout).map(UInt32.init) ?? defaults.idleTimeoutSeconds,
                          requestDeadlineSeconds: arguments.integer(requestDeadline).map(UInt32.init) ?? defaults.requestDeadlineSeconds,
                          connectionsPerAddress: arguments.integer(perAddress) ?? defaults.connectionsPerAddress)
    }
}
