import Foundation

/// Why a report could not be made.
public enum AuditReportError: Error, CustomStringConvertible, Sendable {
    case noLabels(jurisdiction: String, file: String)
    case badLabels(file: String, reason: String)
    case badDate(String)

    public var description: String {
        switch self {
        case let .noLabels(jurisdiction, file): "There are no report labels for jurisdiction \(jurisdiction) (\(file) is missing); add that file or choose another jurisdiction with --jurisdiction."
        case let .badLabels(file, reason): "\(file) cannot be used: \(reason)."
        case let .badDate(text): "\"\(text)\" is not a date; write it as YYYY-MM-DD."
        }
    }
}
