import Foundation

/// A file read and told apart: its bytes, what they are, and the name messages use for it
/// (as the user wrote it, or the folder as written plus the path inside it).
public struct ClassifiedInput: Sendable {
    public let name: String
    public let data: Data
    public let kind: InputKind

    public init(name: String, data: Data, kind: InputKind) {
        self.name = name
        self.data = data
        self.kind = kind
    }
}
