import Foundation
import Support

/// Why the access log or a checkpoint could not be written or read.
public enum AuditLogError: CategorizedError, Sendable {
    /// The log, its tree state or its checkpoints could not be written: the action must not go ahead.
    case cannotWrite(FileWriteError)
    /// A log file exists but cannot be read.
    case unreadable(path: String)
    /// `file` is not a checkpoint this archive writes.
    case notACheckpoint(file: String, reason: String)
    /// The signing key could not be used.
    case signing(String)

    /// An unwritable log is an output failure (nothing is done without it); an unreadable
    /// one missing input; a file that is no checkpoint wrong data; a failed signature internal.
    public var category: FailureCategory {
        switch self {
        case .cannotWrite: .output
        case .unreadable: .input
        case .notACheckpoint: .data
        case .signing: .internal
        }
    }

    public var description: String {
        switch self {
        case let .cannotWrite(error): "The access log cannot be written (\(error)); nothing was done. Check the disk and the permissions of the archive's log folder."
        case let .unreadable(path): "\(path) cannot be read; check its permissions."
        case let .notACheckpoint(file, reason): "\(file) is not an Inclusio log checkpoint (\(reason))."
        case let .signing(reason): "The checkpoint could not be signed (\(reason)); check the libssl installation."
        }
    }
}
