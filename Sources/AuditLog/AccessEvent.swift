import Foundation

/// One access to the archive, as the log keeps it: who, what, which pupil (by pseudonym),
/// which document, why, to whom, and whether it was allowed. No name or national id.
public struct AccessEvent: Sendable, Equatable {
    public enum Outcome: String, Sendable { case granted, denied, failed }

    /// Position in the log, from 1; set when appended.
    public var sequence: Int = 0
    /// UTC time (ISO 8601); set when appended.
    public var time: String = ""
    public let operatorId: String
    public let role: String
    public let organisation: String
    /// `login`, `ingest`, `read`, `search`, `export`, `render`, `pack`, `transfer`, `import`, `hold`, `shred`, `policy`, `audit` …
    public let action: String
    public let pupil: String?
    public let document: String?
    public let version: Int?
    /// SHA-256 (hex) of the document version's content.
    public let sha256: String?
    /// Purpose or legal basis, as the operator gave it.
    public let purpose: String
    /// Who received the data, for disclosures.
    public let recipient: String?
    public let outcome: Outcome
    /// Leaf hash (hex) of the entry before this one; set when appended.
    public var previous: String = ""

    public init(operatorId: String, role: String, organisation: String, action: String, pupil: String? = nil,
                document: String? = nil, version: Int? = nil, sha256: String? = nil, purpose: String,
                recipient: String? = nil, outcome: Outcome) {
        self.operatorId = operatorId
        self.role = role
        self.organisation = organisation
        self.action = action
        self.pupil = pupil
        self.document = document
        self.version = version
        self.sha256 = sha256
        self.purpose = purpose
        self.recipient = recipient
        self.outcome = outcome
    }
}
