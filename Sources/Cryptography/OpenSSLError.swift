internal import COpenSSL

/// A libcrypto call that failed, with the reasons OpenSSL queued for it.
///
/// Shown only with `--verbose` or inside a ``CryptographyError``; clerks get the
/// ``CryptographyError`` wording.
public struct OpenSSLError: Error, CustomStringConvertible, Sendable {
    /// The libcrypto function that failed.
    public let function: String
    /// OpenSSL's reason strings, oldest first.
    public let reasons: [String]

    /// Drains OpenSSL's error queue (so the next failure starts clean) into an error for `function`.
    static func drain(_ function: String) -> OpenSSLError {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            reasons.append(ERR_reason_error_string(code).map { String(cString: $0) } ?? "error \(code)")
        }
        return OpenSSLError(function: function, reasons: reasons)
    }

    /// Empties OpenSSL's error queue.
    static func clear() { ERR_clear_error() }

    public var description: String {
        "\(function) failed" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
    }
}
