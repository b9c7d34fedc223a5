import Foundation
import Support

/// Why a report could not be made.
public enum AuditReportError: CategorizedError, Sendable {
    case noLabels(jurisdiction: String, file: String)
    case badLabels(file: String, reason: String)
    case badDate(String)

    /// Report labels are part of the installation; a date that is no date was typed wrongly.
    public var category: FailureCategory {
        switch self {
        case .noLabels, .badLabels: .configuration
        case .badDate: .usage
        }
    }

    public var description: String {
        switch self {
        case let .noLabels(jurisdiction, file): "There are no report labels for jurisdiction \(jurisdiction) (\(file) is missing); add that file or choose another jurisdiction with --jurisdiction."
        case let .badLabels(file, reason): "\(file) cannot be used: \(reason)."
        case let .badDate(text): "\"\(text)\" is not a date; write it as YYYY-MM-DD."
        }
    }
}
