internal import CMicroHTTPD
import Foundation
import Synchronization

/// Receives libmicrohttpd's messages (`MHD_OPTION_EXTERNAL_LOGGER`): keeps those written
/// while the daemon starts, for the error if it fails, and forwards all to the configured log.
final class ServerLog: Sendable {
    private let forward: (@Sendable (String) -> Void)?
    /// `nil` once the start is over.
    private let startMessages = Mutex<[String]?>([])

    init(forwardingTo forward: (@Sendable (String) -> Void)?) {
        self.forward = forward
    }

    /// The messages written during the start; later ones are only forwarded.
    func endStart() -> [String] {
        startMessages.withLock { messages in
            defer { messages = nil }
            return messages ?? []
        }
    }

    private func record(_ message: String) {
        startMessages.withLock { $0?.append(message) }
        forward?(message)
    }

    /// The `MHD_LogCallback`; `context` is an unretained `ServerLog`.
    static let write: MHD_LogCallback = { context, format, arguments in
        guard let context, let format, let arguments else { return }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = vsnprintf(&buffer, buffer.count, format, arguments)
        let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        Unmanaged<ServerLog>.fromOpaque(context).takeUnretainedValue()
            .record(message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
