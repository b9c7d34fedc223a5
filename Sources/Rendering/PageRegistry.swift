/// Page numbers learnt while laying out one document: where each `id` starts and each
/// page-sequence's last page number (formatted), and whether a text was needed too early.
final class PageRegistry {
    var starts: [String: String] = [:]
    var lastPages: [String: String] = [:]
    private(set) var neededUnknown = false

    func unresolved() -> String {
        neededUnknown = true
        return "0"
    }

    /// Starts a new pass that keeps what the previous one learnt.
    func beginPass() { neededUnknown = false }
}
