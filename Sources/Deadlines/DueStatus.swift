/// Where a pupil (or an office) stands with one deadline on the day asked about.
public enum DueStatus: String, Sendable, Encodable, CaseIterable {
    /// The deadline has passed and the documents it needs are not there.
    case overdue
    /// Not done yet, and the deadline is within the days asked about.
    case due
    /// Not done yet; the window is open, the deadline further off.
    case open
    /// Done in time (for an interval: the last document is recent enough).
    case done
    /// Done, but after the deadline.
    case late
    /// A window that is not open yet: doing it now would be too early (e.g. a re-assessment request).
    case waiting
    /// An office task the archive cannot see, whose window is open or about to open.
    case reminder
    /// The pupil's latest placement says what a flag rule looks at (a decision against the guardian's wish).
    case flagged
}

/// One rule applied to one pupil (or, for an office task, to one jurisdiction).
public struct Assessment: Sendable, Equatable {
    public let status: DueStatus
    /// The deadline; for a window only (``DueStatus/waiting``, an interval without deadline) the day it opens.
    public let date: CalendarDay
    /// The newest document that counted, if any.
    public let last: CalendarDay?
    /// Documents that counted, and how many are needed.
    public let found: Int
    public let needed: Int
}
