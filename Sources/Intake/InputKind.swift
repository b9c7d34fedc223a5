import Generation

/// What a file is, told from its bytes.
public enum InputKind: Hashable, Sendable, CustomStringConvertible {
    /// Case data to generate records from.
    case caseFile(CaseFormat)
    /// A record: XML whose root namespace is a kind of the schema catalogue. `nil` only for XML
    /// that cannot be parsed far enough to say, handed on as a record so that the record reader
    /// reports its problems at their lines (see ``Intake/read(_:name:)``).
    case record(kind: String?)
    /// A dossier: a zip starting with the ASiC-E `mimetype` entry.
    case dossier
    /// A document the archive keeps as it is (PDF, PNG, JPEG, TIFF), with its media type.
    case attachment(mediaType: String)

    /// The category commands accept or refuse.
    public var category: InputCategory {
        switch self {
        case .caseFile: .caseFile
        case .record: .record
        case .dossier: .dossier
        case .attachment: .attachment
        }
    }

    /// In words, for messages: "a JSON case file", "a placement record", "a dossier", "a PDF attachment".
    public var description: String {
        switch self {
        case let .caseFile(format): "a \(format.rawValue.uppercased()) case file"
        case let .record(kind): kind.map { "a \($0) record" } ?? "a record"
        case .dossier: "a dossier"
        case let .attachment(mediaType): "a \(InputClassifier.attachmentNames[mediaType] ?? mediaType) attachment"
        }
    }
}

/// The kinds of input a command may take.
public enum InputCategory: String, Hashable, Sendable, CaseIterable {
    case caseFile = "case files"
    case record = "records"
    case dossier = "dossiers"
    case attachment = "attachments"

    /// The file extensions a folder is searched for when this category is wanted. Only folders
    /// go by extension; every file found, or named, is told by its bytes.
    public var folderExtensions: Set<String> {
        switch self {
        case .caseFile: ["json", "csv", "xml"]
        case .record: ["xml"]
        case .dossier: ["asice"]
        case .attachment: ["pdf", "png", "jpg", "jpeg", "tif", "tiff"]
        }
    }
}
