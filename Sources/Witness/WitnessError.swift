import Foundation
import Support

/// Why a witness folder cannot be made, read or written.
public enum WitnessError: CategorizedError, Sendable {
    /// The folder already holds a witness (its key would be lost).
    case alreadyExists(path: String)
    /// The folder holds no witness (`inclusio witness init` first), or a file of it is damaged.
    case notAWitness(path: String, reason: String)
    /// A file could not be written.
    case cannotWrite(FileWriteError)
    /// The name is not a key name (printable ASCII, no space or `+`).
    case invalidName(String)
    /// The key could not be made or used.
    case key(String)

    public var category: FailureCategory {
        switch self {
        case .alreadyExists, .cannotWrite: .output
        case .notAWitness: .input
        case .invalidName: .usage
        case .key: .internal
        }
    }

    public var description: String {
        switch self {
        case let .alreadyExists(path): "\(path) already holds a witness; its key is kept. Choose another folder."
        case let .notAWitness(path, reason): "\(path) is not a witness folder (\(reason)); make one with `inclusio witness init`."
        case let .cannotWrite(error): "The witness's state cannot be written (\(error)); nothing was cosigned. Check the disk and the folder's permissions."
        case .invalidName: "A witness name must be printable ASCII without spaces or '+', such as dpo.example.org/witness."
        case let .key(reason): "The witness key could not be used (\(reason)); check the libssl installation."
        }
    }
}
