internal import CCurl
import Foundation

/// A synchronous HTTPS client on libcurl 7.88 (OpenSSL); owns one easy handle, reused so that
/// consecutive requests share the TLS connection.
///
/// Not `Sendable`: one client per thread (libcurl: "You must never share the same handle in
/// multiple threads"). See <https://curl.se/libcurl/c/libcurl-easy.html>.
public final class HTTPSClient {
    private let handle: UnsafeMutableRawPointer
    let configuration: HTTPClientConfiguration
    /// `https://HOST:PORT`, the only part of a URL an error may show.
    let server: String

    /// libcurl's process-wide setup, once, before the first handle (`curl_global_init` is
    /// thread-safe only where `CURL_VERSION_THREADSAFE` says so).
    private static let globalSetup: Bool = inclusio_curl_global_init() == CURLE_OK

    /// Prepares a client; connects at the first request.
    /// - Throws: ``HTTPClientError/unreadable(file:)`` when the CA, certificate or key file cannot be read.
    public init(configuration: HTTPClientConfiguration) throws(HTTPClientError) {
        let server = Self.origin(of: configuration.server)
        let files = [configuration.trustedCA] + (configuration.identity.map { [$0.certificate, $0.key] } ?? [])
        if let unreadable = files.first(where: { !FileManager.default.isReadableFile(atPath: $0.path) }) {
            throw .unreadable(file: unreadable.path)
        }
        guard Self.globalSetup, let handle = curl_easy_init() else {
            throw .transfer(server: server, detail: "libcurl could not be initialised")
        }
        self.handle = handle
        self.configuration = configuration
        self.server = server
        guard let failed = configureConnection() else { return }
        throw .transfer(server: server, detail: String(cString: curl_easy_strerror(failed)))
    }

    deinit { curl_easy_cleanup(handle) }

    /// GETs `path` (with any query) from the server, asking for JSON.
    public func get(_ path: String) throws(HTTPClientError) -> HTTPClientResponse {
        try perform(path, body: nil)
    }

    /// POSTs `json` to `path` as `application/json`.
    public func post(_ path: String, json: Data) throws(HTTPClientError) -> HTTPClientResponse {
        try perform(path, body: (json, "application/json"))
    }

    /// POSTs `body` to `path` as `contentType` (a witness's `text/plain` add-checkpoint, for instance).
    public func post(_ path: String, body: Data, contentType: String) throws(HTTPClientError) -> HTTPClientResponse {
        try perform(path, body: (body, contentType))
    }

    /// Options that hold for every request; returns the first failing code, or `nil`.
    private func configureConnection() -> CURLcode? {
        let milliseconds = { (seconds: Double) in Int(seconds * 1000) }
        var results = [
            inclusio_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "https"),
            inclusio_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),  // no SIGALRM in a threaded program
            inclusio_curl_setopt_long(handle, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2),
            inclusio_curl_setopt_string(handle, CURLOPT_CAINFO, configuration.trustedCA.path),
            // NULL: no CA directory, so only `trustedCA` is trusted (not Debian's /etc/ssl/certs).
            inclusio_curl_setopt_string(handle, CURLOPT_CAPATH, nil),
            inclusio_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(configuration.connectTimeout)),
            inclusio_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(configuration.timeout)),
            inclusio_curl_setopt_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxResponseBytes)),
            inclusio_curl_setopt_writer(handle, CURLOPT_WRITEFUNCTION, ResponseCollector.body),
            inclusio_curl_setopt_writer(handle, CURLOPT_HEADERFUNCTION, ResponseCollector.header),
        ]
        if let identity = configuration.identity {
            results += [
                inclusio_curl_setopt_string(handle, CURLOPT_SSLCERT, identity.certificate.path),
                inclusio_curl_setopt_string(handle, CURLOPT_SSLCERTTYPE, "PEM"),
                inclusio_curl_setopt_string(handle, CURLOPT_SSLKEY, identity.key.path),
                inclusio_curl_setopt_string(handle, CURLOPT_SSLKEYTYPE, "PEM"),
            ]
        }
        return results.first { $0 != CURLE_OK }
    }

    private func perform(_ path: String, body: (data: Data, type: String)?) throws(HTTPClientError) -> HTTPClientResponse {
        let collector = ResponseCollector(limit: configuration.maxResponseBytes)
        var lines = ["Accept: application/json", "Expect:"]  // "Expect:": no 100-continue round trip
        if let body { lines.append("Content-Type: \(body.type)") }
        if let token = configuration.bearerToken { lines.append("Authorization: Bearer \(token)") }
        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        for line in lines {
            guard let appended = curl_slist_append(headers, line) else {
                throw .transfer(server: server, detail: "out of memory for the request headers")
            }
            headers = appended
        }
        let url = configuration.server.absoluteString.trimmingSuffix("/") + (path.hasPrefix("/") ? path : "/" + path)
        var results = [
            inclusio_curl_setopt_string(handle, CURLOPT_URL, url),
            inclusio_curl_setopt_list(handle, CURLOPT_HTTPHEADER, headers),
            inclusio_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(collector).toOpaque()),
            inclusio_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, Unmanaged.passUnretained(collector).toOpaque()),
        ]
        if let bytes = body?.data {
            // The size first: CURLOPT_COPYPOSTFIELDS then copies that many bytes, NULs included.
            results.append(inclusio_curl_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)))
            results.append(bytes.withUnsafeBytes { bytes in
                bytes.baseAddress.map { inclusio_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0)) }
                    ?? inclusio_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            })
        } else {
            results.append(inclusio_curl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        }
        if let failed = results.first(where: { $0 != CURLE_OK }) {
            throw .transfer(server: server, detail: String(cString: curl_easy_strerror(failed)))
        }
        let code = withExtendedLifetime(collector) { curl_easy_perform(handle) }
        guard code == CURLE_OK else { throw error(for: code, overLimit: collector.overLimit) }
        var status = 0
        guard inclusio_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK else {
            throw .transfer(server: server, detail: "no status code")
        }
        return HTTPClientResponse(status: status, headers: collector.headers, body: collector.received)
    }

    /// `scheme://host:port` of `url`, without user, path or query.
    private static func origin(of url: URL) -> String {
        "\(url.scheme ?? "https")://\(url.host ?? "")" + (url.port.map { ":\($0)" } ?? "")
    }
}

@available(*, unavailable) extension HTTPSClient: Sendable {}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
