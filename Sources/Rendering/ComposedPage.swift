/// A finished page: its size in points and everything drawn on it.
struct ComposedPage {
    let width: Double
    let height: Double
    var items: [PageItem]
}
