internal import CMicroHTTPD
import Foundation

/// The PEM files the daemon needs, read before it starts. libmicrohttpd hands them to
/// GnuTLS (`gnutls_certificate_set_x509_key_mem`, `…_trust_mem`), which copies them into its
/// credentials, so the C strings live only during the start and are wiped after.
struct TLSFiles {
    /// TLS 1.2 and 1.3 only, with GnuTLS's default ciphers for them.
    private static let priorities = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"

    private let certificate: Data
    private let key: Data
    private let trust: Data?

    init(_ configuration: HTTPServerConfiguration) throws(HTTPServiceError) {
        certificate = try Self.read(configuration.certificate)
        key = try Self.read(configuration.privateKey)
        trust = try configuration.clientCA.map { url throws(HTTPServiceError) in try Self.read(url) }
    }

    /// Calls `body` with the TLS options, their strings valid only during the call. With a
    /// trust list, libmicrohttpd asks each client for a certificate without requiring one.
    func withOptions<R>(_ body: ([MHD_OptionItem]) -> R) -> R {
        let strings = [(MHD_OPTION.HTTPS_MEM_CERT, certificate), (MHD_OPTION.HTTPS_MEM_KEY, key),
                       (MHD_OPTION.HTTPS_PRIORITIES, Data(Self.priorities.utf8))]
            + (trust.map { [(MHD_OPTION.HTTPS_MEM_TRUST, $0)] } ?? [])
        let copies = strings.map { option, bytes in (option, Self.cString(bytes)) }
        defer {
            for (_, copy) in copies {
                copy.update(repeating: 0)
                copy.deallocate()
            }
        }
        return body(copies.map { MHD_OptionItem(option: $0, value: 0, ptr_value: UnsafeMutableRawPointer($1.baseAddress)) })
    }

    private static func cString(_ bytes: Data) -> UnsafeMutableBufferPointer<CChar> {
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count + 1)
        copy.initialize(repeating: 0)
        bytes.withUnsafeBytes { raw in UnsafeMutableRawBufferPointer(copy).copyMemory(from: raw) }
        return copy
    }

    private static func read(_ url: URL) throws(HTTPServiceError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: url.path)
        }
    }
}
