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
