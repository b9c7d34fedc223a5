/// The page-number texts a paragraph may show: its own page, a sequence's last page, the
/// page an element starts on. Citations not yet known read "0" and mark a second pass.
struct PageNumberTexts {
    let current: String
    let registry: PageRegistry

    func lastPage(of sequence: String) -> String {
        registry.lastPages[sequence] ?? registry.unresolved()
    }

    func page(of id: String) -> String {
        registry.starts[id] ?? registry.unresolved()
    }
}

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
