import Foundation

/// How one witness answered a checkpoint.
public enum WitnessOutcome: Sendable, Equatable {
    /// It cosigned (the cosignature is stored).
    case cosigned(Cosignature)
    /// It has cosigned a larger tree than the checkpoint: the log was cut short or restored from a backup.
    case ahead(witnessed: Int)
    /// It refused the consistency proof from the size it cosigned last: the log was rewritten (a fork).
    case inconsistent(witnessed: Int)
    /// It refused the checkpoint otherwise (an unknown log or key, a bad request): its HTTP status.
    case refused(status: Int)
    /// It could not be reached, or answered something that is not a cosignature of its key.
    case unavailable(String)
}
