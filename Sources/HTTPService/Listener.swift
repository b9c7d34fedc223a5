internal import CMicroHTTPD
import Foundation

/// The listening half of the daemon's options. libmicrohttpd binds a TCP address itself
/// (`MHD_OPTION_SOCK_ADDR`); a Unix socket is bound here and handed over
/// (`MHD_OPTION_LISTEN_SOCKET`), and libmicrohttpd closes it.
struct Listener {
    private enum Socket {
        case tcp(sockaddr_in)
        case unix(descriptor: Int32, path: String)
    }

    private let requested: HTTPServerConfiguration.Endpoint
    private let socket: Socket

    init(_ endpoint: HTTPServerConfiguration.Endpoint) throws(HTTPServiceError) {
        requested = endpoint
        switch endpoint {
        case let .tcp(address, port):
            var ipv4 = sockaddr_in()
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = port.bigEndian
            guard inet_pton(AF_INET, address, &ipv4.sin_addr) == 1 else {
                throw .invalidEndpoint(endpoint.description, reason: "\(address) is not an IPv4 address such as 127.0.0.1")
            }
            socket = .tcp(ipv4)
        case let .unixSocket(path):
            socket = .unix(descriptor: try Self.bindUnixSocket(path, endpoint: endpoint.description), path: path)
        }
    }

    /// Calls `body` with the options naming the socket, valid only during the call.
    func withOptions<R>(_ body: ([MHD_OptionItem]) -> R) -> R {
        switch socket {
        case var .tcp(address):
            return withUnsafeMutablePointer(to: &address) {
                body([MHD_OptionItem(option: MHD_OPTION.SOCK_ADDR, value: 0, ptr_value: UnsafeMutableRawPointer($0))])
            }
        case let .unix(descriptor, _):
            return body([MHD_OptionItem(option: MHD_OPTION.LISTEN_SOCKET, value: Int(descriptor), ptr_value: nil)])
        }
    }

    /// The endpoint as bound: the TCP port libmicrohttpd reports when 0 was asked for.
    func endpoint(boundPort: UInt16) -> HTTPServerConfiguration.Endpoint {
        if case let .tcp(address, 0) = requested { return .tcp(address: address, port: boundPort) }
        return requested
    }

    /// After a failed start: removes the Unix socket's file. libmicrohttpd 0.9.75 has closed
    /// the descriptor already, on the way out of `MHD_start_daemon` (seen: `fcntl` on it
    /// then fails with EBADF), so closing it here could close another thread's file.
    func abandon() {
        if case let .unix(_, path) = socket { unlink(path) }
    }

    private static func bindUnixSocket(_ path: String, endpoint: String) throws(HTTPServiceError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw .invalidEndpoint(endpoint, reason: "a socket path must be 1 to 107 bytes long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        var existing = stat()
        guard lstat(path, &existing) != 0 else { throw .socketPathExists(path) }
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .cannotListen(endpoint, reason: String(cString: strerror(errno))) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        // Owner and group only: the socket file's mode is what guards it.
        guard bound == 0, chmod(path, 0o660) == 0, listen(descriptor, SOMAXCONN) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            if bound == 0 { unlink(path) }
            throw .cannotListen(endpoint, reason: reason)
        }
        return descriptor
    }
}
