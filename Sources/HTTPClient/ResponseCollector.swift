internal import CCurl
import Foundation

/// Gathers one response's header lines and body from libcurl's write callbacks; lives for
/// one `curl_easy_perform` on the calling thread.
final class ResponseCollector {
    private let limit: Int
    private(set) var headers: [HTTPClientResponse.Header] = []
    private(set) var received = Data()
    /// Set when the body ran past `limit` (a chunked answer, which CURLOPT_MAXFILESIZE cannot judge in advance).
    private(set) var overLimit = false

    init(limit: Int) {
        self.limit = limit
    }

    /// `CURLOPT_WRITEFUNCTION`: returning less than was given makes libcurl stop with `CURLE_WRITE_ERROR`.
    static let body: curl_write_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard collector.received.count + length <= collector.limit else {
            collector.overLimit = true
            return 0
        }
        data.withMemoryRebound(to: UInt8.self, capacity: length) { collector.received.append($0, count: length) }
        return length
    }

    /// `CURLOPT_HEADERFUNCTION`: one call per header line, status lines included; a new status
    /// line (after `100 Continue`) starts the headers afresh.
    static let header: curl_write_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            collector.headers = []
        } else if let colon = line.firstIndex(of: ":") {
            collector.headers.append(HTTPClientResponse.Header(
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return length
    }
}
