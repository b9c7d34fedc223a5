import Foundation

/// One access or group of accesses that a rule flagged.
public struct Anomaly: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case outsideOfficeHours = "outside-office-hours"
        case bulkReads = "bulk-reads"
        case repeatedDenials = "repeated-denials"
        case unusualSchool = "unusual-school"
    }

    public let kind: Kind
    public let operatorId: String
    /// The log entries concerned.
    public let entries: [Int]
    /// Local time of the first of them.
    public let localTime: String
    /// What was seen, for the person who decides whether it was right.
    public let detail: String
}
