import AuditLog
import Foundation

/// A witness the log submits its checkpoints to: its verifier key and where it listens.
public struct WitnessEndpoint: Sendable, Equatable {
    public let key: WitnessKey
    /// The submission prefix: `POST <url>/add-checkpoint`.
    public let url: URL

    public init(key: WitnessKey, url: URL) {
        self.key = key
        self.url = url
    }
}
