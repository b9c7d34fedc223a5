import Foundation

/// When an access is worth a second look. The defaults suit a school office; each can be
/// changed on the command line. Findings are prompts for a person, never verdicts.
public struct AnomalyRules: Sendable {
    /// Office hours, local time: from `openingHour` to before `closingHour`, Monday to Friday.
    public var openingHour = 7
    public var closingHour = 19
    /// More than this many different pupils' files read, exported, printed, packed or sent
    /// by one operator within `bulkWindow` seconds.
    public var bulkReads = 20
    public var bulkWindow: TimeInterval = 3600
    /// This many refusals (denied accesses or failed logins) of one operator within a local day.
    public var repeatedDenials = 3
    /// An operator with at least this many earlier accesses to pupils, opening a pupil of a
    /// school none of them belonged to.
    public var usualSchoolsBaseline = 10

    public init() {}

    /// The actions that release a pupil's documents.
    static let reads: Set<String> = ["read", "export", "render", "pack", "transfer"]
}
